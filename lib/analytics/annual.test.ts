import { describe, expect, it } from "vitest";
import { annualRecord, quarterRecord } from "@/lib/test/employment-records";
import { annualize, annualizeCell } from "./annual";

const year = [
  quarterRecord({ industry: "1111", quarter: 1, months: [100, 110, 120], wages: 1000, establishments: 10 }),
  quarterRecord({ industry: "1111", quarter: 2, months: [130, 140, 150], wages: 2000, establishments: 12 }),
  quarterRecord({ industry: "1111", quarter: 3, months: [160, 170, 180], wages: 3000, establishments: 14 }),
  quarterRecord({ industry: "1111", quarter: 4, months: [190, 200, 210], wages: 4000, establishments: 16 }),
];

describe("annualizeCell", () => {
  it("averages the 12 monthly levels, sums the wages and averages the establishments", () => {
    // months: 100+110+...+210 = 12 × 155 = 1,860 → 1,860 / 12 = 155
    // wages: 1,000 + 2,000 + 3,000 + 4,000 = 10,000; establishments (10+12+14+16)/4 = 13
    expect(annualizeCell(year)).toEqual({
      area: "06019",
      ownership: 5,
      industry: "1111",
      year: 2016,
      employment: 155,
      wages: 10_000,
      establishments: 13,
      disclosed: true,
      months: 12,
      complete: true,
    });
  });

  it("flags a year with fewer than 4 quarters instead of passing it off as a year", () => {
    // Q1-Q3 only: 100+...+180 = 1,260 over 9 months = 140
    const cell = annualizeCell(year.slice(0, 3));
    expect(cell).toMatchObject({ employment: 140, months: 9, complete: false, wages: 6000 });
  });

  it("suppresses the whole year when any quarter is suppressed, keeping the establishments", () => {
    const cell = annualizeCell([...year.slice(0, 3), quarterRecord({ industry: "1111", quarter: 4, months: [0, 0, 0], establishments: 16, disclosed: false })]);
    expect(cell).toMatchObject({ employment: null, wages: null, disclosed: false, establishments: 13, complete: true });
  });

  it("takes an annual record's own figure", () => {
    expect(annualizeCell([annualRecord({ industry: "1111", employment: 154.5, wages: 9000, establishments: 13 })])).toMatchObject({
      employment: 154.5,
      wages: 9000,
      months: 12,
      complete: true,
    });
  });

  it("refuses a quarter twice", () => {
    expect(() => annualizeCell([year[0]!, year[0]!])).toThrow(/quarter 1 appears twice/);
  });
});

describe("annualize", () => {
  it("groups records by area, ownership, industry and year", () => {
    const cells = annualize([...year, annualRecord({ industry: "1111", year: 2015, employment: 150 }), annualRecord({ industry: "1111", ownership: 3, employment: 7 })]);
    expect(cells.map((c) => [c.ownership, c.year, c.employment])).toEqual([
      [5, 2016, 155],
      [5, 2015, 150],
      [3, 2016, 7],
    ]);
  });
});
