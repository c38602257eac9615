import { describe, expect, it } from "vitest";
import { annualRecord } from "@/lib/test/employment-records";
import { EmploymentIndex } from "./employment-index";
import { PRIVATE_OWNERSHIP } from "./figure";
import { computeLocationQuotient, locationQuotient } from "./location-quotient";

describe("locationQuotient", () => {
  it("divides the area's share by the reference's", () => {
    // (500 / 10,000) / (2,000 / 200,000) = 0.05 / 0.01 = 5
    expect(locationQuotient({ areaIndustry: 500, areaTotal: 10_000, referenceIndustry: 2000, referenceTotal: 200_000 })).toBeCloseTo(5, 12);
    expect(locationQuotient({ areaIndustry: 500, areaTotal: 10_000, referenceIndustry: 0, referenceTotal: 200_000 })).toBeNull();
    expect(locationQuotient({ areaIndustry: 500, areaTotal: 0, referenceIndustry: 10, referenceTotal: 200_000 })).toBeNull();
  });
});

describe("computeLocationQuotient", () => {
  const index = EmploymentIndex.fromRecords([
    // County A: 300 private jobs in 1111 and 200 in 1112; 10,000 jobs in all, 8,000 of them private.
    annualRecord({ area: "A", industry: "1111", employment: 300 }),
    annualRecord({ area: "A", industry: "1112", employment: 200 }),
    annualRecord({ area: "A", industry: "10", ownership: 0, employment: 10_000 }),
    annualRecord({ area: "A", industry: "10", ownership: 5, employment: 8000 }),
    // County B: 100 in 1111 of 5,000.
    annualRecord({ area: "B", industry: "1111", employment: 100 }),
    annualRecord({ area: "B", industry: "10", ownership: 0, employment: 5000 }),
    // The nation: 1,500 + 500 of 200,000 (100,000 private).
    annualRecord({ area: "US000", industry: "1111", employment: 1500 }),
    annualRecord({ area: "US000", industry: "1112", employment: 500 }),
    annualRecord({ area: "US000", industry: "10", ownership: 0, employment: 200_000 }),
    annualRecord({ area: "US000", industry: "10", ownership: 5, employment: 100_000 }),
  ]);

  it("uses the all-industry, all-ownership totals even for private rows (BLS's convention)", () => {
    // Cluster 1111 + 1112: (500 / 10,000) / (2,000 / 200,000) = 0.05 / 0.01 = 5.
    // The private totals would give (500 / 8,000) / (2,000 / 100,000) = 0.0625 / 0.02 = 3.125.
    const lq = computeLocationQuotient(index, { areas: ["A"], reference: ["US000"], codes: ["1111", "1112"], year: 2016, ownerships: PRIVATE_OWNERSHIP });
    expect(lq.lq).toBeCloseTo(5, 12);
    expect(lq).toMatchObject({ areaTotal: 10_000, referenceTotal: 200_000, coverage: 1, partial: false });
  });

  it("sums a region's counties", () => {
    // 1111 in A + B: (300 + 100) / (10,000 + 5,000) = 0.026667; US 1,500 / 200,000 = 0.0075 → 3.5556.
    const lq = computeLocationQuotient(index, { areas: ["A", "B"], reference: ["US000"], codes: ["1111"], year: 2016 });
    expect(lq.lq).toBeCloseTo(400 / 15_000 / 0.0075, 12);
  });

  it("is null without the reference's total", () => {
    const lq = computeLocationQuotient(index, { areas: ["A"], reference: ["06000"], codes: ["1111"], year: 2016 });
    expect(lq.lq).toBeNull();
    expect(lq.referenceTotal).toBeNull();
    expect(lq.reference.missingAreas).toEqual(["06000"]);
  });
});
