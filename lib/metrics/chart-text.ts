import type { ChartSeriesInput } from "./chart";
import { periodContaining } from "./periods";
import { expectedAt } from "./status";
import { formatValue } from "./units";

// The words and the table behind a metric chart: its accessible name and
// description, the sparkline's label and the rows of the data table. Kept
// apart from the geometry so screen readers, the table and a PDF caption all
// say the same thing.

const byDate = <T extends { date: string }>(rows: T[]) => [...rows].sort((a, b) => a.date.localeCompare(b.date));

function formatter(input: ChartSeriesInput) {
  const value = (v: number) => formatValue(v, input.unit, input.unitLabel);
  // "1,100 to 1,180 jobs": the unit once, at the end, unless it is a sign ($, %) that goes on each number.
  const range = (a: number, b: number) =>
    input.unit === "usd" || input.unit === "percent" ? `${value(a)} to ${value(b)}` : `${formatValue(a, "count")} to ${value(b)}`;
  // Baselines and targets carry a day, not a period: name the period that contains it.
  const period = (date: string) => periodContaining(date, input.frequency).label;
  return { value, range, period };
}

export function chartTitle(input: ChartSeriesInput): string {
  const hasActuals = input.actuals.length > 0;
  const hasTarget = input.targetPath.length > 0;
  const shows = hasActuals && hasTarget ? "actual values and target path" : hasTarget ? "target path" : "actual values";
  return `${input.title}: ${shows}`;
}

/** The chart in sentences: what the actuals did, where the target path runs, the baseline. */
export function chartDescription(input: ChartSeriesInput): { text: string; baseline: string } {
  const f = formatter(input);
  const actuals = byDate(input.actuals);
  const first = actuals[0];
  const last = actuals[actuals.length - 1];
  const parts: string[] = [];

  if (!first || !last) parts.push(`${input.title}: no measurements yet.`);
  else if (first === last) parts.push(`${input.title}: one measurement, ${f.value(first.value)} in ${first.label}.`);
  else {
    parts.push(`${input.title} from ${first.label} to ${last.label}: ${f.range(first.value, last.value)}.`);
    // The ends alone hide a dip or a peak in between; name it when there is one.
    const low = actuals.reduce((a, b) => (b.value < a.value ? b : a));
    const high = actuals.reduce((a, b) => (b.value > a.value ? b : a));
    const inner = [low !== first && low !== last ? `lowest ${f.value(low.value)} in ${low.label}` : null, high !== first && high !== last ? `highest ${f.value(high.value)} in ${high.label}` : null].filter(Boolean);
    if (inner.length > 0) parts.push(`${inner.join("; ")}.`.replace(/^./, (c) => c.toUpperCase()));
  }

  const path = byDate(input.targetPath);
  if (path.length > 0) {
    const at = path.map((p) => `${f.value(p.value)} in ${f.period(p.date)}`);
    const through = at.length > 2 ? `, through ${at.slice(1, -1).join(", ")},` : "";
    parts.push(at.length === 1 ? `Target ${at[0]}.` : `Target path from ${at[0]}${through} to ${at[at.length - 1]}.`);
  } else parts.push("No target set.");

  const baseline = input.baseline ? `Baseline ${f.value(input.baseline.value)} in ${f.period(input.baseline.date)}.` : "";
  if (baseline) parts.push(baseline);
  return { text: parts.join(" "), baseline };
}

/** A sparkline's accessible name: "1,100 to 1,180 jobs, 2013–2016". */
export function sparklineLabel(input: ChartSeriesInput): string {
  const f = formatter(input);
  const actuals = byDate(input.actuals);
  const first = actuals[0];
  const last = actuals[actuals.length - 1];
  if (!first || !last) {
    const target = byDate(input.targetPath).at(-1);
    return target ? `No measurements yet; target ${f.value(target.value)} by ${f.period(target.date)}` : "No measurements yet";
  }
  if (first === last) return `${f.value(first.value)} in ${first.label}`;
  return `${f.range(first.value, last.value)}, ${first.label}–${last.label}`;
}

export interface ChartTableRow {
  kind: "baseline" | "actual" | "interim" | "target";
  /** The row header: "Baseline (2012)", "2014", "Target (2016)". */
  heading: string;
  date: string;
  actual: number | null;
  /** The target path's value on that date (expectedAt); null when there is no target. */
  expected: number | null;
}

/**
 * The data table behind the chart: the baseline first, then every actual and
 * every point of the target path by date. A target point on the same date as
 * an actual is not repeated: that actual's row shows it as the expected value.
 */
export function chartTableRows(input: ChartSeriesInput): ChartTableRow[] {
  const f = formatter(input);
  const path = byDate(input.targetPath);
  const expected = (date: string) => expectedAt(path, date);
  const rows: ChartTableRow[] = [];
  const { baseline } = input;
  if (baseline) rows.push({ kind: "baseline", heading: `Baseline (${f.period(baseline.date)})`, date: baseline.date, actual: baseline.value, expected: expected(baseline.date) });

  const actualDates = new Set(input.actuals.map((a) => a.date));
  const body: ChartTableRow[] = input.actuals.map((a) => ({ kind: "actual", heading: a.label, date: a.date, actual: a.value, expected: expected(a.date) }));
  path.forEach((p, i) => {
    if (actualDates.has(p.date) || (baseline && p.date === baseline.date)) return;
    const isTarget = i === path.length - 1;
    body.push({ kind: isTarget ? "target" : "interim", heading: `${isTarget ? "Target" : "Interim target"} (${f.period(p.date)})`, date: p.date, actual: null, expected: p.value });
  });
  return [...rows, ...byDate(body)];
}
