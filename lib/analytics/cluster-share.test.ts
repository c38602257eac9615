import { describe, expect, it } from "vitest";
import { annualRecord } from "@/lib/test/employment-records";
import { computeClusterShare } from "./cluster-share";
import { EmploymentIndex } from "./employment-index";

describe("computeClusterShare", () => {
  const index = EmploymentIndex.fromRecords([
    ...[5, 3].map((ownership) => annualRecord({ industry: "10", ownership, employment: ownership === 5 ? 8000 : 2000 })),
    annualRecord({ industry: "10", ownership: 0, employment: 10_000 }),
    annualRecord({ industry: "111", employment: 1000 }),
    annualRecord({ industry: "1113", employment: 600 }),
    annualRecord({ industry: "3114", employment: 900 }),
    annualRecord({ industry: "4244", employment: 500 }),
  ]);
  const clusters = [
    { key: "ag", name: "Agriculture", codes: ["111", "3114"] },
    { key: "fruit", name: "Fruit and nuts", codes: ["1113", "4244"] },
  ];

  it("gives the naive sum and the union that counts shared industries once", () => {
    const s = computeClusterShare(index, clusters, { areas: ["06019"], year: 2016, ownerships: [3, 5] });
    // ag 1,000 + 900 = 1,900; fruit 600 + 500 = 1,100; naive 3,000 of 2,000 + 8,000 = 10,000 → 30%.
    // Union: 1113 is inside 111, so 1,000 + 900 + 500 = 2,400 → 24%.
    expect(s.byCluster.map((c) => c.employment)).toEqual([1900, 1100]);
    expect(s.naive).toEqual({ employment: 3000, share: 0.3 });
    expect(s.union.employment).toBe(2400);
    expect(s.union.share).toBeCloseTo(0.24, 12);
    expect(s.overlaps).toEqual([{ a: "ag", b: "fruit", codes: [{ a: "111", b: "1113", shared: "1113" }] }]);
  });

  it("divides by the same ownerships' all-industry jobs", () => {
    // Private only: 2,400 / 8,000 = 30%.
    expect(computeClusterShare(index, clusters, { areas: ["06019"], year: 2016, ownerships: [5] }).union.share).toBeCloseTo(0.3, 12);
  });
});
