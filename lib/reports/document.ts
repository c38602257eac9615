import { ACTION_STATUSES } from "@/db/schema/enums";
import { CHAMPION_ROLE_LABELS, STATUS_LABELS } from "@/lib/format";
import type { ChartSeriesInput } from "@/lib/metrics/chart";
import { METRIC_STATUS_LABELS, type MetricStatus } from "@/lib/metrics/status";
import type { CompiledReport, ReportAction, ReportMetric, StatusCounts } from "./compiled";
import { REPORT_SECTIONS, type ReportSection, type ReportTexts } from "./schema";

// The report as a document: an ordered list of sections made of blocks
// (staff Markdown, sentences, tables, charts, featured narratives). The web
// view, the PDF and the XLSX are all drawn from this one structure, so the
// three always say the same thing; the XLSX holds exactly the tables below.
// Pure: it reads only the report's content (a draft's or a frozen snapshot).

/** A table cell holds data, not text; each renderer formats it by its column's kind. */
export type ReportCell = string | number | null | { n: number; delta: number | null };

export interface ReportColumn {
  label: string;
  /** text; number (a count); percent (0–100); count (with its change since the previous period). */
  kind: "text" | "number" | "percent" | "count";
  /** Relative width for the PDF (default 1). */
  width?: number;
}

export interface ReportTable {
  kind: "table";
  /** Unique in the document; also names the XLSX sheet (at most 31 characters). */
  id: string;
  caption: string;
  columns: ReportColumn[];
  rows: ReportCell[][];
  /** Said instead of an empty table. */
  empty: string;
}

export type ReportBlock =
  | { kind: "markdown"; source: string }
  | { kind: "paragraph"; text: string }
  | ReportTable
  | { kind: "chart"; metricKey: string; input: ChartSeriesInput; summary: string }
  | { kind: "narrative"; updateId: number; heading: string; byline: string; source: string };

export interface ReportDocSection {
  /** Anchor on the web page and the PDF's outline key. */
  id: string;
  title: string;
  blocks: ReportBlock[];
  children: ReportDocSection[];
}

export interface ReportContent {
  title: string;
  edition: number;
  /** null while a draft. */
  publishedAt: string | null;
  changeNote: string | null;
  texts: ReportTexts;
  featuredUpdateIds: number[];
  sectionOrder: string[];
  compiled: CompiledReport;
}

export interface ReportDocument {
  title: string;
  planTitle: string;
  region: string;
  periodLabel: string;
  edition: number;
  publishedAt: string | null;
  changeNote: string | null;
  compiledAt: string;
  sections: ReportDocSection[];
}

const SECTION_TITLES: Record<ReportSection, string> = {
  introduction: "Introduction",
  summary: "Executive summary",
  highlights: "Highlights",
  priorities: "Priority actions",
  clusters: "Progress by cluster",
  attention: "Needs attention",
  asks: "Asks of the Executive Committee",
  "next-steps": "Next steps",
  appendix: "Appendix: work groups and reporting",
};

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : "0");
const pct = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);

/** "+3 on track, −2 at risk" (no changes: "no status changes"). */
export function deltaSentence(deltas: StatusCounts): string {
  const parts = ACTION_STATUSES.filter((s) => deltas[s] !== 0).map((s) => `${signed(deltas[s])} ${STATUS_LABELS[s].toLowerCase()}`);
  return parts.length ? parts.join(", ") : "no status changes";
}

/** An action as a table or heading names it: its code and its title, or its text. */
export const actionName = (a: ReportAction) => `${a.code} ${a.title ?? a.text}`.trim();

/** Only accepted narratives reach the board: a submitted one has not been reviewed yet. */
export const printedNarrative = (a: ReportAction) => (a.update?.reviewState === "accepted" && a.update.narrative.trim() ? a.update.narrative : null);

const ACTION_COLUMNS: ReportColumn[] = [
  { label: "Code", kind: "text", width: 0.7 },
  { label: "Action", kind: "text", width: 4 },
  { label: "Work group", kind: "text", width: 1.6 },
  { label: "Status", kind: "text", width: 1 },
  { label: "% complete", kind: "percent", width: 0.9 },
];
const actionRow = (a: ReportAction): ReportCell[] => [a.code, a.title ?? a.text, a.workGroup, STATUS_LABELS[a.status], a.percentComplete];

function actionTable(id: string, caption: string, list: ReportAction[], empty: string): ReportTable {
  return { kind: "table", id, caption, columns: ACTION_COLUMNS, rows: list.map(actionRow), empty };
}

const METRIC_COLUMNS: ReportColumn[] = [
  { label: "Metric", kind: "text", width: 2.5 },
  { label: "Status", kind: "text", width: 1 },
  { label: "Figures", kind: "text", width: 4 },
];
const metricRow = (m: ReportMetric): ReportCell[] => [m.name, METRIC_STATUS_LABELS[m.status] + (m.stale ? " (stale)" : ""), m.summary];

function narrativeBlock(a: ReportAction): ReportBlock[] {
  const source = printedNarrative(a);
  if (!source || !a.update) return [];
  return [{ kind: "narrative", updateId: a.update.id, heading: actionName(a), byline: `${STATUS_LABELS[a.status]}, ${a.percentComplete}% complete${a.update.authorName ? `. Update by ${a.update.authorName}` : ""}.`, source }];
}

function countsTable(id: string, caption: string, rows: { label: string; counts: StatusCounts; deltas: StatusCounts }[]): ReportTable {
  return {
    kind: "table",
    id,
    caption,
    columns: [{ label: "", kind: "text", width: 2.2 }, ...ACTION_STATUSES.map((s) => ({ label: STATUS_LABELS[s], kind: "count" as const })), { label: "Total", kind: "number" }],
    rows: rows.map((r) => [r.label, ...ACTION_STATUSES.map((s) => ({ n: r.counts[s], delta: r.deltas[s] })), ACTION_STATUSES.reduce((t, s) => t + r.counts[s], 0)]),
    empty: "No actions.",
  };
}

function summarySection(c: CompiledReport): ReportBlock[] {
  const s = c.summary;
  const blocks: ReportBlock[] = [
    {
      kind: "paragraph",
      text: `${s.updated} of ${s.totalActions} actions (${pct(s.updated, s.totalActions)}%) were updated for ${c.period.label}.` + (c.previousPeriod ? ` Since ${c.previousPeriod.label}: ${deltaSentence(s.deltas)}.` : " This is the plan's first reporting period, so there are no changes to compare."),
    },
    {
      kind: "table",
      id: "status-overall",
      caption: "Actions by status",
      columns: [
        { label: "Status", kind: "text", width: 2 },
        { label: "Actions", kind: "number" },
        { label: c.previousPeriod ? `Change since ${c.previousPeriod.label}` : "Change", kind: "text" },
        { label: "Share", kind: "percent" },
      ],
      rows: ACTION_STATUSES.map((st) => [STATUS_LABELS[st], s.counts[st], c.previousPeriod ? signed(s.deltas[st]) : "–", pct(s.counts[st], s.totalActions)]),
      empty: "No actions.",
    },
    countsTable("status-by-cluster", "Actions by status and cluster (change since the previous period in brackets)", [...c.clusters.map((k) => ({ label: k.title, counts: k.counts, deltas: k.deltas })), { label: "All actions", counts: s.counts, deltas: s.deltas }]),
    {
      kind: "table",
      id: "metric-status",
      caption: "Metrics against target",
      columns: [
        { label: "Status", kind: "text", width: 2 },
        { label: "Metrics", kind: "number" },
      ],
      rows: (["on_track", "behind", "off_track", "no_target", "no_data"] as MetricStatus[]).map((st) => [METRIC_STATUS_LABELS[st], s.metrics[st]]).concat([["Stale (no recent value)", s.metrics.stale], ["All metrics", s.metrics.total]]),
      empty: "No metrics.",
    },
  ];
  return blocks;
}

// A cluster of a large plan can have hundreds of metrics: a chart for each
// made the scale plan's report page 28 MB and its PDF 600 pages. Each cluster
// charts at most this many, those that most need the committee's eye first
// (off track, behind, then on track, then those with no target), in the
// plan's order; metrics with no value have nothing to draw. The table after
// the charts still lists every metric.
export const CHARTS_PER_CLUSTER = 6;
const CHART_PRIORITY: Record<MetricStatus, number> = { off_track: 0, behind: 1, on_track: 2, no_target: 3, no_data: 4 };

export function chartedMetrics(metrics: ReportMetric[]): ReportMetric[] {
  const drawable = metrics.filter((m) => m.chart.actuals.length > 0);
  const chosen = new Set([...drawable].sort((a, b) => CHART_PRIORITY[a.status] - CHART_PRIORITY[b.status]).slice(0, CHARTS_PER_CLUSTER));
  return drawable.filter((m) => chosen.has(m));
}

function chartBlocks(title: string, metrics: ReportMetric[]): ReportBlock[] {
  const charted = chartedMetrics(metrics);
  const blocks: ReportBlock[] = charted.map((m) => ({ kind: "chart", metricKey: m.key, input: m.chart, summary: `${METRIC_STATUS_LABELS[m.status]}${m.stale ? " (stale)" : ""}. ${m.summary}` }));
  if (charted.length < metrics.length && charted.length > 0) {
    blocks.unshift({ kind: "paragraph", text: `Charts for ${charted.length} of the ${metrics.length} ${title} metrics: those off track or behind first. The table lists them all.` });
  }
  return blocks;
}

function clusterSections(c: CompiledReport, texts: ReportTexts): ReportDocSection[] {
  return c.clusters.map((k) => {
    const note = texts.clusterNotes[k.key]?.trim();
    const total = ACTION_STATUSES.reduce((t, s) => t + k.counts[s], 0);
    const blocks: ReportBlock[] = [];
    if (note) blocks.push({ kind: "markdown", source: note });
    blocks.push({ kind: "paragraph", text: `${total} actions: ${ACTION_STATUSES.filter((s) => k.counts[s] > 0).map((s) => `${k.counts[s]} ${STATUS_LABELS[s].toLowerCase()}`).join(", ") || "none"}.` + (c.previousPeriod ? ` Since ${c.previousPeriod.label}: ${deltaSentence(k.deltas)}.` : "") });
    blocks.push(actionTable(`actions-${k.key}`, `${k.title}: actions`, k.actions, "No actions in this cluster."));
    blocks.push(...k.actions.flatMap(narrativeBlock));
    blocks.push(...chartBlocks(k.title, k.metrics));
    blocks.push({ kind: "table", id: `metrics-${k.key}`, caption: `${k.title}: metrics`, columns: METRIC_COLUMNS, rows: k.metrics.map(metricRow), empty: "No metrics for this cluster." });
    blocks.push({
      kind: "table",
      id: `champions-${k.key}`,
      caption: `${k.title}: champions`,
      columns: [
        { label: "Organization", kind: "text", width: 3 },
        { label: "Role", kind: "text" },
        { label: "Actions", kind: "number" },
      ],
      rows: k.champions.map((ch) => [ch.name, CHAMPION_ROLE_LABELS[ch.role], ch.actions]),
      empty: "No champions named yet.",
    });
    return { id: `cluster-${k.key}`, title: k.title, blocks, children: [] };
  });
}

/** The actions whose update for the period the report prints, each once, in plan order. */
export function featurableUpdates(c: CompiledReport): ReportAction[] {
  const seen = new Set<number>();
  return [...c.clusters.flatMap((k) => k.actions), ...c.nextSteps].filter((a) => printedNarrative(a) !== null && !seen.has(a.id) && seen.add(a.id));
}

function featured(c: CompiledReport, ids: number[]): ReportBlock[] {
  const all = [...c.priorities, ...c.clusters.flatMap((k) => k.actions), ...c.nextSteps];
  const byUpdate = new Map(all.filter((a) => a.update).map((a) => [a.update!.id, a]));
  // In the staff's chosen order; a narrative no longer accepted drops out.
  return ids.flatMap((id) => {
    const a = byUpdate.get(id);
    return a ? narrativeBlock(a) : [];
  });
}

function sectionFor(key: ReportSection, content: ReportContent): ReportDocSection | null {
  const c = content.compiled;
  const t = content.texts;
  const section = (blocks: ReportBlock[], children: ReportDocSection[] = []) => ({ id: key, title: SECTION_TITLES[key], blocks, children });
  const text = (source: string) => (source.trim() ? [{ kind: "markdown" as const, source }] : []);
  switch (key) {
    case "introduction":
      return t.introduction.trim() ? section(text(t.introduction)) : null;
    case "summary":
      return section(summarySection(c));
    case "highlights": {
      const blocks = [...text(t.highlights), ...featured(c, content.featuredUpdateIds)];
      return blocks.length ? section(blocks) : null;
    }
    case "priorities":
      return c.priorities.length ? section([actionTable("priorities", "Priority actions", c.priorities, ""), ...c.priorities.flatMap(narrativeBlock)]) : null;
    case "clusters":
      return section([], clusterSections(c, t));
    case "attention":
      return section([
        actionTable("attention-at-risk", "Off track or at risk", c.attention.atRisk, "No action is off track or at risk."),
        actionTable("attention-silent", "No update for two periods", c.attention.silentTwoPeriods, "Every open action reported in this period or the one before."),
        { kind: "table", id: "attention-stale-metrics", caption: "Stale metrics", columns: METRIC_COLUMNS, rows: c.attention.staleMetrics.map(metricRow), empty: "No metric is stale." },
      ]);
    case "asks":
      return t.asks.trim() ? section(text(t.asks)) : null;
    case "next-steps":
      return c.nextSteps.length ? section([actionTable("next-steps", "Next steps", c.nextSteps, "")]) : null;
    case "appendix":
      return section([
        {
          kind: "table",
          id: "work-groups",
          caption: "Work groups and reporting completeness",
          columns: [
            { label: "Work group", kind: "text", width: 3 },
            { label: "Actions", kind: "number" },
            { label: "Updated", kind: "number" },
            { label: "Completeness", kind: "percent" },
          ],
          rows: c.appendix.workGroups.map((w) => [w.name, w.actions, w.updated, pct(w.updated, w.actions)]),
          empty: "No work groups.",
        },
      ]);
  }
}

export function buildReportDocument(content: ReportContent): ReportDocument {
  const c = content.compiled;
  const known = new Set<string>(REPORT_SECTIONS);
  // A stored order names every section once; anything missing goes at the end.
  const order = [...content.sectionOrder.filter((s) => known.has(s)), ...REPORT_SECTIONS.filter((s) => !content.sectionOrder.includes(s))] as ReportSection[];
  return {
    title: content.title,
    planTitle: c.plan.title,
    region: c.plan.region,
    periodLabel: c.period.label,
    edition: content.edition,
    publishedAt: content.publishedAt,
    changeNote: content.changeNote,
    compiledAt: c.compiledAt,
    sections: order.map((key) => sectionFor(key, content)).filter((s): s is ReportDocSection => s !== null),
  };
}

/** Every table of the document, in reading order (what the XLSX holds). */
export function documentTables(doc: ReportDocument): ReportTable[] {
  const walk = (s: ReportDocSection): ReportTable[] => [...s.blocks.filter((b): b is ReportTable => b.kind === "table"), ...s.children.flatMap(walk)];
  return doc.sections.flatMap(walk);
}

export { SECTION_TITLES, signed as signedDelta };
