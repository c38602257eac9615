import { describe, expect, it } from "vitest";
import { metricEntry } from "./entry";

const plan = { periodStart: "2012-09-01", periodEnd: "2017-12-31" };

describe("metricEntry", () => {
  it("names the unit beside the value, spelled as people write it", () => {
    expect(metricEntry({ frequency: "annual", unit: "usd", unitLabel: null }, plan, [], "2014-05-10").unitHint).toBe("US dollars");
    expect(metricEntry({ frequency: "annual", unit: "other", unitLabel: "acres" }, plan, [], "2014-05-10").unitHint).toBe("acres");
    expect(metricEntry({ frequency: "annual", unit: "percent", unitLabel: null }, plan, [], "2014-05-10").unitHint).toBe("percent");
  });

  it("is due while the last complete period has no value, and offers the newest free period once it has", () => {
    const m = { frequency: "annual", unit: "jobs", unitLabel: null } as const;
    expect(metricEntry(m, plan, ["2012"], "2014-05-10")).toMatchObject({ defaultPeriod: "2013", due: true });
    expect(metricEntry(m, plan, ["2013"], "2014-05-10")).toMatchObject({ defaultPeriod: "2014", due: false });
    // Before the plan's span starts nothing can be recorded, so nothing is due.
    expect(metricEntry(m, plan, [], "2012-01-10")).toEqual({ unitHint: "jobs", periods: [], defaultPeriod: null, due: false });
  });
});
