import type { Metric } from "@/db/schema";
import { periodChoices, type PeriodChoice } from "./entry";
import { likelyNextPeriod, todayIso } from "./periods";
import { unitName } from "./units";

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
