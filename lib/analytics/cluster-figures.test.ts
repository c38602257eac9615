import { describe, expect, it } from "vitest";
import { annualRecord, quarterRecord } from "@/lib/test/employment-records";
import { computeClusterFigures } from "./cluster-figures";
import { EmploymentIndex } from "./employment-index";
import { computeFigure, PRIVATE_OWNERSHIP } from "./figure";

// Two counties. Manufacturing is published at every level, each the sum of
// the one below, so any double counting shows.
const A = "06019";
const B = "06029";
const records = [
  annualRecord({ area: A, industry: "31-33", employment: 1000, wages: 50_000_000, establishments: 40 }),
  annualRecord({ area: A, industry: "311", employment: 400, wages: 16_000_000, establishments: 20 }),
  annualRecord({ area: A, industry: "3111", employment: 100, wages: 5_200_000, establishments: 5 }),
  annualRecord({ area: A, industry: "3112", employment: 300, wages: 10_800_000, establishments: 15 }),
  annualRecord({ area: A, industry: "3111", ownership: 3, employment: 20, wages: 1_000_000, establishments: 1 }),
  annualRecord({ area: A, industry: "3111", ownership: 0, employment: 999, establishments: 1 }), // never summed: no all-ownership detail rows exist
  annualRecord({ area: B, industry: "3111", employment: 60, wages: 2_400_000, establishments: 3 }),
];
const index = EmploymentIndex.fromRecords(records);

describe("computeFigure", () => {
  it("counts a code once when its ancestor is listed too, and reads '31' as '31-33'", () => {
    // "31" → "31-33" = 1,000 private; "3111" (100 private + 20 local) is inside it and dropped.
    const f = computeFigure(index, [A], ["31", "3111"], 2016, { ownerships: PRIVATE_OWNERSHIP });
    expect(f.employment).toBe(1000);
    expect(f.establishments).toBe(40);
  });

  it("matches each code at its own level only", () => {
    // 311 is 400, not 400 + its children 100 + 300.
    expect(computeFigure(index, [A], ["311"], 2016).employment).toBe(400);
  });

  it("sums ownerships 1, 2, 3 and 5 by default, or the ones asked", () => {
    // 3111: private 100 + local 20 = 120; the own_code 0 row is not an ownership to add.
    expect(computeFigure(index, [A], ["3111"], 2016).employment).toBe(120);
    expect(computeFigure(index, [A], ["3111"], 2016, { ownerships: [5] }).employment).toBe(100);
  });

  it("gives annual and weekly pay", () => {
    // 50,000,000 / 1,000 = 50,000 a year; / 52 = 961.538... a week
    const f = computeFigure(index, [A], ["31"], 2016);
    expect(f.annualPay).toBe(50_000);
    expect(f.weeklyPay).toBeCloseTo(961.538, 3);
    expect(f).toMatchObject({ coverage: 1, partial: false, estimated: false, complete: true, months: 12, missingAreas: [] });
  });

  it("says which areas have no data for the year and that the figure is incomplete", () => {
    const f = computeFigure(index, [A, "06031"], ["3111"], 2016);
    expect(f.missingAreas).toEqual(["06031"]);
    expect(f.complete).toBe(false);
  });

  it("annualises the pay of an incomplete year and flags it", () => {
    // Two quarters: employment (10×6)/6 = 10, wages 2 × 6,000 = 12,000 for 6 months:
    // 1,200 a job for half a year → 2,400 a year.
    const half = EmploymentIndex.fromRecords([1, 2].map((q) => quarterRecord({ industry: "1111", quarter: q, months: [10, 10, 10], wages: 6000 })));
    const f = computeFigure(half, [A], ["1111"], 2016);
    expect(f).toMatchObject({ employment: 10, wages: 12_000, annualPay: 2400, months: 6, complete: false });
  });
});

describe("computeClusterFigures", () => {
  it("gives each county, the region and each component, year by year", () => {
    const [food] = computeClusterFigures(
      index,
      [{ key: "food", name: "Food processing", codes: ["3111", "3112", "311"], components: [{ name: "Animal food", codes: ["3111"] }] }],
      { areas: [A, B], years: [2016], ownerships: PRIVATE_OWNERSHIP },
    );
    expect(food!.codes).toEqual(["311"]);
    expect(food!.dropped.map((d) => d.code)).toEqual(["3111", "3112"]);
    const year = food!.years[0]!;
    // A: 311 = 400; B has no 311 row (no establishments), so 0. Region 400.
    expect(year.areas[A]!.employment).toBe(400);
    expect(year.areas[B]!.employment).toBe(0);
    expect(year.region.employment).toBe(400);
    // Component 3111: A 100 + B 60 = 160; wages 5,200,000 + 2,400,000 = 7,600,000 → 47,500 a year.
    expect(year.components[0]!.region).toMatchObject({ employment: 160, annualPay: 47_500, establishments: 8 });
  });
});
