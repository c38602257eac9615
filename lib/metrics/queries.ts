import { and, asc, desc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { getDb, statement } from "@/db";
import { actions, measurements, metrics, organizations, plans, sections, users, workGroups, workGroupSections, type Measurement, type Metric } from "@/db/schema";
import type { ChartSeriesInput } from "./chart";
import { readInterimTargets } from "./interim";
import { todayIso } from "./periods";
import { judgeMetric, targetPath, type MetricJudgement, type MetricStatus } from "./status";

// Reads for the metric pages. Statuses are computed on read (staleness depends
// on today), from each metric's latest current measurement only, so judging a
// whole plan costs one grouped query however long the histories are.

export type MeasurementPoint = Pick<Measurement, "periodLabel" | "periodEnd" | "value">;

export function judge(metric: Metric, points: MeasurementPoint[], today = todayIso()): MetricJudgement {
  return judgeMetric({
    direction: metric.direction,
    unit: metric.unit,
    unitLabel: metric.unitLabel,
    frequency: metric.frequency,
    baseline: metric.baselineValue !== null && metric.baselineDate ? { date: metric.baselineDate, value: metric.baselineValue } : null,
    target: metric.targetValue !== null && metric.targetDate ? { date: metric.targetDate, value: metric.targetValue } : null,
    interimTargets: readInterimTargets(metric.interimTargets),
    tolerancePercent: metric.tolerancePercent,
    measurements: points,
    today,
  });
}

export function chartInput(metric: Metric, points: (MeasurementPoint & { periodLabel: string })[]): ChartSeriesInput {
  const baseline = metric.baselineValue !== null && metric.baselineDate ? { date: metric.baselineDate, value: metric.baselineValue } : null;
  const target = metric.targetValue !== null && metric.targetDate ? { date: metric.targetDate, value: metric.targetValue } : null;
  return {
    title: metric.name,
    unit: metric.unit,
    unitLabel: metric.unitLabel,
    frequency: metric.frequency,
    actuals: points.map((p) => ({ label: p.periodLabel, date: p.periodEnd, value: p.value })),
    baseline,
    targetPath: targetPath(baseline, readInterimTargets(metric.interimTargets), target),
  };
}

// ---- Where a metric sits in the plan ---------------------------------------

export interface PlanShape {
  sectionTitle: Map<number, string>;
  sectionKey: Map<number, string>;
  parent: Map<number, number | null>;
  rootOf: Map<number, number>;
  action: Map<number, { code: string; title: string | null; sectionId: number | null; workGroupId: number | null }>;
  groupName: Map<number, string>;
  groupSections: Map<number, number[]>;
}

export function planShape(planId: number): PlanShape {
  const db = getDb();
  const sectionRows = db.select({ id: sections.id, parentId: sections.parentId, title: sections.title, key: sections.key }).from(sections).where(eq(sections.planId, planId)).all();
  const parent = new Map(sectionRows.map((s) => [s.id, s.parentId]));
  const rootOf = new Map<number, number>();
  for (const s of sectionRows) {
    let id = s.id;
    for (let guard = 0; parent.get(id) && guard < 50; guard++) id = parent.get(id)!;
    rootOf.set(s.id, id);
  }
  const actionRows = db.select({ id: actions.id, code: actions.code, title: actions.title, sectionId: actions.sectionId, workGroupId: actions.workGroupId }).from(actions).where(eq(actions.planId, planId)).all();
  const groupRows = db.select({ id: workGroups.id, name: workGroups.name }).from(workGroups).where(eq(workGroups.planId, planId)).all();
  const links = db
    .select({ workGroupId: workGroupSections.workGroupId, sectionId: workGroupSections.sectionId })
    .from(workGroupSections)
    .innerJoin(workGroups, eq(workGroups.id, workGroupSections.workGroupId))
    .where(eq(workGroups.planId, planId))
    .all();
  const groupSections = new Map<number, number[]>();
  for (const l of links) groupSections.set(l.workGroupId, [...(groupSections.get(l.workGroupId) ?? []), l.sectionId]);
  return {
    sectionTitle: new Map(sectionRows.map((s) => [s.id, s.title])),
    sectionKey: new Map(sectionRows.map((s) => [s.id, s.key])),
    parent,
    rootOf,
    action: new Map(actionRows.map((a) => [a.id, a])),
    groupName: new Map(groupRows.map((g) => [g.id, g.name])),
    groupSections,
  };
}

/** The sections a metric is about (its own, its action's, or its group's), for cluster pages and filters. */
export function sectionsOf(metric: Pick<Metric, "scope" | "sectionId" | "actionId" | "workGroupId">, shape: PlanShape): number[] {
  if (metric.scope === "section" && metric.sectionId) return [metric.sectionId];
  if (metric.scope === "action" && metric.actionId) {
    const s = shape.action.get(metric.actionId)?.sectionId;
    return s ? [s] : [];
  }
  if (metric.scope === "work_group" && metric.workGroupId) return shape.groupSections.get(metric.workGroupId) ?? [];
  return [];
}

export const clustersOf = (metric: Parameters<typeof sectionsOf>[0], shape: PlanShape) => [...new Set(sectionsOf(metric, shape).map((s) => shape.rootOf.get(s) ?? s))];

export interface AttachedTo {
  label: string;
  href: string | null;
}

export function attachedTo(metric: Pick<Metric, "scope" | "sectionId" | "actionId" | "workGroupId">, shape: PlanShape, planSlug: string): AttachedTo {
  if (metric.scope === "section" && metric.sectionId) return { label: shape.sectionTitle.get(metric.sectionId) ?? "A section", href: `/plans/${planSlug}/sections/${shape.sectionKey.get(metric.sectionId)}` };
  if (metric.scope === "action" && metric.actionId) {
    const a = shape.action.get(metric.actionId);
    return { label: a ? `Action ${a.code}${a.title ? `: ${a.title}` : ""}` : "An action", href: `/actions/${metric.actionId}` };
  }
  if (metric.scope === "work_group" && metric.workGroupId) return { label: shape.groupName.get(metric.workGroupId) ?? "A work group", href: null };
  return { label: "The whole plan", href: null };
}

/** attachedTo for a page of metrics, reading only the records they point at. */
function attachedToMany(list: Metric[], planSlug: string): AttachedTo[] {
  const ids = (pick: (m: Metric) => number | null) => JSON.stringify([...new Set(list.map(pick).filter((id): id is number => id !== null))]);
  const byId = <T extends { id: number }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
  const sectionRows = byId(statement("select id, title, key from sections where id in (select value from json_each(?))").all(ids((m) => (m.scope === "section" ? m.sectionId : null))) as { id: number; title: string; key: string }[]);
  const actionRows = byId(statement("select id, code, title, section_id as sectionId, work_group_id as workGroupId from actions where id in (select value from json_each(?))").all(ids((m) => (m.scope === "action" ? m.actionId : null))) as { id: number; code: string; title: string | null; sectionId: number | null; workGroupId: number | null }[]);
  const groupRows = byId(statement("select id, name from work_groups where id in (select value from json_each(?))").all(ids((m) => (m.scope === "work_group" ? m.workGroupId : null))) as { id: number; name: string }[]);
  const shape: PlanShape = {
    sectionTitle: new Map([...sectionRows.values()].map((r) => [r.id, r.title])),
    sectionKey: new Map([...sectionRows.values()].map((r) => [r.id, r.key])),
    parent: new Map(),
    rootOf: new Map(),
    action: actionRows,
    groupName: new Map([...groupRows.values()].map((r) => [r.id, r.name])),
    groupSections: new Map(),
  };
  return list.map((m) => attachedTo(m, shape, planSlug));
}

// ---- Lists -----------------------------------------------------------------


/** The latest current measurement of each live metric of a plan. */
function latestByMetric(planId: number): Map<number, MeasurementPoint> {
  // One index probe per metric (metric_id, period_end) rather than grouping every measurement of the plan.
  const rows = getDb()
    .select({ metricId: metrics.id, periodLabel: measurements.periodLabel, periodEnd: measurements.periodEnd, value: measurements.value })
    .from(metrics)
    .innerJoin(
      measurements,
      sql`${measurements.id} = (select "x"."id" from "measurements" "x" where "x"."metric_id" = ${metrics.id} and "x"."superseded_at" is null order by "x"."period_end" desc, "x"."id" desc limit 1)`,
    )
    .where(and(eq(metrics.planId, planId), isNull(metrics.retiredAt)))
    .all();
  return new Map(rows.map((r) => [r.metricId, { periodLabel: r.periodLabel, periodEnd: r.periodEnd, value: r.value }]));
}


/** Each current value's period and value, oldest first: what a sparkline draws and a status needs. */
export function pointsOf(metricIds: number[]): Map<number, MeasurementPoint[]> {
  const out = new Map<number, MeasurementPoint[]>(metricIds.map((id) => [id, []]));
  if (metricIds.length === 0) return out;
  // Rows as arrays: the overview reads about a thousand of them per page.
  const rows = statement(
    `select metric_id, period_label, period_end, value from measurements
     where metric_id in (select value from json_each(?)) and superseded_at is null order by metric_id, period_end`,
  )
    .raw(true)
    .all(JSON.stringify(metricIds)) as [number, string, string, number][];
  for (const [metricId, periodLabel, periodEnd, value] of rows) out.get(metricId)!.push({ periodLabel, periodEnd, value });
  return out;
}

export interface JudgedMetric {
  metric: Metric;
  judgement: MetricJudgement;
  clusters: number[];
}

export type Judged = Omit<JudgedMetric, "clusters">;

/** Every live metric of a plan with its status and its clusters, in the plan's order. */
export function judgePlanMetrics(planId: number, today = todayIso(), shape = planShape(planId)): JudgedMetric[] {
  return judgePlan(planId, today).map((j) => ({ ...j, clusters: clustersOf(j.metric, shape) }));
}

// Judging every metric of a plan is the overview's and the dashboard's main
// cost, so the result is kept per plan until something it depends on changes.
// It depends on the metrics, their measurements and the day. Every metric edit
// (retiring included) bumps the metric's version, and measurements are
// append-only (a correction inserts a row), so the key below moves whenever a
// judgement could; a second server process simply keeps its own copy, and each
// database connection (a test's fresh database) its own. Clusters come from
// the plan's shape, which is read fresh each time.
const judgedByDb = new WeakMap<object, Map<number, { key: string; list: Judged[] }>>();

/** Every live metric of a plan with its status, in the plan's order (kept until it changes: see above). */
export function judgePlan(planId: number, today = todayIso()): Judged[] {
  const db = getDb();
  const m = statement(
    `select count(*) as n, coalesce(sum(version), 0) as versions, coalesce(max(id), 0) as last, (select coalesce(max(id), 0) from measurements) as lastMeasurement
     from metrics where plan_id = ?`,
  ).get(planId) as { n: number; versions: number; last: number; lastMeasurement: number };
  const key = `${today}|${m.n}|${m.versions}|${m.last}|${m.lastMeasurement}`;
  let judged = judgedByDb.get(db);
  if (!judged) judgedByDb.set(db, (judged = new Map()));
  const hit = judged.get(planId);
  if (hit?.key === key) return hit.list;

  const rows = db.select().from(metrics).where(and(eq(metrics.planId, planId), isNull(metrics.retiredAt))).orderBy(asc(metrics.position), asc(metrics.id)).all();
  const latest = latestByMetric(planId);
  const list = rows.map((metric) => {
    const point = latest.get(metric.id);
    return { metric, judgement: judge(metric, point ? [point] : [], today) };
  });
  if (judged.size >= 50) judged.clear();
  judged.set(planId, { key, list });
  return list;
}

export type StatusFilter = MetricStatus | "stale";
export type MetricStatusCounts = Record<MetricStatus, number> & { stale: number; total: number };

export function countStatuses(list: Judged[]): MetricStatusCounts {
  const counts: MetricStatusCounts = { on_track: 0, behind: 0, off_track: 0, no_target: 0, no_data: 0, stale: 0, total: list.length };
  for (const j of list) {
    counts[j.judgement.status]++;
    if (j.judgement.stale) counts.stale++;
  }
  return counts;
}

export const METRICS_PAGE_SIZE = 20;

export interface OverviewFilters {
  cluster: number | null;
  status: StatusFilter | null;
  page: number;
}

export interface OverviewRow extends Judged {
  attached: AttachedTo;
  points: MeasurementPoint[];
}

/**
 * The overview's filters applied to judged metrics (the overview and its
 * download share this). The plan's shape is read only to filter by cluster.
 */
export function filterJudged<T extends Judged>(list: T[], filters: Pick<OverviewFilters, "cluster" | "status">, shape: () => PlanShape) {
  let inCluster = list;
  if (filters.cluster !== null) {
    const s = shape();
    inCluster = list.filter((j) => clustersOf(j.metric, s).includes(filters.cluster!));
  }
  const matching = filters.status === null ? inCluster : inCluster.filter((j) => (filters.status === "stale" ? j.judgement.stale : j.judgement.status === filters.status));
  return { inCluster, matching };
}

/** The metrics overview: filtered, counted and paged; only the shown page reads full histories (for sparklines). */
export function getMetricsOverview(plan: { id: number; slug: string }, filters: OverviewFilters, today = todayIso()) {
  let shape: PlanShape | undefined;
  const shapeOnce = () => (shape ??= planShape(plan.id));
  const { inCluster, matching } = filterJudged(judgePlan(plan.id, today), filters, shapeOnce);
  const counts = countStatuses(inCluster);
  const pages = Math.max(1, Math.ceil(matching.length / METRICS_PAGE_SIZE));
  const page = Math.min(Math.max(1, filters.page), pages);
  const shown = matching.slice((page - 1) * METRICS_PAGE_SIZE, page * METRICS_PAGE_SIZE);
  const points = pointsOf(shown.map((j) => j.metric.id));
  const attached = attachedToMany(shown.map((j) => j.metric), plan.slug);
  const rows: OverviewRow[] = shown.map((j, i) => ({ ...j, attached: attached[i]!, points: points.get(j.metric.id)! }));
  return { rows, counts, matching: matching.length, page, pages };
}

export interface ChartedMetric {
  metric: Metric;
  judgement: MetricJudgement;
  points: MeasurementPoint[];
  chart: ChartSeriesInput;
}

function charted(list: Metric[], today = todayIso()): ChartedMetric[] {
  const points = pointsOf(list.map((m) => m.id));
  return list.map((metric) => {
    const p = points.get(metric.id)!;
    return { metric, judgement: judge(metric, p, today), points: p, chart: chartInput(metric, p) };
  });
}

/** An action's live metrics, charted. */
export function metricsForAction(actionId: number, today = todayIso()): ChartedMetric[] {
  const list = getDb().select().from(metrics).where(and(eq(metrics.actionId, actionId), isNull(metrics.retiredAt))).orderBy(asc(metrics.position), asc(metrics.id)).all();
  return charted(list, today);
}

/**
 * Every live metric about a section or anything under it (its actions, its
 * sub-sections, groups working on it), judged, with the first `charts` of them
 * charted: charts read every value, so only the charted ones are read.
 */
export function metricsForSection(planId: number, sectionId: number, charts = Infinity, today = todayIso()): { charted: ChartedMetric[]; all: Judged[] } {
  const shape = planShape(planId);
  const inside = (s: number) => {
    for (let id: number | undefined = s, guard = 0; id !== undefined && guard < 50; guard++) {
      if (id === sectionId) return true;
      id = shape.parent.get(id) ?? undefined;
    }
    return false;
  };
  const all = judgePlan(planId, today).filter((j) => sectionsOf(j.metric, shape).some(inside));
  const shown = all.slice(0, charts);
  const points = pointsOf(shown.map((j) => j.metric.id));
  // The judgement uses the latest value only, so the plan-wide one is reused.
  const chartedList = shown.map(({ metric, judgement }) => {
    const p = points.get(metric.id)!;
    return { metric, judgement, points: p, chart: chartInput(metric, p) };
  });
  return { charted: chartedList, all };
}

/** One metric's page: definition, names, current values, corrected values and the judgement. */
export function getMetricPage(metricId: number, today = todayIso()) {
  const db = getDb();
  const metric = db.select().from(metrics).where(eq(metrics.id, metricId)).get();
  if (!metric) return null;
  const plan = db.select({ id: plans.id, slug: plans.slug, title: plans.title, periodStart: plans.periodStart, periodEnd: plans.periodEnd }).from(plans).where(eq(plans.id, metric.planId)).get()!;
  const shape = planShape(plan.id);
  const all = db
    .select({ m: measurements, enteredBy: users.name })
    .from(measurements)
    .leftJoin(users, eq(users.id, measurements.enteredById))
    .where(eq(measurements.metricId, metric.id))
    .orderBy(desc(measurements.periodEnd), desc(measurements.id))
    .all();
  const values = all.filter((r) => r.m.supersededAt === null);
  const oldestFirst = [...values].reverse().map((r) => r.m);
  const corrected = all.filter((r) => r.m.supersededAt !== null);
  const owner = metric.ownerOrganizationId ? db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, metric.ownerOrganizationId)).get()?.name ?? null : null;
  const owningGroupId = metric.scope === "action" && metric.actionId ? (shape.action.get(metric.actionId)?.workGroupId ?? null) : metric.workGroupId;
  return {
    metric,
    plan,
    attached: attachedTo(metric, shape, plan.slug),
    owner,
    owningGroup: owningGroupId ? { id: owningGroupId, name: shape.groupName.get(owningGroupId) ?? "" } : null,
    values,
    corrected,
    // Why each replaced value was replaced: the correction note of the row that replaced it.
    reasons: new Map(all.map((r) => [r.m.id, r.m.correctionNote])),
    judgement: judge(metric, oldestFirst, today),
    chart: chartInput(metric, oldestFirst),
  };
}


export function getMetricByKey(planId: number, key: string): Metric | undefined {
  return getDb().select().from(metrics).where(and(eq(metrics.planId, planId), eq(metrics.key, key))).get();
}

/** A plan's retired metrics, newest retirement first: the overview lists them on request so they can be brought back. */
export function listRetiredMetrics(planId: number) {
  return getDb()
    .select({ id: metrics.id, key: metrics.key, name: metrics.name, retiredAt: metrics.retiredAt })
    .from(metrics)
    .where(and(eq(metrics.planId, planId), isNotNull(metrics.retiredAt)))
    .orderBy(desc(metrics.retiredAt))
    .all();
}
