import { ACTION_STATUSES, type ActionStatus } from "@/db/schema/enums";
import type { ChartSeriesInput } from "@/lib/metrics/chart";
import type { MetricStatus } from "@/lib/metrics/status";
import type { CompiledReport, ReportAction, ReportCluster, ReportMetric, StatusCounts } from "@/lib/reports/compiled";
import type { ReportContent } from "@/lib/reports/document";

// Report contents written by hand, for the PDF and XLSX renderers' tests: no
// database, every figure known. smallReport() is a two-cluster plan with a
// known narrative and known counts; largeReport() is scale-sized (200 actions,
// 7 clusters, 50 metrics) for page breaks and timing.

export const NARRATIVE_SENTENCE = "The solar installer cohort graduated 42 apprentices in Fresno this quarter.";

const counts = (values: Partial<StatusCounts> = {}): StatusCounts => ({ not_started: 0, on_track: 0, at_risk: 0, off_track: 0, completed: 0, deferred: 0, ...values });

function countOf(actions: ReportAction[]): StatusCounts {
  const c = counts();
  for (const a of actions) c[a.status]++;
  return c;
}

function act(id: number, code: string, title: string, status: ActionStatus, percentComplete: number, workGroup: string | null, narrative: string | null, reviewState: "accepted" | "submitted" = "accepted"): ReportAction {
  return {
    id,
    code,
    title,
    text: `${title} (plan text).`,
    status,
    percentComplete,
    update: narrative === null ? null : { id: 1000 + id, reviewState, narrative, authorName: "Maria López" },
    workGroup,
    isPriority: false,
  };
}

export function jobsChart(title = "Energy jobs"): ChartSeriesInput {
  return {
    title,
    unit: "jobs",
    unitLabel: null,
    frequency: "annual",
    actuals: [
      { label: "2013", date: "2013-12-31", value: 1100 },
      { label: "2014", date: "2014-12-31", value: 1180 },
      { label: "2015", date: "2015-12-31", value: 1150 },
    ],
    baseline: { date: "2012-12-31", value: 1000 },
    targetPath: [
      { date: "2012-12-31", value: 1000 },
      { date: "2016-12-31", value: 1400 },
    ],
  };
}

function metric(key: string, name: string, status: MetricStatus, chart: ChartSeriesInput, stale = false): ReportMetric {
  return { key, name, status, stale, summary: `${name}: 1,150 jobs in 2015; target 1,400 by 2016.`, chart };
}

export function smallReport(overrides: Partial<ReportContent> = {}): ReportContent {
  const energy: ReportAction[] = [
    act(1, "EN-1", "Train solar installers", "on_track", 60, "Energy work group", `${NARRATIVE_SENTENCE}\n\nNext, a **second cohort** starts in *spring*; see [the program page](https://example.org/solar).`),
    act(2, "EN-2", "Map grid capacity", "at_risk", 25, "Energy work group", "Submitted, not yet reviewed: must not print.", "submitted"),
    act(3, "EN-3", "=SUM(A1:A2) pilot", "completed", 100, null, null),
  ];
  const health: ReportAction[] = [
    act(4, "HW-1", "Expand rural clinics", "on_track", 45.5, "Health work group", null),
    act(5, "HW-2", "Recruit nurses", "off_track", 10, "Health work group", "Hiring stalled — “budget” review pending; café meeting −2 staff."),
  ];
  const ns = [act(6, "NS-1", "Convene the partnership", "not_started", 0, null, null)];
  const energyCluster: ReportCluster = {
    key: "energy",
    title: "Energy",
    counts: countOf(energy),
    deltas: counts({ on_track: 1, at_risk: -2, completed: 1 }),
    actions: energy,
    metrics: [metric("energy-jobs", "Energy jobs", "behind", jobsChart())],
    champions: [{ name: "Valley Power Co.", role: "lead", actions: 2 }],
  };
  const healthCluster: ReportCluster = {
    key: "health",
    title: "Health & wellness",
    counts: countOf(health),
    deltas: counts({ off_track: 1, not_started: -1 }),
    actions: health,
    metrics: [],
    champions: [],
  };
  const all = [...energy, ...health, ...ns];
  const compiled: CompiledReport = {
    plan: { id: 1, slug: "sjv-2012", title: "San Joaquin Valley Regional Industry Cluster Action Plan", region: "San Joaquin Valley, California" },
    period: { id: 2, label: "2026 Q4", startDate: "2026-10-01", endDate: "2026-12-31" },
    previousPeriod: { id: 1, label: "2026 Q3" },
    compiledAt: "2027-01-05T16:30:00.000Z",
    summary: {
      counts: countOf(all),
      deltas: counts({ on_track: 1, at_risk: -2, completed: 1, off_track: 1, not_started: -1 }),
      totalActions: all.length,
      updated: 3,
      metrics: { on_track: 0, behind: 1, off_track: 0, no_target: 0, no_data: 0, stale: 0, total: 1 },
    },
    priorities: [{ ...energy[0]!, isPriority: true }],
    clusters: [energyCluster, healthCluster],
    attention: { atRisk: [energy[1]!, health[1]!], silentTwoPeriods: [ns[0]!], staleMetrics: [] },
    nextSteps: ns,
    appendix: {
      workGroups: [
        { name: "Energy work group", actions: 2, updated: 2 },
        { name: "Health work group", actions: 3, updated: 1 },
      ],
    },
  };
  return {
    title: "Quarterly report: 2026 Q4",
    edition: 1,
    publishedAt: "2027-01-20T18:00:00.000Z",
    changeNote: null,
    texts: {
      introduction: "## Welcome\n\nThis quarter the partnership **grew**, with _new_ members.\n\n- First point\n  - Nested point\n- Second point with `code`\n\n> A quote from the chair.\n\n<script>alert(1)</script><b>Raw</b> HTML &amp; entities.",
      highlights: "Highlights in brief: 3 actions moved forward.",
      asks: "1. Approve the budget.\n2. Name a health lead.",
      clusterNotes: { energy: "The energy cluster met **twice**." },
    },
    featuredUpdateIds: [1001],
    sectionOrder: [],
    compiled,
    ...overrides,
  };
}

const LOREM = [
  "The work group met monthly and kept its partners informed of progress against the plan.",
  "Employers in the region reported steady demand for trained technicians, and two new partners joined.",
  "A funding application was submitted to the state, with a decision expected next quarter.",
  "Data collection continues; the figures below are provisional until the annual survey closes.",
];

/** A scale-sized plan: `actions` actions over `clusters` clusters, `metrics` metrics with charts, most actions with an accepted narrative. */
export function largeReport({ actions = 200, clusters = 7, metrics = 50 } = {}): ReportContent {
  const base = smallReport();
  const list: ReportAction[] = [];
  for (let i = 0; i < actions; i++) {
    const status = ACTION_STATUSES[i % ACTION_STATUSES.length]!;
    const narrative = i % 4 === 3 ? null : `${LOREM[i % 4]} ${LOREM[(i + 1) % 4]}\n\n- Milestone ${i} reached\n- Next: **review** in the spring\n\n${LOREM[(i + 2) % 4]}`;
    list.push(act(100 + i, `C${i % clusters}-${Math.floor(i / clusters) + 1}`, `Action number ${i + 1}: ${LOREM[i % 4]!.slice(0, 40 + (i % 30))}`, status, (i * 7) % 101, `Work group ${i % clusters}`, narrative));
  }
  const cls: ReportCluster[] = [];
  for (let k = 0; k < clusters; k++) {
    const acts = list.filter((_, i) => i % clusters === k);
    const ms: ReportMetric[] = [];
    for (let m = k; m < metrics; m += clusters) ms.push(metric(`metric-${m}`, `Metric ${m + 1}`, "behind", jobsChart(`Metric ${m + 1}`)));
    cls.push({ key: `cluster-${k}`, title: `Cluster ${k + 1}`, counts: countOf(acts), deltas: counts({ on_track: 1, at_risk: -1 }), actions: acts, metrics: ms, champions: [{ name: `Champion ${k}`, role: "partner", actions: 3 }] });
  }
  const compiled: CompiledReport = {
    ...base.compiled,
    summary: { ...base.compiled.summary, counts: countOf(list), totalActions: list.length, updated: Math.round(list.length * 0.75) },
    priorities: list.filter((_, i) => i % 20 === 0),
    clusters: cls,
    attention: { atRisk: list.filter((a) => a.status === "at_risk" || a.status === "off_track"), silentTwoPeriods: list.filter((a) => !a.update), staleMetrics: [] },
    nextSteps: list.slice(0, 9),
    appendix: { workGroups: Array.from({ length: clusters }, (_, k) => ({ name: `Work group ${k}`, actions: Math.ceil(actions / clusters), updated: 20 })) },
  };
  return { ...base, title: "Quarterly report: scale plan", featuredUpdateIds: list.filter((a) => a.update).slice(0, 10).map((a) => a.update!.id), compiled };
}
