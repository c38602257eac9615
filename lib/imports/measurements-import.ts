import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db";
import { measurements, metrics, plans, type Measurement, type Metric } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { parsePeriodLabel, todayIso, type MeasurementPeriod } from "@/lib/metrics/periods";
import { readNumber, unitRangeProblem } from "@/lib/metrics/schema";
import { periodProblem, writeMeasurement } from "@/lib/metrics/service";
import { formatValue } from "@/lib/metrics/units";
import { MEASUREMENT_COLUMNS, type MeasurementColumnKey } from "./columns";
import type { ImportError, MeasurementOutcome, StoredMeasurementRow } from "./schema";

// Validation and writing of a metric measurements import. The checks are the
// measurement form's (periodProblem, unitRangeProblem, readNumber) and every
// row is written by writeMeasurement, so an imported value is validated and
// audited exactly like a typed one. A row equal to the value already recorded
// is skipped, so importing the same file twice changes nothing.

export type MeasurementRowInput = { row: number; values: Partial<Record<MeasurementColumnKey, string>> };

export interface ResolvedMeasurementRow {
  row: number;
  metric: Metric;
  period: MeasurementPeriod;
  value: number;
  note: string | null;
  source: string | null;
  correctionNote: string | null;
  /** The current value this row corrects; null when it records a first value. */
  replaces: Measurement | null;
}

const HEADER = Object.fromEntries(MEASUREMENT_COLUMNS.map((c) => [c.key, c.header])) as Record<MeasurementColumnKey, string>;
const MAX_CHARS = { note: 2_000, source: 500, correctionNote: 1_000 } as const;

const slotOf = (metricId: number, periodLabel: string) => `${metricId}|${periodLabel}`;

function loadPlanLookups(db: DbOrTx, planId: number) {
  const plan = db.select({ periodStart: plans.periodStart, periodEnd: plans.periodEnd }).from(plans).where(eq(plans.id, planId)).get()!;
  const planMetrics = db.select().from(metrics).where(eq(metrics.planId, planId)).all();
  const current = db
    .select({ m: measurements })
    .from(measurements)
    .innerJoin(metrics, eq(metrics.id, measurements.metricId))
    .where(and(eq(metrics.planId, planId), isNull(measurements.supersededAt)))
    .all();
  return {
    plan,
    byKey: new Map(planMetrics.map((m) => [m.key, m])),
    currentBySlot: new Map(current.map(({ m }) => [slotOf(m.metricId, m.periodLabel), m])),
  };
}

export function validateMeasurementRows(db: DbOrTx, planId: number, input: MeasurementRowInput[], today = todayIso()) {
  const { plan, byKey, currentBySlot } = loadPlanLookups(db, planId);
  const errors: ImportError[] = [];
  const stored: StoredMeasurementRow[] = [];
  const resolved: ResolvedMeasurementRow[] = [];
  const firstRowOf = new Map<string, number>();

  for (const r of input) {
    const rowErrors: ImportError[] = [];
    const fail = (column: string, reason: string) => rowErrors.push({ row: r.row, column, reason });

    // A metric's history download lists corrected values too; they are history, not data to import.
    const status = (r.values.status ?? "").trim().toLowerCase();
    if (status === "corrected") {
      stored.push({ row: r.row, values: r.values, metricId: null, period: null, existing: null, outcome: "history" });
      continue;
    }
    if (status !== "" && status !== "current") fail(HEADER.status, "Write current or corrected, or leave it empty.");

    // Keys are lower-case; "Energy-Employment" is taken to mean "energy-employment".
    const key = (r.values.metricKey ?? "").trim().toLowerCase();
    const metric = key ? byKey.get(key) : undefined;
    if (!key) fail(HEADER.metricKey, "Every row needs the metric's key.");
    else if (!metric) fail(HEADER.metricKey, `The plan has no metric with the key ${key.slice(0, 120)}.`);
    else if (metric.retiredAt) fail(HEADER.metricKey, `${key} is retired and takes no new measurements.`);
    const live = metric && !metric.retiredAt ? metric : undefined;

    const periodText = r.values.period ?? "";
    const period = parsePeriodLabel(periodText);
    if (!periodText) fail(HEADER.period, "Every row needs the period: a year like 2014 or a quarter like 2014 Q2.");
    else if (!period) fail(HEADER.period, `“${periodText.slice(0, 40)}” is not a period: write a year like 2014 or a quarter like 2014 Q2.`);
    else if (live) {
      const problem = periodProblem(live, plan, period, today);
      if (problem) fail(HEADER.period, problem);
    }

    const valueText = r.values.value ?? "";
    const value = readNumber(valueText);
    if (value === null) fail(HEADER.value, valueText ? "Enter a number only, such as 1,240 or 41.5." : "Every row needs the value.");
    else if (live) {
      const problem = unitRangeProblem(live.unit, value);
      if (problem) fail(HEADER.value, problem);
    }

    // Undefined when the file has no such column: the current value's note or source then stays.
    const text = (column: keyof typeof MAX_CHARS) => {
      const cell = r.values[column];
      if (cell === undefined) return undefined;
      if (cell.length > MAX_CHARS[column]) fail(HEADER[column], `Use at most ${MAX_CHARS[column].toLocaleString("en-US")} characters.`);
      return cell.trim() || null;
    };
    const note = text("note");
    const source = text("source");
    const correctionNote = text("correctionNote") ?? null;

    const slot = live && period ? slotOf(live.id, period.label) : null;
    if (slot) {
      const first = firstRowOf.get(slot);
      if (first !== undefined) fail(HEADER.period, `${key} ${period!.label} is already in row ${first}; list each metric and period once.`);
      else firstRowOf.set(slot, r.row);
    }

    const existing = slot ? currentBySlot.get(slot) : undefined;
    let outcome: MeasurementOutcome | null = null;
    if (rowErrors.length === 0 && live && period && value !== null) {
      const next = { value, note: note === undefined ? (existing?.note ?? null) : note, source: source === undefined ? (existing?.source ?? null) : source };
      if (!existing) {
        if (correctionNote) fail(HEADER.correctionNote, `${key} has no ${period.label} value to correct yet; leave the correction note empty to record it.`);
        else outcome = "record";
      } else if (existing.value === next.value && existing.note === next.note && existing.source === next.source) {
        outcome = "unchanged";
      } else if (!correctionNote) {
        fail(HEADER.correctionNote, `${key} already has a ${period.label} value (${formatValue(existing.value, live.unit, live.unitLabel)}). To change it, say here why it is corrected; the earlier value stays in the metric's history.`);
      } else outcome = "correct";
      if (outcome === "record" || outcome === "correct") resolved.push({ row: r.row, metric: live, period, ...next, correctionNote, replaces: existing ?? null });
    }

    stored.push({ row: r.row, values: r.values, metricId: metric?.id ?? null, period: period?.label ?? null, existing: existing ? { id: existing.id, value: existing.value } : null, outcome });
    errors.push(...rowErrors);
  }
  return { stored, resolved, errors };
}

// Writes validated rows through the metric service's own writer (which checks
// range and period once more and records one audit entry per value).
export function applyMeasurementRows(tx: Tx, actor: Actor, rows: ResolvedMeasurementRow[], stored: StoredMeasurementRow[]) {
  const counts = { recorded: 0, corrected: 0, unchanged: stored.filter((s) => s.outcome === "unchanged").length, skipped: stored.filter((s) => s.outcome === "history").length };
  for (const r of rows) {
    writeMeasurement(tx, actor, r.metric, { period: r.period, value: r.value, note: r.note, source: r.source, correctionNote: r.correctionNote, replaces: r.replaces ?? undefined });
    if (r.replaces) counts.corrected++;
    else counts.recorded++;
  }
  return counts;
}
