import { describe, expect, it } from "vitest";
import { annualRecord } from "@/lib/test/employment-records";
import { EmploymentIndex } from "./employment-index";
import { computeFigure } from "./figure";
import { estimateCell } from "./suppression";

// Crop production (111) in one county, private. 1113 and 1114 are suppressed;
// their establishments are published.
const crops = [
  annualRecord({ industry: "111", employment: 1000, wages: 40_000_000, establishments: 20 }),
  annualRecord({ industry: "1111", employment: 300, wages: 9_000_000, establishments: 6 }),
  annualRecord({ industry: "1112", employment: 200, wages: 8_000_000, establishments: 10 }),
  annualRecord({ industry: "1113", employment: 0, establishments: 3, disclosed: false }),
  annualRecord({ industry: "1114", employment: 0, establishments: 1, disclosed: false }),
];
const cell = (index: EmploymentIndex, industry: string) => index.get("06019", 5, industry, 2016)!;

describe("coverage", () => {
  const index = EmploymentIndex.fromRecords(crops);

  it("reports the disclosed share of establishments and never counts a suppressed cell as zero jobs", () => {
    // 1111 (6 establishments, disclosed) + 1113 (3, suppressed): coverage 6 / 9 = 0.667.
    const f = computeFigure(index, ["06019"], ["1111", "1113"], 2016);
    expect(f).toMatchObject({ employment: 300, establishments: 9, disclosedEstablishments: 6, suppressedCells: 1, partial: true, estimated: false });
    expect(f.coverage).toBeCloseTo(6 / 9, 12);
  });
});

describe("estimateCell", () => {
  it("splits the parent less its disclosed children over the suppressed ones by establishments", () => {
    const index = EmploymentIndex.fromRecords(crops);
    // 1,000 − 300 − 200 = 500 jobs, 40M − 9M − 8M = 23M wages; 1113 has 3 of the 4 suppressed establishments.
    // 1113: 500 × 3/4 = 375 jobs, 17.25M; 1114: 500 × 1/4 = 125 jobs, 5.75M.
    expect(estimateCell(index, cell(index, "1113"))).toEqual({ employment: 375, wages: 17_250_000 });
    expect(estimateCell(index, cell(index, "1114"))).toEqual({ employment: 125, wages: 5_750_000 });
    const f = computeFigure(index, ["06019"], ["1111", "1113"], 2016, { estimate: true });
    // 300 + 375 = 675, flagged, and still reporting the disclosed coverage 6/9.
    expect(f).toMatchObject({ employment: 675, estimated: true, partial: false });
    expect(f.coverage).toBeCloseTo(6 / 9, 12);
  });

  it("climbs to the next parent up when the parent is suppressed too", () => {
    const index = EmploymentIndex.fromRecords([
      annualRecord({ industry: "11", employment: 2000, wages: 60_000_000, establishments: 30 }),
      annualRecord({ industry: "112", employment: 800, wages: 20_000_000, establishments: 10 }),
      annualRecord({ industry: "111", employment: 0, establishments: 20, disclosed: false }),
      ...crops.slice(1),
    ]);
    // 111 = 2,000 − 800 = 1,200 (the only suppressed child of 11);
    // then 1,200 − 300 − 200 = 700 → 1113 gets 700 × 3/4 = 525, 1114 gets 175.
    expect(estimateCell(index, cell(index, "111"))!.employment).toBe(1200);
    expect(estimateCell(index, cell(index, "1113"))!.employment).toBe(525);
    expect(estimateCell(index, cell(index, "1114"))!.employment).toBe(175);
  });

  it("goes from a sector up to the ownership's all-industry row", () => {
    const index = EmploymentIndex.fromRecords([
      annualRecord({ industry: "10", employment: 5000, establishments: 100 }),
      annualRecord({ industry: "11", employment: 0, establishments: 30, disclosed: false }),
      annualRecord({ industry: "31-33", employment: 4000, establishments: 70 }),
    ]);
    expect(estimateCell(index, cell(index, "11"))!.employment).toBe(1000);
  });

  it("never goes negative when the disclosed children exceed the parent", () => {
    const index = EmploymentIndex.fromRecords([
      annualRecord({ industry: "111", employment: 450, establishments: 20 }),
      ...crops.slice(1),
    ]);
    // 450 − 300 − 200 = −50 → 0.
    expect(estimateCell(index, cell(index, "1113"))!.employment).toBe(0);
  });

  it("gives no estimate without a parent to read, and the figure stays partial", () => {
    const index = EmploymentIndex.fromRecords(crops.slice(1));
    expect(estimateCell(index, cell(index, "1113"))).toBeNull();
    const f = computeFigure(index, ["06019"], ["1113"], 2016, { estimate: true });
    expect(f).toMatchObject({ employment: 0, partial: true, estimated: false, coverage: 0 });
  });
});
