import type { Metric } from "@/db/schema";
import { likelyNextPeriod, periodsBetween, todayIso } from "./periods";
import { unitName } from "./units";

export interface PeriodChoice {
  label: string;
  taken: boolean;
}

// The periods a measurement form offers: every period of the metric's
// frequency inside the plan's span that has started, newest first, with those
// already holding a value marked. The default is the last complete period, or
// the newest free one when that is taken.
export function periodChoices(metric: Pick<Metric, "frequency">, plan: { periodStart: string | null; periodEnd: string | null }, taken: Set<string>, today = todayIso()) {
  const end = plan.periodEnd && plan.periodEnd < today ? plan.periodEnd : today;
  const start = plan.periodStart ?? `${Number(end.slice(0, 4)) - 10}-01-01`;
  const periods: PeriodChoice[] = start > end ? [] : periodsBetween(start, end, metric.frequency).map((p) => ({ label: p.label, taken: taken.has(p.label) }));
  const likely = likelyNextPeriod(today, metric.frequency).label;
  const defaultPeriod = periods.find((p) => p.label === likely && !p.taken)?.label ?? periods.find((p) => !p.taken)?.label ?? null;
  return { periods, defaultPeriod };
}

// What a measurement form needs to open for one metric, wherever it is shown
// (My quarter, the action page): the unit to name next to the value, the
// periods to offer, and whether a value is due: the last complete period,
// the one data usually arrive for, has none yet.

export interface MetricEntry {
  unitHint: string;
  periods: PeriodChoice[];
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
