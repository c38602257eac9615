import { formatISO, parseISO, subMonths } from "date-fns";
import type { MetricDirection, MetricFrequency, MetricUnit } from "@/db/schema/enums";
import { formatValue } from "./units";

// Whether a metric is where its plan says it should be. Pure functions of the
// metric and its measurements, so pages, reports and tests all judge the same.
//
// The target path runs in straight lines from the baseline through any interim
// targets to the target. The expected value at the latest measurement's date
// (the end of its period) is read off that path: before the baseline it is the
// baseline, after the target date it is the target. The actual value is
// compared with it, direction taken into account:
//   on track   at or beyond the expected value;
//   behind     short of it by no more than the tolerance (percent of expected);
//   off track  short by more.
// A metric with no baseline or no target is not judged ("no target"), and one
// with no measurement has "no data". Stale: the latest measurement's period
// ended longer ago than STALE_AFTER_MONTHS for its frequency.

export const METRIC_STATUSES = ["on_track", "behind", "off_track", "no_target", "no_data"] as const;
export type MetricStatus = (typeof METRIC_STATUSES)[number];

export const METRIC_STATUS_LABELS: Record<MetricStatus, string> = {
  on_track: "On track",
  behind: "Behind",
  off_track: "Off track",
  no_target: "No target",
  no_data: "No data",
};

/** Annual data arrive months after the year ends, so an annual metric may lag by up to two years. */
export const STALE_AFTER_MONTHS: Record<MetricFrequency, number> = { quarterly: 6, annual: 24 };

export interface PathPoint {
  date: string;
  value: number;
}

export interface StatusInput {
  direction: MetricDirection;
  unit: MetricUnit;
  unitLabel?: string | null;
  frequency: MetricFrequency;
  baseline: PathPoint | null;
  target: PathPoint | null;
  interimTargets: PathPoint[];
  tolerancePercent: number;
  measurements: { periodLabel: string; periodEnd: string; value: number }[];
  today: string;
}

export interface MetricJudgement {
  status: MetricStatus;
  stale: boolean;
  latest: { label: string; date: string; value: number } | null;
  /** Where the path says the metric should be at the latest measurement. */
  expected: number | null;
  /** actual − expected, in the metric's unit. */
  difference: number | null;
  /** (actual − expected) as a percent of the expected value; null when that is zero and the path does not move. */
  differencePercent: number | null;
  /** The figures behind the class, as a sentence fragment. */
  summary: string;
}

/** Baseline, interim targets strictly between it and the target, then the target: by date. */
export function targetPath(baseline: PathPoint | null, interim: PathPoint[], target: PathPoint | null): PathPoint[] {
  if (!baseline || !target) return [];
  const between = interim.filter((p) => p.date > baseline.date && p.date < target.date).sort((a, b) => a.date.localeCompare(b.date));
  return [baseline, ...between, target];
}

// Whole days since 1970 of an ISO day. Date-only ISO strings are read as UTC
// midnight by the standard, so differences are exact days in any time zone
// (and this runs for every metric of a plan, where date-fns' parser is slow).
const dayNumber = (isoDay: string) => Date.parse(isoDay) / 86_400_000;

/** The path's value on a date, held flat before its start and after its end. */
export function expectedAt(path: PathPoint[], date: string): number | null {
  if (path.length === 0) return null;
  const first = path[0]!;
  const last = path[path.length - 1]!;
  if (date <= first.date) return first.value;
  if (date >= last.date) return last.value;
  for (let i = 1; i < path.length; i++) {
    const a = path[i - 1]!;
    const b = path[i]!;
    if (date > b.date) continue;
    const span = dayNumber(b.date) - dayNumber(a.date);
    if (span <= 0) return b.value;
    return a.value + ((b.value - a.value) * (dayNumber(date) - dayNumber(a.date))) / span;
  }
  return last.value;
}

// A whole plan is judged against the same day: work each cut-off out once.
const cutoffs = new Map<string, string>();
function staleCutoff(today: string, frequency: MetricFrequency): string {
  const key = `${today}|${frequency}`;
  let cutoff = cutoffs.get(key);
  if (!cutoff) {
    cutoff = formatISO(subMonths(parseISO(today), STALE_AFTER_MONTHS[frequency]), { representation: "date" });
    if (cutoffs.size > 100) cutoffs.clear();
    cutoffs.set(key, cutoff);
  }
  return cutoff;
}

const pct = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1, signDisplay: "exceptZero" });

export function judgeMetric(input: StatusInput): MetricJudgement {
  const sorted = [...input.measurements].sort((a, b) => a.periodEnd.localeCompare(b.periodEnd));
  const last = sorted[sorted.length - 1];
  const fmt = (v: number) => formatValue(v, input.unit, input.unitLabel ?? null);
  if (!last) {
    // Context facts carry only a baseline: say it, so the figure is not lost.
    const summary = input.baseline ? `no measurement yet; baseline ${fmt(input.baseline.value)} on ${input.baseline.date}` : "no measurement yet";
    return { status: "no_data", stale: false, latest: null, expected: null, difference: null, differencePercent: null, summary };
  }

  const latest = { label: last.periodLabel, date: last.periodEnd, value: last.value };
  const cutoff = staleCutoff(input.today, input.frequency);
  const stale = latest.date < cutoff;
  const path = targetPath(input.baseline, input.interimTargets, input.target);
  const expected = expectedAt(path, latest.date);
  if (expected === null) {
    return { status: "no_target", stale, latest, expected: null, difference: null, differencePercent: null, summary: `actual ${fmt(latest.value)} in ${latest.label}; no target to judge it against` };
  }

  const difference = latest.value - expected;
  const movement = Math.abs(input.target!.value - input.baseline!.value);
  // A zero expected value (a zero baseline, say) has no percent of its own: measure against the planned movement instead.
  const denominator = expected !== 0 ? Math.abs(expected) : movement !== 0 ? movement : null;
  const differencePercent = denominator === null ? (difference === 0 ? 0 : null) : (difference / denominator) * 100;
  const good = input.direction === "up" ? difference : -difference;
  // Tolerate float noise from the interpolation (e.g. 1239.9999999 vs 1240).
  const epsilon = 1e-9 * Math.max(1, Math.abs(expected));

  let status: MetricStatus;
  if (good >= -epsilon) status = "on_track";
  else if (differencePercent !== null && Math.abs(differencePercent) <= input.tolerancePercent + 1e-9) status = "behind";
  else status = "off_track";

  const percentText = differencePercent === null ? "" : `, ${pct.format(Number(differencePercent.toFixed(1))).replace("-", "−")}%`;
  const when = latest.date < path[0]!.date ? " (before the baseline date)" : latest.date > path[path.length - 1]!.date ? " (after the target date)" : "";
  return {
    status,
    stale,
    latest,
    expected,
    difference,
    differencePercent,
    summary: `expected ${fmt(expected)} by ${latest.label}${when}, actual ${fmt(latest.value)}${percentText}`,
  };
}
