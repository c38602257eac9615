import { scaleLinear, scaleUtc } from "d3-scale";
import { line } from "d3-shape";
import type { MetricFrequency, MetricUnit } from "@/db/schema/enums";
import { chartDescription, chartTitle, sparklineLabel } from "./chart-text";
import { chartXTicks } from "./chart-ticks";
import { formatAxisValue, unitName } from "./units";

// The geometry of a metric chart, apart from any markup: the React component
// draws it on pages and the PDF reports (#6) can draw the same numbers. All
// coordinates are in viewBox units; the SVG scales to its container.

export interface ChartSeriesInput {
  title: string;
  unit: MetricUnit;
  unitLabel: string | null;
  frequency: MetricFrequency;
  /** label = period label ("2014", "2014 Q2"), date = ISO period end; any order. */
  actuals: { label: string; date: string; value: number }[];
  baseline: { date: string; value: number } | null;
  /** From targetPath() in status.ts; [] when the metric has no target. */
  targetPath: { date: string; value: number }[];
}

export interface ChartSize {
  width: number;
  height: number;
  fontSize?: number;
}

// 420 wide with 13-unit text renders as 10.5px text on a 340px-wide phone column.
export const CHART_SIZE: ChartSize = { width: 420, height: 240, fontSize: 13 };
export const SPARKLINE_SIZE: ChartSize = { width: 120, height: 32 };

export interface ChartPoint {
  x: number;
  y: number;
  label: string;
  date: string;
  value: number;
}

export interface ChartGeometry {
  width: number;
  height: number;
  fontSize: number;
  plot: { left: number; top: number; right: number; bottom: number };
  /** Where the axis labels go: the baseline of the x labels, the right end of the (end-anchored) y labels. */
  xLabelY: number;
  yLabelX: number;
  xTicks: { x: number; label: string; date: string }[];
  yTicks: { y: number; value: number; label: string; zero: boolean }[];
  /** Shown above the y axis when the tick labels do not carry the unit ("Jobs", "acres"). */
  yAxisTitle: string | null;
  /** SVG path data; "" when there is nothing to draw. */
  actualPath: string;
  points: ChartPoint[];
  targetPath: string;
  baseline: { x: number; y: number; label: string } | null;
  title: string;
  description: string;
}

export interface SparklineGeometry {
  width: number;
  height: number;
  actualPath: string;
  targetPath: string;
  last: { x: number; y: number } | null;
  label: string;
}

const DAY_MS = 86_400_000;
const toTime = (iso: string) => Date.parse(iso.slice(0, 10)); // a date-only ISO string parses as UTC midnight
const round = (n: number) => Math.round(n * 100) / 100;
const MAX_Y_TICKS = 5;
// Space between a y tick label and the plot: more than a marker's half-width,
// so a point on the left edge never touches the label.
const Y_LABEL_GAP = 10;
// Length of an x tick mark below the axis; its label starts just under it.
export const X_TICK_LENGTH = 5;
// Average width of a digit or letter in the chart's sans-serif font, in ems; used to size the margins.
const CHAR_EM = 0.62;

const sortedActuals = (input: ChartSeriesInput) => [...input.actuals].sort((a, b) => a.date.localeCompare(b.date));

/** Every dated value the chart shows: actuals, the baseline and the target path. */
function allPoints(input: ChartSeriesInput, withBaseline: boolean) {
  return [...input.actuals, ...input.targetPath, ...(withBaseline && input.baseline ? [input.baseline] : [])];
}

/** First and last time shown; a lone date gets a period either side so it sits mid-chart. */
function timeDomain(dates: string[], frequency: MetricFrequency): [Date, Date] {
  const times = dates.map(toTime);
  const lo = Math.min(...times);
  const hi = Math.max(...times);
  if (lo < hi) return [new Date(lo), new Date(hi)];
  const pad = (frequency === "annual" ? 365 : 91) * DAY_MS;
  return [new Date(lo - pad), new Date(hi + pad)];
}

// Quantities that cannot be negative: their axis starts at zero when that
// costs little. Free-text units ("other") may be anything, so they never do.
const NON_NEGATIVE_UNITS: ReadonlySet<MetricUnit> = new Set(["count", "jobs", "usd", "percent"]);

/**
 * The value range before d3's nice() rounds it outward.
 *
 * Zero rule (charts only): for a non-negative unit whose values are all ≥ 0,
 * the axis starts at 0 when the smallest value is no more than the spread of
 * the values (min ≤ max − min). Adding 0 then at most doubles the height the
 * data needs, so at least half the plot still shows the change, and small
 * counts are not drawn as if they were huge swings. Values far from 0
 * (1,000 to 1,400 jobs) keep a tight axis so the movement toward the target
 * is visible. Sparklines never force 0: they only show a shape.
 */
export function valueDomain(values: number[], unit: MetricUnit, opts: { zeroRule: boolean }): [number, number] {
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  const nonNegative = NON_NEGATIVE_UNITS.has(unit) && lo >= 0;
  if (lo === hi) {
    // A flat series still needs height: 10% of its size either side (1 when it is 0).
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    lo -= pad;
    hi += pad;
    if (nonNegative) lo = Math.max(0, lo);
    if (unit === "percent" && hi > 100 && values.every((v) => v <= 100)) hi = 100;
    return [lo, hi];
  }
  if (opts.zeroRule && nonNegative && lo <= hi - lo) lo = 0;
  return [lo, hi];
}

const textWidth = (text: string, fontSize: number) => text.length * fontSize * CHAR_EM;

function yAxisTitle(input: ChartSeriesInput): string | null {
  // $ and % are in the tick labels already; a plain count needs no unit.
  if (input.unit === "jobs") return "Jobs";
  if (input.unit === "other") return unitName(input.unit, input.unitLabel);
  return null;
}

const pathOf = (points: [number, number][]) => (points.length === 0 ? "" : (line().digits(2)(points) ?? ""));

export function buildChart(input: ChartSeriesInput, size: ChartSize = CHART_SIZE): ChartGeometry {
  const fontSize = size.fontSize ?? CHART_SIZE.fontSize!;
  const title = chartTitle(input);
  const description = chartDescription(input);
  const points = allPoints(input, true);
  const axisTitle = yAxisTitle(input);
  if (points.length === 0) {
    const plot = { left: 0, top: 0, right: size.width, bottom: size.height };
    return { width: size.width, height: size.height, fontSize, plot, xLabelY: 0, yLabelX: 0, xTicks: [], yTicks: [], yAxisTitle: axisTitle, actualPath: "", points: [], targetPath: "", baseline: null, title, description: description.text };
  }

  // The y ticks' labels set the left margin, so the value scale comes first.
  const y = scaleLinear().domain(valueDomain(points.map((p) => p.value), input.unit, { zeroRule: true })).nice(MAX_Y_TICKS);
  const yValues = y.ticks(MAX_Y_TICKS);
  const yLabels = yValues.map((v) => formatAxisValue(v, input.unit));

  const [start, end] = timeDomain(points.map((p) => p.date), input.frequency);
  const ticks = chartXTicks(start, end, input.frequency);
  const widestX = Math.max(0, ...ticks.map((t) => textWidth(t.label, fontSize)));
  const widestY = Math.max(0, ...yLabels.map((l) => textWidth(l, fontSize)));

  // Room for the y labels on the left (clear of a marker on the plot's edge) and
  // half an x label past either end of the plot.
  const plot = {
    left: round(Math.max(widestY + Y_LABEL_GAP + 2, widestX / 2 + 2)),
    top: axisTitle ? fontSize * 2 : Math.ceil(fontSize * 0.75),
    right: round(size.width - Math.max(widestX / 2 + 2, 8)),
    bottom: size.height - Math.ceil(X_TICK_LENGTH + 3 + fontSize * 1.05),
  };
  const x = scaleUtc().domain([start, end]).range([plot.left, plot.right]);
  y.range([plot.bottom, plot.top]);
  const at = (p: { date: string; value: number }): [number, number] => [round(x(new Date(toTime(p.date)))), round(y(p.value))];

  const actuals = sortedActuals(input).map((a) => {
    const [px, py] = at(a);
    return { x: px, y: py, label: a.label, date: a.date, value: a.value };
  });
  const baselineAt = input.baseline ? at(input.baseline) : null;

  return {
    width: size.width,
    height: size.height,
    fontSize,
    plot,
    // Capitals stand about 0.72 em above the baseline: this leaves a 3-unit gap below the tick mark.
    xLabelY: round(plot.bottom + X_TICK_LENGTH + 3 + fontSize * 0.75),
    yLabelX: plot.left - Y_LABEL_GAP,
    xTicks: ticks.map((t) => ({ x: round(x(t.date)), label: t.label, date: t.iso })),
    yTicks: yValues.map((v, i) => ({ y: round(y(v)), value: v, label: yLabels[i]!, zero: v === 0 })),
    yAxisTitle: axisTitle,
    actualPath: pathOf(actuals.map((p) => [p.x, p.y])),
    points: actuals,
    targetPath: pathOf(input.targetPath.map(at)),
    baseline: baselineAt && input.baseline ? { x: baselineAt[0], y: baselineAt[1], label: description.baseline } : null,
    title,
    description: description.text,
  };
}

/** A tiny line: actuals over a faint target path, no axes. The y range fits the data tightly. */
export function buildSparkline(input: ChartSeriesInput, size: ChartSize = SPARKLINE_SIZE): SparklineGeometry {
  const label = sparklineLabel(input);
  const points = allPoints(input, false);
  if (points.length === 0) return { width: size.width, height: size.height, actualPath: "", targetPath: "", last: null, label };

  // Inset by the end dot's radius plus its stroke so nothing is clipped.
  const inset = 3;
  const [start, end] = timeDomain(points.map((p) => p.date), input.frequency);
  // No axis, so no calendar ticks: a linear scale over milliseconds places the
  // points exactly as the UTC time scale would, for a fraction of the cost
  // (an overview page draws twenty of these).
  const x = scaleLinear().domain([start.getTime(), end.getTime()]).range([inset, size.width - inset]);
  const y = scaleLinear().domain(valueDomain(points.map((p) => p.value), input.unit, { zeroRule: false })).range([size.height - inset, inset]);
  const at = (p: { date: string; value: number }): [number, number] => [round(x(toTime(p.date))), round(y(p.value))];

  const actuals = sortedActuals(input).map(at);
  const last = actuals[actuals.length - 1];
  return {
    width: size.width,
    height: size.height,
    actualPath: pathOf(actuals),
    targetPath: pathOf(input.targetPath.map(at)),
    last: last ? { x: last[0], y: last[1] } : null,
    label,
  };
}
