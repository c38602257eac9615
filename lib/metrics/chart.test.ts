import { describe, expect, it } from "vitest";
import { buildChart, buildSparkline, valueDomain, type ChartSeriesInput } from "./chart";
import { chartTableRows } from "./chart-text";
import { targetPath } from "./status";

const baseline = { date: "2012-12-31", value: 1000 };
const target = { date: "2016-12-31", value: 1400 };
// Deliberately out of order: the chart sorts by date.
const jobs: ChartSeriesInput = {
  title: "Jobs",
  unit: "jobs",
  unitLabel: null,
  frequency: "annual",
  actuals: [
    { label: "2016", date: "2016-12-31", value: 1180 },
    { label: "2013", date: "2013-12-31", value: 1100 },
    { label: "2015", date: "2015-12-31", value: 1120 },
    { label: "2014", date: "2014-12-31", value: 1150 },
  ],
  baseline,
  targetPath: targetPath(baseline, [], target),
};
const noTarget = (s: ChartSeriesInput): ChartSeriesInput => ({ ...s, baseline: null, targetPath: [] });
const quarters = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => {
    const year = from + Math.floor(i / 4);
    const q = (i % 4) + 1;
    const end = ["03-31", "06-30", "09-30", "12-31"][q - 1];
    return { label: `${year} Q${q}`, date: `${year}-${end}`, value: 10 + i };
  });

describe("buildChart", () => {
  it("maps dates across the plot and values up it, baseline at the bottom left and the target at the top right", () => {
    const g = buildChart(jobs);
    expect(g.points.map((p) => p.label)).toEqual(["2013", "2014", "2015", "2016"]);
    // The baseline is the earliest date and the lowest value; the target the latest and highest.
    expect(g.baseline).toMatchObject({ x: g.plot.left, y: g.plot.bottom });
    expect(g.targetPath).toBe(`M${g.plot.left},${g.plot.bottom}L${g.plot.right},${g.plot.top}`);
    const last = g.points[3]!;
    expect(last.x).toBe(g.plot.right);
    // 2013-12-31 is 365 of the 1,461 days from the baseline to the target.
    const first = g.points[0]!;
    expect(first.x).toBeCloseTo(g.plot.left + ((g.plot.right - g.plot.left) * 365) / 1461, 1);
    // 1,100 is a quarter of the way up a 1,000–1,400 axis.
    expect(first.y).toBeCloseTo(g.plot.bottom - (g.plot.bottom - g.plot.top) / 4, 1);
    expect(g.actualPath.startsWith(`M${first.x},${first.y}L`)).toBe(true);
    expect(g.actualPath.split("L")).toHaveLength(4);
  });

  it("labels the time axis with years at each year's end and the value axis with nice numbers", () => {
    const g = buildChart(jobs);
    expect(g.xTicks.map((t) => t.label)).toEqual(["2012", "2013", "2014", "2015", "2016"]);
    expect(g.xTicks[4]!.x).toBe(g.plot.right);
    expect(g.yTicks.map((t) => t.label)).toEqual(["1,000", "1,100", "1,200", "1,300", "1,400"]);
    expect(g.yAxisTitle).toBe("Jobs");
    expect(g.yTicks[0]!.y).toBe(g.plot.bottom);
  });

  it("puts the first actual on the left edge when it is the earliest date", () => {
    const g = buildChart(noTarget(jobs));
    expect(g.points[0]!.x).toBe(g.plot.left);
    expect(g.points[3]!.x).toBe(g.plot.right);
    expect(g.targetPath).toBe("");
    expect(g.baseline).toBeNull();
  });

  it("describes the chart in a sentence", () => {
    expect(buildChart(jobs).description).toBe(
      "Jobs from 2013 to 2016: 1,100 to 1,180 jobs. Target path from 1,000 jobs in 2012 to 1,400 jobs in 2016. Baseline 1,000 jobs in 2012.",
    );
    expect(buildChart(jobs).title).toBe("Jobs: actual values and target path");
    expect(buildChart(noTarget(jobs)).description).toBe("Jobs from 2013 to 2016: 1,100 to 1,180 jobs. No target set.");
    const dip: ChartSeriesInput = { ...noTarget(jobs), unit: "usd", actuals: [...jobs.actuals, { label: "2017", date: "2017-12-31", value: 900 }] };
    expect(buildChart(dip).description).toBe("Jobs from 2013 to 2017: $1,100.00 to $900.00. Highest $1,180.00 in 2016. No target set.");
    const interim: ChartSeriesInput = { ...jobs, frequency: "quarterly", targetPath: targetPath(baseline, [{ date: "2014-06-30", value: 1200 }], target) };
    expect(buildChart(interim).description).toContain("Target path from 1,000 jobs in 2012 Q4, through 1,200 jobs in 2014 Q2, to 1,400 jobs in 2016 Q4.");
  });

  it("draws a single point mid-chart with a period either side", () => {
    const g = buildChart({ ...noTarget(jobs), actuals: [{ label: "2014", date: "2014-12-31", value: 1150 }] });
    expect(g.points).toHaveLength(1);
    expect(g.points[0]!.x).toBeCloseTo((g.plot.left + g.plot.right) / 2, 0);
    expect(g.points[0]!.y).toBeGreaterThan(g.plot.top);
    expect(g.points[0]!.y).toBeLessThan(g.plot.bottom);
    expect(g.xTicks.map((t) => t.label)).toEqual(["2013", "2014", "2015"]);
    expect(g.description).toBe("Jobs: one measurement, 1,150 jobs in 2014. No target set.");
  });

  it("gives equal values some height", () => {
    const flat: ChartSeriesInput = { ...noTarget(jobs), unit: "percent", actuals: jobs.actuals.map((a) => ({ ...a, value: 41 })) };
    const g = buildChart(flat);
    expect(new Set(g.points.map((p) => p.y)).size).toBe(1);
    expect(g.points[0]!.y).toBeGreaterThan(g.plot.top);
    expect(g.points[0]!.y).toBeLessThan(g.plot.bottom);
    expect(g.yTicks.length).toBeGreaterThanOrEqual(2);
    expect(g.yTicks.every((t) => t.label.endsWith("%"))).toBe(true);
    expect(valueDomain([0, 0], "count", { zeroRule: true })).toEqual([0, 1]);
    expect(valueDomain([100], "percent", { zeroRule: true })).toEqual([90, 100]);
  });

  it("handles negative values with a marked zero line", () => {
    const g = buildChart({ ...noTarget(jobs), unit: "other", unitLabel: "net firms", actuals: [
      { label: "2013", date: "2013-12-31", value: -5 },
      { label: "2014", date: "2014-12-31", value: 3 },
      { label: "2015", date: "2015-12-31", value: -2 },
    ] });
    expect(g.yTicks[0]!.value).toBeLessThanOrEqual(-5);
    expect(g.yTicks.at(-1)!.value).toBeGreaterThanOrEqual(3);
    expect(g.yTicks.filter((t) => t.zero)).toHaveLength(1);
    expect(g.yAxisTitle).toBe("net firms");
    const [low, high] = [g.points[0]!, g.points[1]!];
    expect(low.y).toBeGreaterThan(high.y);
  });

  it("starts a non-negative axis at zero only when the values span at least their own distance from it", () => {
    expect(valueDomain([10, 100], "count", { zeroRule: true })).toEqual([0, 100]);
    expect(valueDomain([1000, 1400], "jobs", { zeroRule: true })).toEqual([1000, 1400]);
    expect(valueDomain([10, 100], "other", { zeroRule: true })).toEqual([10, 100]);
    expect(valueDomain([10, 100], "count", { zeroRule: false })).toEqual([10, 100]);
    expect(buildChart({ ...noTarget(jobs), unit: "count", actuals: [{ label: "2013", date: "2013-12-31", value: 12 }, { label: "2014", date: "2014-12-31", value: 40 }] }).yTicks[0]!.value).toBe(0);
  });

  it("labels quarters on a short quarterly chart and years on a long one, never more than five", () => {
    const short = buildChart({ ...noTarget(jobs), frequency: "quarterly", actuals: quarters(2014, 6) });
    expect(short.xTicks.map((t) => t.label)).toEqual(["2014 Q2", "2014 Q4", "2015 Q2"]);
    const long = buildChart({ ...noTarget(jobs), frequency: "quarterly", actuals: quarters(2010, 28) });
    expect(long.xTicks.map((t) => t.label)).toEqual(["2010", "2012", "2014", "2016"]);
    const annual = buildChart({ ...noTarget(jobs), actuals: Array.from({ length: 30 }, (_, i) => ({ label: String(2001 + i), date: `${2001 + i}-12-31`, value: i })) });
    expect(annual.xTicks.map((t) => t.label)).toEqual(["2010", "2020", "2030"]);
    // Centred labels stay inside the viewBox at both ends (at ~0.62 em a character).
    for (const g of [short, long, annual]) {
      const halfWidth = (t: { label: string }) => (t.label.length * g.fontSize * 0.62) / 2;
      expect(g.xTicks.every((t) => t.x >= g.plot.left && t.x <= g.plot.right)).toBe(true);
      expect(g.xTicks.every((t) => t.x - halfWidth(t) >= 0 && t.x + halfWidth(t) <= g.width)).toBe(true);
    }
  });

  it("draws the target path alone when nothing is measured yet", () => {
    const g = buildChart({ ...jobs, actuals: [] });
    expect(g.points).toEqual([]);
    expect(g.actualPath).toBe("");
    expect(g.targetPath).not.toBe("");
    expect(g.title).toBe("Jobs: target path");
    expect(g.description).toBe("Jobs: no measurements yet. Target path from 1,000 jobs in 2012 to 1,400 jobs in 2016. Baseline 1,000 jobs in 2012.");
  });
});

describe("chartTableRows", () => {
  it("lists the baseline, then actuals with the expected value and the target point by date", () => {
    const rows = chartTableRows({ ...jobs, actuals: jobs.actuals.filter((a) => a.label !== "2016") });
    expect(rows.map((r) => [r.heading, r.actual, r.expected === null ? null : Math.round(r.expected * 100) / 100])).toEqual([
      ["Baseline (2012)", 1000, 1000],
      ["2013", 1100, 1099.93],
      ["2014", 1150, 1199.86],
      ["2015", 1120, 1299.79],
      ["Target (2016)", null, 1400],
    ]);
  });

  it("does not repeat a target point that an actual shares, and has no expected values without a target", () => {
    expect(chartTableRows(jobs).map((r) => r.heading)).toEqual(["Baseline (2012)", "2013", "2014", "2015", "2016"]);
    expect(chartTableRows(noTarget(jobs)).every((r) => r.expected === null)).toBe(true);
  });
});

describe("buildSparkline", () => {
  it("fits the actuals and the target path into the box and names the trend", () => {
    const s = buildSparkline(jobs);
    expect(s.label).toBe("1,100 to 1,180 jobs, 2013–2016");
    expect(s.last).toEqual({ x: 117, y: expect.any(Number) });
    expect(s.targetPath.startsWith("M3,29")).toBe(true); // the baseline: earliest and lowest
    expect(s.actualPath).not.toBe("");
  });

  it("copes with one value, no values and US dollars", () => {
    expect(buildSparkline({ ...noTarget(jobs), actuals: [jobs.actuals[0]!] }).label).toBe("1,180 jobs in 2016");
    const empty = buildSparkline({ ...jobs, actuals: [] });
    expect(empty).toMatchObject({ actualPath: "", last: null, label: "No measurements yet; target 1,400 jobs by 2016" });
    expect(buildSparkline({ ...jobs, unit: "usd" }).label).toBe("$1,100.00 to $1,180.00, 2013–2016");
  });
});
