import { and, asc, eq, inArray, isNull, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { measurements, metrics, users, type Measurement, type Metric } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { todayIso } from "@/lib/metrics/periods";
import { parseOverviewFilters } from "@/lib/metrics/filters";
import { attachedTo, filterJudged, judgePlan, planShape } from "@/lib/metrics/queries";
import { UNIT_LABELS } from "@/lib/metrics/units";
import { getPlanBySlug } from "@/lib/plans/queries";
import type { Cell, Column, Table } from "@/lib/spreadsheets/write";
import { utcStamp } from "./format";

// Metric measurements as spreadsheets: every current value of a plan's live
// metrics (as the overview filters them), or one metric's whole history with
// its corrected values. The key, period, value, note, source and correction
// note columns carry the measurements import's headers, and the other columns
// are ones that import skips, so a downloaded file can be edited and imported
// back (the history's corrected rows are skipped by their Status).

const COLUMNS: Column[] = [
  { header: "Metric key", width: 28 },
  { header: "Metric", width: 40 },
  { header: "Attached to", width: 36 },
  { header: "Unit", width: 12 },
  { header: "Period", width: 10 },
  { header: "Value", width: 16 },
  { header: "Note", width: 50 },
  { header: "Source", width: 40 },
  { header: "Entered by", width: 20 },
  { header: "Entered at", width: 20 },
];

const HISTORY_COLUMNS: Column[] = [...COLUMNS, { header: "Status", width: 10 }, { header: "Corrected at", width: 20 }, { header: "Correction note", width: 50 }];

/** The live metrics the overview lists under its filters (?cluster=&status=), in the plan's order. */
export function filteredMetricIds(planId: number, params: Record<string, string | undefined>, today = todayIso()): number[] {
  return filterJudged(judgePlan(planId, today), parseOverviewFilters(params), () => planShape(planId)).matching.map((j) => j.metric.id);
}

type Plan = { id: number; slug: string };

function measurementRows(where: SQL | undefined) {
  return getDb()
    .select({ m: measurements, enteredBy: users.name })
    .from(measurements)
    .leftJoin(users, eq(users.id, measurements.enteredById))
    .where(where)
    .orderBy(asc(measurements.metricId), asc(measurements.periodEnd), asc(measurements.id))
    .all();
}

// The cells every row starts with: which metric, and the value as entered.
function rowCells(plan: Plan, shape: ReturnType<typeof planShape>) {
  return (metric: Metric, m: Measurement, enteredBy: string | null): Cell[] => [
    metric.key,
    metric.name,
    attachedTo(metric, shape, plan.slug).label,
    metric.unit === "other" ? metric.unitLabel : UNIT_LABELS[metric.unit],
    m.periodLabel,
    m.value,
    m.note,
    m.source,
    enteredBy,
    utcStamp(m.createdAt),
  ];
}

/**
 * Every current measurement of the plan's live metrics, metric by metric in
 * the plan's order and oldest period first; only the listed metrics when
 * `metricIds` is given (the overview's filtered list).
 */
export function planMeasurementsTable(plan: Plan, metricIds?: readonly number[]): Table {
  const list =
    metricIds?.length === 0
      ? []
      : getDb()
          .select()
          .from(metrics)
          .where(and(eq(metrics.planId, plan.id), isNull(metrics.retiredAt), metricIds ? inArray(metrics.id, [...metricIds]) : undefined))
          .orderBy(asc(metrics.position), asc(metrics.id))
          .all();
  const byMetric = new Map<number, { m: Measurement; enteredBy: string | null }[]>(list.map((m) => [m.id, []]));
  if (list.length) {
    for (const r of measurementRows(and(inArray(measurements.metricId, [...byMetric.keys()]), isNull(measurements.supersededAt)))) byMetric.get(r.m.metricId)!.push(r);
  }
  const cells = rowCells(plan, planShape(plan.id));
  return {
    sheetName: "Measurements",
    columns: COLUMNS,
    rows: list.flatMap((metric) => byMetric.get(metric.id)!.map((r) => cells(metric, r.m, r.enteredBy))),
  };
}

/** One metric's every value, oldest period first, each correction after the value it replaced. */
export function metricHistoryTable(plan: Plan, metric: Metric): Table {
  const cells = rowCells(plan, planShape(plan.id));
  return {
    sheetName: metric.key,
    columns: HISTORY_COLUMNS,
    rows: measurementRows(eq(measurements.metricId, metric.id)).map((r) => [
      ...cells(metric, r.m, r.enteredBy),
      r.m.supersededAt ? "corrected" : "current",
      utcStamp(r.m.supersededAt),
      r.m.correctionNote,
    ]),
  };
}

function planFor(actor: Actor, planSlug: string) {
  authorize(actor, "plan.read");
  authorize(actor, "plan.export");
  const plan = getPlanBySlug(planSlug);
  if (!plan) throw new AppError("NOT_FOUND", `No plan with the slug "${planSlug}".`);
  return plan;
}

// GET /plans/<slug>/metrics/export: the overview's cluster and status filters apply.
export function exportPlanMeasurements(actor: Actor, planSlug: string, params: Record<string, string | undefined>): { table: Table; fileName: string } {
  const plan = planFor(actor, planSlug);
  const filters = parseOverviewFilters(params);
  const filtered = filters.cluster !== null || filters.status !== null;
  return {
    fileName: `${plan.slug}-measurements`,
    table: planMeasurementsTable(plan, filtered ? filteredMetricIds(plan.id, params) : undefined),
  };
}

// GET /plans/<slug>/metrics/<key>/export: a retired metric's history downloads too.
export function exportMetricHistory(actor: Actor, planSlug: string, metricKey: string): { table: Table; fileName: string } {
  const plan = planFor(actor, planSlug);
  const metric = getDb()
    .select()
    .from(metrics)
    .where(and(eq(metrics.planId, plan.id), eq(metrics.key, metricKey)))
    .get();
  if (!metric) throw new AppError("NOT_FOUND", `The plan has no metric with the key "${metricKey.slice(0, 120)}".`);
  return { fileName: `${plan.slug}-${metric.key}-measurements`, table: metricHistoryTable(plan, metric) };
}
