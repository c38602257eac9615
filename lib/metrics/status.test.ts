import { describe, expect, it } from "vitest";
import { expectedAt, judgeMetric, targetPath, type StatusInput } from "./status";

// A jobs metric: 1,000 at the end of 2012, 1,400 by the end of 2016.
const base: StatusInput = {
  direction: "up",
  unit: "jobs",
  frequency: "annual",
  baseline: { date: "2012-12-31", value: 1000 },
  target: { date: "2016-12-31", value: 1400 },
  interimTargets: [],
  tolerancePercent: 10,
  measurements: [],
  today: "2016-06-01",
};
const year = (y: number, value: number) => ({ periodLabel: String(y), periodEnd: `${y}-12-31`, value });

describe("targetPath and expectedAt", () => {
  it("runs straight from the baseline to the target, by days", () => {
    const path = targetPath(base.baseline, [], base.target);
    expect(expectedAt(path, "2012-12-31")).toBe(1000);
    expect(expectedAt(path, "2016-12-31")).toBe(1400);
    // 2014-12-31 is 730 of 1,461 days along.
    expect(expectedAt(path, "2014-12-31")).toBeCloseTo(1000 + (400 * 730) / 1461, 9);
  });

  it("bends through interim targets, ignoring any outside the span", () => {
    const path = targetPath(base.baseline, [{ date: "2014-12-31", value: 1300 }, { date: "2011-01-01", value: 5 }], base.target);
    expect(path.map((p) => p.value)).toEqual([1000, 1300, 1400]);
    expect(expectedAt(path, "2014-12-31")).toBe(1300);
    expect(expectedAt(path, "2013-12-31")).toBeCloseTo(1000 + (300 * 365) / 730, 9);
  });

  it("is empty without a baseline or a target", () => {
    expect(targetPath(null, [], base.target)).toEqual([]);
    expect(targetPath(base.baseline, [], null)).toEqual([]);
    expect(expectedAt([], "2014-01-01")).toBeNull();
  });
});

describe("judgeMetric", () => {
  it("an upward metric ahead of its path is on track", () => {
    const j = judgeMetric({ ...base, measurements: [year(2014, 1250)] });
    expect(j.status).toBe("on_track");
    expect(j.expected).toBeCloseTo(1199.86, 2);
    expect(j.summary).toBe("expected 1,199.86 jobs by 2014, actual 1,250 jobs, +4.2%");
  });

  it("an upward metric short within the tolerance is behind, with the figures", () => {
    const j = judgeMetric({ ...base, interimTargets: [{ date: "2014-12-31", value: 1240 }], measurements: [year(2013, 1100), year(2014, 1180)] });
    expect(j.status).toBe("behind");
    expect(j.latest).toEqual({ label: "2014", date: "2014-12-31", value: 1180 });
    expect(j.expected).toBe(1240);
    expect(j.difference).toBe(-60);
    expect(j.differencePercent).toBeCloseTo(-4.8387, 3);
    expect(j.summary).toBe("expected 1,240 jobs by 2014, actual 1,180 jobs, −4.8%");
  });

  it("an upward metric short by more than the tolerance is off track", () => {
    expect(judgeMetric({ ...base, interimTargets: [{ date: "2014-12-31", value: 1240 }], measurements: [year(2014, 1100)] }).status).toBe("off_track");
    // The tolerance is configurable: 15% admits the same shortfall (−11.3%) as behind.
    expect(judgeMetric({ ...base, tolerancePercent: 15, interimTargets: [{ date: "2014-12-31", value: 1240 }], measurements: [year(2014, 1100)] }).status).toBe("behind");
  });

  it("a downward metric is good when it falls: above the path is behind or off track", () => {
    const down: StatusInput = { ...base, direction: "down", unit: "percent", baseline: { date: "2012-12-31", value: 20 }, target: { date: "2016-12-31", value: 10 }, interimTargets: [{ date: "2014-12-31", value: 15 }] };
    expect(judgeMetric({ ...down, measurements: [year(2014, 14)] }).status).toBe("on_track");
    expect(judgeMetric({ ...down, measurements: [year(2014, 16)] }).status).toBe("behind");
    expect(judgeMetric({ ...down, measurements: [year(2014, 18)] }).status).toBe("off_track");
    expect(judgeMetric({ ...down, measurements: [year(2014, 16)] }).summary).toBe("expected 15% by 2014, actual 16%, +6.7%");
  });

  it("a measurement before the baseline date is held against the baseline", () => {
    const j = judgeMetric({ ...base, measurements: [year(2011, 950)] });
    expect(j.expected).toBe(1000);
    expect(j.status).toBe("behind");
    expect(j.summary).toContain("(before the baseline date)");
  });

  it("after the target date the target itself is expected", () => {
    const late = { ...base, today: "2018-03-01" };
    expect(judgeMetric({ ...late, measurements: [year(2017, 1450)] })).toMatchObject({ status: "on_track", expected: 1400 });
    const short = judgeMetric({ ...late, measurements: [year(2017, 1300)] });
    expect(short).toMatchObject({ status: "behind", expected: 1400 });
    expect(short.summary).toContain("(after the target date)");
  });

  it("no measurements: no data, and not judged", () => {
    expect(judgeMetric({ ...base, baseline: null })).toMatchObject({ status: "no_data", stale: false, latest: null, expected: null, summary: "no measurement yet" });
    expect(judgeMetric(base)).toMatchObject({ status: "no_data", summary: "no measurement yet; baseline 1,000 jobs on 2012-12-31" });
  });

  it("no baseline or no target: the value is shown but not judged", () => {
    const j = judgeMetric({ ...base, target: null, measurements: [year(2014, 1180)] });
    expect(j.status).toBe("no_target");
    expect(j.summary).toBe("actual 1,180 jobs in 2014; no target to judge it against");
  });

  it("a zero baseline is measured against the planned movement, not divided by zero", () => {
    const zero: StatusInput = { ...base, unit: "count", baseline: { date: "2012-12-31", value: 0 }, target: { date: "2016-12-31", value: 40 } };
    // At the baseline date the expected value is 0: a shortfall of 4 is 10% of the planned 40.
    const atStart = judgeMetric({ ...zero, measurements: [{ periodLabel: "2012", periodEnd: "2012-12-31", value: -4 }] });
    expect(atStart.expected).toBe(0);
    expect(atStart.differencePercent).toBeCloseTo(-10, 9);
    expect(atStart.status).toBe("behind");
    expect(Number.isFinite(atStart.differencePercent)).toBe(true);
    expect(judgeMetric({ ...zero, measurements: [{ periodLabel: "2012", periodEnd: "2012-12-31", value: 0 }] }).status).toBe("on_track");
    // A path that stays at zero has no scale: any shortfall is off track, on it is on track.
    const flat: StatusInput = { ...zero, direction: "down", target: { date: "2016-12-31", value: 0 } };
    expect(judgeMetric({ ...flat, measurements: [year(2014, 0)] })).toMatchObject({ status: "on_track", differencePercent: 0 });
    expect(judgeMetric({ ...flat, measurements: [year(2014, 3)] })).toMatchObject({ status: "off_track", differencePercent: null });
  });

  it("judges the latest period whatever order the measurements come in", () => {
    const j = judgeMetric({ ...base, measurements: [year(2015, 1300), year(2013, 900)] });
    expect(j.latest?.label).toBe("2015");
  });

  it("flags a metric whose latest period ended too long ago as stale", () => {
    expect(judgeMetric({ ...base, today: "2016-06-01", measurements: [year(2014, 1250)] }).stale).toBe(false);
    expect(judgeMetric({ ...base, today: "2017-01-01", measurements: [year(2014, 1250)] }).stale).toBe(true);
    const quarterly: StatusInput = { ...base, frequency: "quarterly", today: "2015-03-15" };
    const q = (value: number, label = "2014 Q3", periodEnd = "2014-09-30") => ({ periodLabel: label, periodEnd, value });
    expect(judgeMetric({ ...quarterly, measurements: [q(1200)] }).stale).toBe(false);
    expect(judgeMetric({ ...quarterly, today: "2015-04-01", measurements: [q(1200)] }).stale).toBe(true);
  });
});
