import { describe, expect, it } from "vitest";
import { likelyNextPeriod, parsePeriodLabel, periodContaining, periodsBetween } from "./periods";

describe("measurement periods", () => {
  it("reads years and quarters in the ways people write them", () => {
    expect(parsePeriodLabel("2014")).toEqual({ label: "2014", frequency: "annual", start: "2014-01-01", end: "2014-12-31" });
    for (const text of ["2014 Q2", "2014-Q2", "2014q2", " Q2 2014 "]) {
      expect(parsePeriodLabel(text)).toEqual({ label: "2014 Q2", frequency: "quarterly", start: "2014-04-01", end: "2014-06-30" });
    }
    expect(parsePeriodLabel("2016 Q4")?.end).toBe("2016-12-31");
  });

  it("refuses anything else", () => {
    for (const text of ["", "14", "2014 Q5", "FY2014", "2014-06", "1800", "2014 Q2 extra"]) expect(parsePeriodLabel(text)).toBeNull();
  });

  it("finds the period containing a date and lists periods newest first", () => {
    expect(periodContaining("2026-11-22", "quarterly").label).toBe("2026 Q4");
    expect(periodContaining("2026-11-22", "annual").label).toBe("2026");
    expect(periodsBetween("2025-08-01", "2026-02-01", "quarterly").map((p) => p.label)).toEqual(["2026 Q1", "2025 Q4", "2025 Q3"]);
    expect(periodsBetween("2012-09-01", "2014-01-01", "annual").map((p) => p.label)).toEqual(["2014", "2013", "2012"]);
  });

  it("suggests the last complete period", () => {
    expect(likelyNextPeriod("2026-11-22", "quarterly").label).toBe("2026 Q3");
    expect(likelyNextPeriod("2026-01-10", "annual").label).toBe("2025");
  });
});
