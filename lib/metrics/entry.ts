import type { Metric } from "@/db/schema";
import { likelyNextPeriod, periodsBetween, todayIso } from "./periods";
import { unitName } from "./units";


// The periods a measurement form offers: every period of the metric's
// frequency inside the plan's span that has started and has no value yet,
// newest first (a recorded value is changed by correcting it). The default is
// the last complete period when free, else the newest free one.
export function periodChoices(metric: Pick<Metric, "frequency">, plan: { periodStart: string | null; periodEnd: string | null }, taken: Set<string>, today = todayIso()) {
  const end = plan.periodEnd && plan.periodEnd < today ? plan.periodEnd : today;
  const start = plan.periodStart ?? `${Number(end.slice(0, 4)) - 10}-01-01`;
  const periods = start > end ? [] : periodsBetween(start, end, metric.frequency).flatMap((p) => (taken.has(p.label) ? [] : [p.label]));
  const likely = likelyNextPeriod(today, metric.frequency).label;
  const defaultPeriod = periods.includes(likely) ? likely : (periods[0] ?? null);
  return { periods, defaultPeriod };
}

// What a measurement form needs to open for one metric, wherever it is shown
// (My quarter, the action page): the unit to name next to the value, the
// periods to offer, and whether a value is due: the last complete period,
// the one data usually arrive for, has none yet.

export interface MetricEntry {
  unitHint: string;
  /** Free periods, newest first. */
  periods: string[];
  defaultPeriod: string | null;
  due: boolean;
}

export function metricEntry(
  metric: Pick<Metric, "frequency" | "unit" | "unitLabel">,
  plan: { periodStart: string | null; periodEnd: string | null },
  takenLabels: Iterable<string>,
  today = todayIso(),
): MetricEntry {
  const { periods, defaultPeriod } = periodChoices(metric, plan, new Set(takenLabels), today);
  return {
    unitHint: metric.unit === "usd" ? "US dollars" : unitName(metric.unit, metric.unitLabel),
    periods,
    defaultPeriod,
    due: defaultPeriod !== null && defaultPeriod === likelyNextPeriod(today, metric.frequency).label,
  };
}
