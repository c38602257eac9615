import { and, asc, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { measurements, metrics } from "@/db/schema";
import { systemActor } from "@/lib/auth/actor";
import { createMetric, recordMeasurement } from "@/lib/metrics/service";
import { planId } from "./quarter";

// Metrics for the metric specs, made through the metric service (validated
// and audited as staff would make them) in the server's own database file,
// like the accounts and the reporting data. Each spec names its own keys.

const staff = systemActor("e2e setup");

/**
 * A quarterly jobs metric (or the existing one with that key), attached by
 * `fields` (e.g. scope "action" with an actionId), with any given values recorded.
 */
export function ensureMetric(opts: { key: string; name: string; fields: Record<string, string>; values?: { period: string; value: string }[]; slug?: string }) {
  const pid = planId(opts.slug);
  const existing = getDb().select().from(metrics).where(and(eq(metrics.planId, pid), eq(metrics.key, opts.key))).get();
  if (existing) return existing;
  const metric = createMetric(staff, {
    planId: pid,
    key: opts.key,
    name: opts.name,
    unit: "jobs",
    direction: "up",
    frequency: "quarterly",
    interimTargets: "",
    ...opts.fields,
  });
  for (const v of opts.values ?? []) recordMeasurement(staff, { metricId: metric.id, ...v });
  return metric;
}

/** A metric's current values as stored, oldest period first. */
export function storedValues(metricId: number) {
  return getDb()
    .select({ periodLabel: measurements.periodLabel, value: measurements.value })
    .from(measurements)
    .where(and(eq(measurements.metricId, metricId), isNull(measurements.supersededAt)))
    .orderBy(asc(measurements.periodEnd))
    .all();
}
