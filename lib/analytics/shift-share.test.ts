import { describe, expect, it } from "vitest";
import { annualRecord } from "@/lib/test/employment-records";
import { EmploymentIndex } from "./employment-index";
import { computeShiftShare, shiftShare } from "./shift-share";

describe("shiftShare", () => {
  it("splits a hand-computed change exactly", () => {
    // Region 100 → 130 jobs; reference industry 1,000 → 1,100 (+10%); reference total 10,000 → 10,500 (+5%).
    // national  100 × (1.05 − 1)    = 5
    // mix       100 × (1.10 − 1.05) = 5
    // regional  100 × (1.30 − 1.10) = 20
    // 5 + 5 + 20 = 30 = 130 − 100
    const parts = shiftShare({ e0: 100, e1: 130, ri0: 1000, ri1: 1100, r0: 10_000, r1: 10_500 })!;
    expect(parts.national).toBeCloseTo(5, 10);
    expect(parts.industryMix).toBeCloseTo(5, 10);
    expect(parts.regional).toBeCloseTo(20, 10);
    expect(parts.change).toBe(30);
  });

  it("adds up to the actual change for any numbers", () => {
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let i = 0; i < 500; i++) {
      const input = { e0: next() * 5000, e1: next() * 5000, ri0: 1 + next() * 1e6, ri1: next() * 1e6, r0: 1 + next() * 1e8, r1: next() * 1e8 };
      const p = shiftShare(input)!;
      expect(p.national + p.industryMix + p.regional).toBeCloseTo(input.e1 - input.e0, 6);
    }
  });

  it("puts all of a new industry's jobs in the regional shift", () => {
    // e0 = 0: national and mix are 0; regional = e1 − 0 = 40.
    expect(shiftShare({ e0: 0, e1: 40, ri0: 10, ri1: 20, r0: 100, r1: 110 })).toEqual({ national: 0, industryMix: 0, regional: 40, change: 40 });
  });

  it("will not divide by a reference industry of 0", () => {
    expect(shiftShare({ e0: 5, e1: 6, ri0: 0, ri1: 3, r0: 100, r1: 110 })).toBeNull();
  });
});

describe("computeShiftShare", () => {
  const R = "US000";
  const cells = (year: number, region: Record<string, number>, reference: Record<string, number>, total: number) => [
    ...Object.entries(region).map(([industry, employment]) => annualRecord({ area: "A", industry, year, employment })),
    ...Object.entries(reference).map(([industry, employment]) => annualRecord({ area: R, industry, year, employment })),
    annualRecord({ area: R, industry: "10", ownership: 0, year, employment: total }),
  ];
  const index = EmploymentIndex.fromRecords([
    // 1111 is the hand case above; 1112 has no reference jobs in 2010; 1113 is suppressed in 2015.
    ...cells(2010, { "1111": 100, "1112": 8, "111": 400 }, { "1111": 1000, "1113": 50 }, 10_000),
    ...cells(2015, { "1111": 130, "1112": 9, "111": 450 }, { "1111": 1100, "1112": 5, "1113": 60 }, 10_500),
    annualRecord({ area: "A", industry: "1113", year: 2010, employment: 20, establishments: 2 }),
    annualRecord({ area: "A", industry: "1113", year: 2015, employment: 0, establishments: 2, disclosed: false }),
  ]);
  const query = { areas: ["A"], reference: [R], codes: ["1111", "1112", "1113"], fromYear: 2010, toYear: 2015 };

  it("splits each code it can and says why it cannot split the others", () => {
    const s = computeShiftShare(index, query);
    expect(s.byCode.map((c) => (c.decomposable ? c.code : `${c.code}: ${c.reason}`))).toEqual(["1111", "1112: reference-zero", "1113: suppressed"]);
    expect(s.decomposed.national).toBeCloseTo(5, 10);
    expect(s.decomposed.regional).toBeCloseTo(20, 10);
    expect(s.notDecomposable).toEqual(["1112", "1113"]);
    expect(s.to.partial).toBe(true);
    expect(Object.values(s.decomposed).some(Number.isNaN)).toBe(false);
  });

  it("splits a suppressed code from its estimate when asked, and says so", () => {
    // 1113 in 2015: parent 111 = 450, disclosed siblings 130 + 9 = 139 → 311 (the only suppressed child).
    // national 20 × 0.05 = 1; mix 20 × (60/50 − 1.05) = 3; regional 311 − 20 × 1.2 = 287; sum 291 = 311 − 20.
    const s = computeShiftShare(index, { ...query, estimate: true });
    const c = s.byCode[2]!;
    expect(c.decomposable && c.estimated).toBe(true);
    if (!c.decomposable) return;
    expect(c.parts.change).toBeCloseTo(291, 10);
    expect(c.parts.national).toBeCloseTo(1, 10);
    expect(c.parts.industryMix).toBeCloseTo(3, 10);
    expect(c.parts.regional).toBeCloseTo(287, 10);
    expect(s.estimated).toBe(true);
  });

  it("reports missing reference data rather than a number", () => {
    const s = computeShiftShare(index, { ...query, reference: ["06000"] });
    expect(s.byCode.every((c) => !c.decomposable && c.reason === "no-reference-total")).toBe(true);
    expect(s.decomposed).toEqual({ national: 0, industryMix: 0, regional: 0, change: 0 });
  });
});
