import { and, eq, inArray, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { measurements, metrics, plans, regionAreas } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { isAppError } from "@/lib/errors";
import { parsePeriodLabel } from "@/lib/metrics/periods";
import { writeMeasurement } from "@/lib/metrics/service";
import { planFigures } from "./plan-figures";

// After an import, each cluster's annual employment metric gets the region's
// cluster employment for every complete year (issue #7). A value this feed
// wrote before and that the data now contradict is corrected through the
// metrics' audited correction path; a value someone entered by hand is left
// alone and reported. Years outside the plan's span are skipped (the metric
// would refuse them).

export const QCEW_SOURCE = "BLS QCEW";

export interface FeedOutcome {
  recorded: number;
  corrected: number;
  unchanged: number;
  /** Why some years were not written: "Agriculture cluster employment 2010: outside the plan's span". */
  skipped: string[];
}

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

function noteFor(clusterName: string, codes: number, areas: number, coverage: number, suppressed: number): string {
  const base = `Annual average employment in the ${clusterName} cluster's ${codes} industries (NAICS), summed over the region's ${areas} areas and all ownerships, from BLS QCEW.`;
  if (suppressed === 0) return `${base} Every cell was disclosed.`;
  return `${base} BLS disclosed the employment of ${percent(coverage)} of its establishments; ${suppressed} suppressed cells are not counted, so the value is a lower bound.`;
}

/** Feeds the metrics of every plan whose region includes one of `areas`. */
export function feedClusterMetrics(actor: Actor, areas: readonly string[]): FeedOutcome {
  authorize(actor, "analytics.manage");
  const db = getDb();
  const outcome: FeedOutcome = { recorded: 0, corrected: 0, unchanged: 0, skipped: [] };
  if (areas.length === 0) return outcome;
  const planIds = db
    .selectDistinct({ id: plans.id })
    .from(plans)
    .innerJoin(regionAreas, eq(regionAreas.regionId, plans.analyticsRegionId))
    .where(inArray(regionAreas.area, [...areas]))
    .all()
    .map((p) => p.id);
  for (const planId of planIds) {
    const figures = planFigures(planId);
    const byKey = new Map(figures.clusters.map((f) => [f.key, f]));
    db.transaction((tx) => {
      for (const cluster of figures.setup.clusters) {
        const f = byKey.get(cluster.key);
        if (!cluster.metricId || !f) continue;
        const metric = tx.select().from(metrics).where(eq(metrics.id, cluster.metricId)).get();
        if (!metric || metric.retiredAt || metric.frequency !== "annual") continue;
        for (const year of figures.completeYears) {
          const figure = f.years.find((y) => y.year === year)!.region;
          const value = Math.round(figure.employment);
          const note = noteFor(cluster.title, f.codes.length, figures.setup.areas.length, figure.coverage, figure.suppressedCells);
          const current = tx.select().from(measurements).where(and(eq(measurements.metricId, metric.id), eq(measurements.periodLabel, String(year)), isNull(measurements.supersededAt))).get();
          if (current && current.source !== QCEW_SOURCE) {
            outcome.skipped.push(`${metric.name} ${year}: kept the value entered by hand (${current.value})`);
            continue;
          }
          if (current && current.value === value && current.note === note) {
            outcome.unchanged++;
            continue;
          }
          try {
            // A savepoint per value: a year the metric refuses leaves the others written.
            tx.transaction((sp) =>
              writeMeasurement(sp, actor, metric, {
                period: parsePeriodLabel(String(year))!,
                value,
                note,
                source: QCEW_SOURCE,
                ...(current ? { replaces: current, correctionNote: "Recomputed from newly imported BLS QCEW data." } : {}),
              }),
            );
            if (current) outcome.corrected++;
            else outcome.recorded++;
          } catch (error) {
            if (!isAppError(error)) throw error;
            outcome.skipped.push(`${metric.name} ${year}: ${error.message}`);
          }
        }
      }
    });
  }
  return outcome;
}
