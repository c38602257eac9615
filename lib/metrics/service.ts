import { and, asc, eq, isNull } from "drizzle-orm";
import { getDb, type Tx } from "@/db";
import { actions, measurements, metrics, organizations, plans, sections, users, workGroups, type Measurement, type Metric } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { authorize, can } from "@/lib/auth/permissions";
import { diffFields } from "@/lib/editing/changes";
import { assertWritten, formatAuditTime, refuseIfStale } from "@/lib/editing/conflict";
import { nextPosition } from "@/lib/editing/reorder";
import { AppError } from "@/lib/errors";
import { metricResource } from "./access";
import { metricFormValues } from "./form-values";
import { todayIso, type MeasurementPeriod } from "./periods";
import { correctMeasurementSchema, createMetricSchema, METRIC_LABELS, RESERVED_KEYS, recordMeasurementSchema, retireMetricSchema, unitRangeProblem, updateMetricSchema, type MetricFields } from "./schema";
import { formatValue } from "./units";

const now = () => new Date().toISOString();
const fieldProblem = (field: string, message: string, code: "INVALID_INPUT" | "CONFLICT" | "FORBIDDEN" = "INVALID_INPUT") => new AppError(code, message, { [field]: [message] });

function loadMetric(tx: Tx, id: number): Metric {
  const metric = tx.select().from(metrics).where(eq(metrics.id, id)).get();
  if (!metric) throw new AppError("NOT_FOUND", "No such metric.");
  return metric;
}

// The columns a scope uses; the others are cleared so the row passes the
// database's scope check (an action's metric belongs to the action's group).
function scopedColumns(d: MetricFields) {
  return {
    scope: d.scope,
    sectionId: d.scope === "section" ? d.sectionId : null,
    workGroupId: d.scope === "action" ? null : d.workGroupId,
    actionId: d.scope === "action" ? d.actionId : null,
  };
}

function checkReferences(tx: Tx, planId: number, d: ReturnType<typeof scopedColumns> & { ownerOrganizationId: number | null }, self?: Metric) {
  if (d.sectionId !== null && d.sectionId !== self?.sectionId) {
    const s = tx.select({ planId: sections.planId, retiredAt: sections.retiredAt }).from(sections).where(eq(sections.id, d.sectionId)).get();
    if (!s || s.planId !== planId || s.retiredAt) throw fieldProblem("sectionId", "Choose a live section of this plan.");
  }
  if (d.workGroupId !== null && d.workGroupId !== self?.workGroupId) {
    const g = tx.select({ planId: workGroups.planId, retiredAt: workGroups.retiredAt }).from(workGroups).where(eq(workGroups.id, d.workGroupId)).get();
    if (!g || g.planId !== planId || g.retiredAt) throw fieldProblem("workGroupId", "Choose a live work group of this plan.");
  }
  if (d.actionId !== null && d.actionId !== self?.actionId) {
    const a = tx.select({ planId: actions.planId, retiredAt: actions.retiredAt }).from(actions).where(eq(actions.id, d.actionId)).get();
    if (!a || a.planId !== planId || a.retiredAt) throw fieldProblem("actionId", "Choose a live action of this plan.");
  }
  if (d.ownerOrganizationId !== null && d.ownerOrganizationId !== self?.ownerOrganizationId) {
    const o = tx.select({ retiredAt: organizations.retiredAt }).from(organizations).where(eq(organizations.id, d.ownerOrganizationId)).get();
    if (!o || o.retiredAt) throw fieldProblem("ownerOrganizationId", "Choose a live organization from the list.");
  }
}

// A lead may only give a metric to a group they lead (or an action of one).
function authorizeOwner(tx: Tx, actor: Actor, d: ReturnType<typeof scopedColumns>) {
  const resource = metricResource(tx, d);
  if (actor.kind === "user" && !can(actor, "metric.manage", resource)) {
    const field = d.scope === "action" ? "actionId" : "workGroupId";
    throw fieldProblem(field, d.scope === "action" ? "You may only attach a metric to an action of a group you lead." : "Choose a work group you lead as the owner.", "FORBIDDEN");
  }
  authorize(actor, "metric.manage", resource);
}

function slugOf(name: string) {
  return (
    name
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 80) || "metric"
  );
}

function freeKey(tx: Tx, planId: number, wanted: string | null, name: string, selfId?: number) {
  const taken = (key: string) => {
    const row = tx.select({ id: metrics.id }).from(metrics).where(and(eq(metrics.planId, planId), eq(metrics.key, key))).get();
    return row !== undefined && row.id !== selfId;
  };
  if (wanted) {
    if (taken(wanted)) throw fieldProblem("key", `Another metric of this plan has the key “${wanted}”.`, "CONFLICT");
    return wanted;
  }
  const base = RESERVED_KEYS.has(slugOf(name)) ? `${slugOf(name)}-metric` : slugOf(name);
  let key = base;
  for (let n = 2; taken(key); n++) key = `${base}-${n}`;
  return key;
}

// The stored columns of a definition, from the form's fields only (never ids or versions riding along in the input).
const definitionColumns = (d: MetricFields) => ({
  name: d.name,
  description: d.description,
  ...scopedColumns(d),
  unit: d.unit,
  unitLabel: d.unit === "other" ? d.unitLabel : null,
  direction: d.direction,
  baselineValue: d.baselineValue,
  baselineDate: d.baselineDate,
  targetValue: d.targetValue,
  targetDate: d.targetDate,
  interimTargets: JSON.stringify([...d.interimTargets].sort((a, b) => a.date.localeCompare(b.date))),
  tolerancePercent: d.tolerancePercent,
  frequency: d.frequency,
  source: d.source,
  method: d.method,
  ownerOrganizationId: d.ownerOrganizationId,
  ownerPerson: d.ownerPerson,
});

export function createMetric(actor: Actor, input: unknown) {
  const data = createMetricSchema.parse(input);
  return getDb().transaction((tx) => {
    if (!tx.select({ id: plans.id }).from(plans).where(eq(plans.id, data.planId)).get()) throw new AppError("NOT_FOUND", "No such plan.");
    const columns = definitionColumns(data);
    authorizeOwner(tx, actor, columns);
    checkReferences(tx, data.planId, columns);
    const key = freeKey(tx, data.planId, data.key, data.name);
    const positions = tx.select({ position: metrics.position }).from(metrics).where(eq(metrics.planId, data.planId)).all();
    const row = tx
      .insert(metrics)
      .values({ planId: data.planId, key, ...columns, position: nextPosition(positions) })
      .returning()
      .get();
    recordAudit(tx, actor, { action: "metric.create", entityType: "metric", entityId: row.id, after: { key, ...columns } });
    return row;
  });
}

export function updateMetric(actor: Actor, input: unknown) {
  const data = updateMetricSchema.parse(input);
  return getDb().transaction((tx) => {
    const stored = loadMetric(tx, data.metricId);
    authorize(actor, "metric.manage", metricResource(tx, stored));
    refuseIfStale(tx, { entityType: "metric", entityId: stored.id, noun: "metric", stored: stored.version, expected: data.version, current: metricFormValues(stored), labels: METRIC_LABELS });
    if (stored.retiredAt) throw new AppError("CONFLICT", "This metric is retired; bring it back before editing it.");
    const columns = definitionColumns(data);
    authorizeOwner(tx, actor, columns);
    checkReferences(tx, stored.planId, columns, stored);
    const key = data.key ? freeKey(tx, stored.planId, data.key, data.name, stored.id) : stored.key;
    // Frequency decides what a period is; changing it would orphan the measurements' periods.
    if (columns.frequency !== stored.frequency && tx.select({ id: measurements.id }).from(measurements).where(eq(measurements.metricId, stored.id)).get()) {
      throw fieldProblem("frequency", "This metric has measurements for its current frequency; the frequency can no longer change.");
    }
    const diff = diffFields(stored, { key, ...columns });
    if (!diff) return { version: stored.version, changed: false };
    const result = tx
      .update(metrics)
      .set({ ...diff.after, version: stored.version + 1, updatedAt: now() })
      .where(and(eq(metrics.id, stored.id), eq(metrics.version, data.version)))
      .run();
    assertWritten(result, "metric");
    recordAudit(tx, actor, { action: "metric.update", entityType: "metric", entityId: stored.id, ...diff });
    return { version: stored.version + 1, changed: true };
  });
}

// Retired, never deleted: its measurements and history stay, and it drops out of lists and statuses.
export function setMetricRetired(actor: Actor, input: unknown) {
  const data = retireMetricSchema.parse(input);
  return getDb().transaction((tx) => {
    const stored = loadMetric(tx, data.metricId);
    authorize(actor, "metric.manage", metricResource(tx, stored));
    refuseIfStale(tx, { entityType: "metric", entityId: stored.id, noun: "metric", stored: stored.version, expected: data.version, current: metricFormValues(stored), labels: METRIC_LABELS });
    if (Boolean(stored.retiredAt) === data.retired) return { version: stored.version, changed: false };
    const retiredAt = data.retired ? now() : null;
    const result = tx
      .update(metrics)
      .set({ retiredAt, version: stored.version + 1, updatedAt: now() })
      .where(and(eq(metrics.id, stored.id), eq(metrics.version, data.version)))
      .run();
    assertWritten(result, "metric");
    recordAudit(tx, actor, { action: data.retired ? "metric.retire" : "metric.restore", entityType: "metric", entityId: stored.id, before: { retiredAt: stored.retiredAt }, after: { retiredAt } });
    return { version: stored.version + 1, changed: true };
  });
}

// ---- Measurements ----------------------------------------------------------

/** Why a period cannot hold a measurement of this metric in this plan; null when it can. */
export function periodProblem(metric: Pick<Metric, "frequency">, plan: { periodStart: string | null; periodEnd: string | null }, period: MeasurementPeriod, today = todayIso()): string | null {
  if (period.frequency !== metric.frequency) return metric.frequency === "annual" ? "This metric is measured per year: write a year like 2014." : "This metric is measured per quarter: write a quarter like 2014 Q2.";
  if (period.start > today) return `${period.label} has not started yet.`;
  if ((plan.periodStart && period.end < plan.periodStart) || (plan.periodEnd && period.start > plan.periodEnd)) {
    return `${period.label} is outside the plan's span (${plan.periodStart ?? "…"} to ${plan.periodEnd ?? "…"}).`;
  }
  return null;
}

export interface MeasurementInput {
  period: MeasurementPeriod;
  value: number;
  note: string | null;
  source: string | null;
}

const currentFor = (tx: Tx, metricId: number, label: string) =>
  tx
    .select()
    .from(measurements)
    .where(and(eq(measurements.metricId, metricId), eq(measurements.periodLabel, label), isNull(measurements.supersededAt)))
    .get();

function describeEntry(tx: Tx, m: Measurement, metric: Metric) {
  const by = m.enteredById ? (tx.select({ name: users.name }).from(users).where(eq(users.id, m.enteredById)).get()?.name ?? "someone") : "an import";
  return `${formatValue(m.value, metric.unit, metric.unitLabel)}, entered by ${by} at ${formatAuditTime(m.createdAt)}`;
}

/**
 * Writes a new value, or a correction of the current one, inside the caller's
 * transaction: the form services below and the spreadsheet import share it.
 * Checks the value's range and the period; the caller has authorised.
 */
export function writeMeasurement(tx: Tx, actor: Actor, metric: Metric, input: MeasurementInput & { correctionNote?: string | null; replaces?: Measurement }) {
  const rangeProblem = unitRangeProblem(metric.unit, input.value);
  if (rangeProblem) throw fieldProblem("value", rangeProblem);
  const plan = tx.select({ periodStart: plans.periodStart, periodEnd: plans.periodEnd }).from(plans).where(eq(plans.id, metric.planId)).get()!;
  const problem = periodProblem(metric, plan, input.period);
  if (problem) throw fieldProblem("period", problem);

  const current = currentFor(tx, metric.id, input.period.label);
  const enteredById = actor.kind === "user" ? actor.userId : null;
  const values = { metricId: metric.id, periodLabel: input.period.label, periodStart: input.period.start, periodEnd: input.period.end, value: input.value, note: input.note, source: input.source, enteredById };

  if (!input.replaces) {
    if (current) throw fieldProblem("period", `${input.period.label} already has a value (${describeEntry(tx, current, metric)}). To change it, correct that value and say why.`, "CONFLICT");
    const row = tx.insert(measurements).values(values).returning().get();
    recordAudit(tx, actor, { action: "measurement.record", entityType: "metric", entityId: metric.id, after: { measurementId: row.id, period: row.periodLabel, value: row.value, note: row.note, source: row.source } });
    return row;
  }

  if (!current || current.id !== input.replaces.id) {
    const by = current ? describeEntry(tx, current, metric) : "removed";
    throw new AppError("CONFLICT", `The ${input.period.label} value was corrected by someone else meanwhile (now ${by}). Reload to see it, then correct it again if needed.`);
  }
  if (current.value === input.value && current.note === input.note && current.source === input.source) {
    throw fieldProblem("value", "This is the value already recorded; change the value, note or source to correct it.");
  }
  // Supersede first so the one-current-value index admits the new row.
  const at = now();
  tx.update(measurements).set({ supersededAt: at }).where(and(eq(measurements.id, current.id), isNull(measurements.supersededAt))).run();
  const row = tx
    .insert(measurements)
    .values({ ...values, correctionNote: input.correctionNote ?? null })
    .returning()
    .get();
  tx.update(measurements).set({ supersededById: row.id }).where(eq(measurements.id, current.id)).run();
  recordAudit(tx, actor, {
    action: "measurement.correct",
    entityType: "metric",
    entityId: metric.id,
    before: { measurementId: current.id, period: current.periodLabel, value: current.value, note: current.note, source: current.source },
    after: { measurementId: row.id, period: row.periodLabel, value: row.value, note: row.note, source: row.source, correctionNote: row.correctionNote },
  });
  return row;
}

function authorizeRecording(tx: Tx, actor: Actor, metric: Metric) {
  authorize(actor, "measurement.record", metricResource(tx, metric));
  if (metric.retiredAt) throw new AppError("CONFLICT", "This metric is retired and takes no new measurements.");
}

export function recordMeasurement(actor: Actor, input: unknown) {
  const data = recordMeasurementSchema.parse(input);
  return getDb().transaction((tx) => {
    const metric = loadMetric(tx, data.metricId);
    authorizeRecording(tx, actor, metric);
    return writeMeasurement(tx, actor, metric, data);
  });
}

export function correctMeasurement(actor: Actor, input: unknown) {
  const data = correctMeasurementSchema.parse(input);
  return getDb().transaction((tx) => {
    const replaces = tx.select().from(measurements).where(eq(measurements.id, data.measurementId)).get();
    if (!replaces) throw new AppError("NOT_FOUND", "No such measurement.");
    const metric = loadMetric(tx, replaces.metricId);
    authorizeRecording(tx, actor, metric);
    const period = { label: replaces.periodLabel, start: replaces.periodStart, end: replaces.periodEnd, frequency: metric.frequency };
    return writeMeasurement(tx, actor, metric, { period, value: data.value, note: data.note, source: data.source, correctionNote: data.correctionNote, replaces });
  });
}

/** Metrics of a plan in their order, for lists that need every one (exports). */
export const planMetricsInOrder = (tx: Tx, planId: number) => tx.select().from(metrics).where(eq(metrics.planId, planId)).orderBy(asc(metrics.position), asc(metrics.id)).all();
