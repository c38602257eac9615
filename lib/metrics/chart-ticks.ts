import type { MetricFrequency } from "@/db/schema/enums";
import { periodContaining, periodsBetween } from "./periods";

// The time axis of a metric chart. A tick sits at the END of a period and
// carries that period's label, because that is where the period's measurement
// is plotted (a 2014 value sits on the "2014" tick, not just before "2015").
// Quarterly metrics get quarter labels while the chart spans few quarters and
// year labels beyond that. At most MAX_X_TICKS labels, so they fit side by
// side on a phone.

export const MAX_X_TICKS = 5;
// Beyond this many quarters, quarter labels would have to skip so many that years read better.
const QUARTER_LABEL_LIMIT = 2 * MAX_X_TICKS;
const YEAR_STEPS = [1, 2, 5, 10, 20, 25, 50, 100];
const QUARTER_STEPS = [1, 2, 4];

export interface XTick {
  date: Date;
  iso: string;
  label: string;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const tickAt = (iso: string, label: string): XTick => ({ date: new Date(Date.parse(iso)), iso, label });

export function chartXTicks(start: Date, end: Date, frequency: MetricFrequency): XTick[] {
  const from = isoDay(start);
  const to = isoDay(end);
  const byQuarter = frequency === "quarterly" && periodsBetween(from, to, "quarterly", QUARTER_LABEL_LIMIT + 1).length <= QUARTER_LABEL_LIMIT;
  const mode: MetricFrequency = byQuarter ? "quarterly" : "annual";
  const candidates = periodsBetween(from, to, mode, 10_000)
    .reverse()
    .filter((p) => p.end >= from && p.end <= to);

  if (candidates.length === 0) {
    // The whole chart lies inside one period: name the period at each end.
    const first = periodContaining(from, mode);
    const last = periodContaining(to, mode);
    return first.label === last.label ? [tickAt(from, first.label)] : [tickAt(from, first.label), tickAt(to, last.label)];
  }

  // Step through round numbers (every 2nd, 5th, 10th year; every 2nd quarter) so
  // the labels stay regular: 2012, 2014, 2016 rather than 2013, 2015, 2017 by accident.
  const ordinal = (label: string) => Number(byQuarter ? label.slice(-1) : label);
  const steps = byQuarter ? QUARTER_STEPS : YEAR_STEPS;
  for (const step of steps) {
    const picked = candidates.filter((p) => ordinal(p.label) % step === 0);
    if (picked.length > 0 && picked.length <= MAX_X_TICKS) return picked.map((p) => tickAt(p.end, p.label));
  }
  // Only a span of centuries gets here: keep the first and the last.
  return [candidates[0]!, candidates[candidates.length - 1]!].map((p) => tickAt(p.end, p.label));
}
