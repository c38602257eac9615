import { describe, expect, it } from "vitest";
import { annualRecord } from "@/lib/test/employment-records";
import { EmploymentIndex } from "./employment-index";
import { computeFigure } from "./figure";
import { figureGrowth, growth, spanGrowth, yearOverYear } from "./growth";

const series = [
  { year: 2012, value: 99 },
  { year: 2010, value: 100 },
  { year: 2011, value: 110 },
  { year: 2014, value: 120 },
];

describe("growth", () => {
  it("gives the change absolute and in percent", () => {
    expect(growth(200, 250)).toEqual({ from: 200, to: 250, absolute: 50, percent: 25 });
    // From nothing there is no percent.
    expect(growth(0, 5)).toEqual({ from: 0, to: 5, absolute: 5, percent: null });
  });

  it("goes year over year, skipping years whose previous year is missing", () => {
    const yoy = yearOverYear(series);
    // 2011: 110 − 100 = +10, +10%; 2012: 99 − 110 = −11, −10%; 2014 has no 2013.
    expect(yoy.map((g) => [g.toYear, g.absolute])).toEqual([
      [2011, 10],
      [2012, -11],
    ]);
    expect(yoy[0]!.percent).toBeCloseTo(10, 12);
    expect(yoy[1]!.percent).toBeCloseTo(-10, 12);
  });

  it("spans any two years, with the compound annual rate", () => {
    const g = spanGrowth(series, 2010, 2012)!;
    // 99 − 100 = −1, −1%; rate (99/100)^(1/2) − 1 = −0.501256...%
    expect(g.absolute).toBe(-1);
    expect(g.percent).toBeCloseTo(-1, 12);
    expect(g.annualRate).toBeCloseTo((Math.sqrt(0.99) - 1) * 100, 12);
    expect(spanGrowth(series, 2010, 2013)).toBeNull();
  });

  it("carries a figure's caveats into its change", () => {
    const index = EmploymentIndex.fromRecords([
      annualRecord({ industry: "1111", year: 2015, employment: 100, establishments: 4 }),
      annualRecord({ industry: "1112", year: 2015, employment: 0, establishments: 1, disclosed: false }),
      annualRecord({ industry: "1111", year: 2016, employment: 120, establishments: 5 }),
    ]);
    const g = figureGrowth(computeFigure(index, ["06019"], ["1111", "1112"], 2015), computeFigure(index, ["06019"], ["1111", "1112"], 2016))!;
    // 2015 covers 4 of 5 establishments; the change is flagged partial.
    expect(g).toMatchObject({ absolute: 20, percent: 20, coverage: 0.8, partial: true, estimated: false, complete: true });
  });
});
