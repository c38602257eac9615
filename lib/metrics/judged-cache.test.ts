import { describe, expect, it } from "vitest";
import { seedDefaultData } from "@/db/seed/seed";
import { makeActor, sjvPlanId } from "@/lib/test/actors";
import { metricFormValues } from "./form-values";
import { judgePlanMetrics } from "./queries";
import { correctMeasurement, createMetric, recordMeasurement, setMetricRetired, updateMetric } from "./service";

// judgePlanMetrics keeps its result per plan; every change that can move a
// status must show on the next read.
describe("judged metrics stay current", () => {
  it("follows new values, corrections, edits and retirement", () => {
    seedDefaultData();
    const admin = makeActor("admin");
    const planId = sjvPlanId();
    const today = "2015-06-01";
    const statusOf = (id: number) => judgePlanMetrics(planId, today).find((j) => j.metric.id === id)?.judgement.status;
    const m = createMetric(admin, { planId, name: "Cached", scope: "plan", unit: "count", direction: "up", baselineValue: "0", baselineDate: "2012-12-31", targetValue: "100", targetDate: "2016-12-31", frequency: "annual" });
    expect(statusOf(m.id)).toBe("no_data");
    const first = recordMeasurement(admin, { metricId: m.id, period: "2014", value: "10" });
    expect(statusOf(m.id)).toBe("off_track");
    correctMeasurement(admin, { measurementId: first.id, value: "60", correctionNote: "Miscount" });
    expect(statusOf(m.id)).toBe("on_track");
    updateMetric(admin, { ...metricFormValues(m), metricId: m.id, version: m.version, targetValue: "1000" });
    expect(statusOf(m.id)).toBe("off_track");
    setMetricRetired(admin, { metricId: m.id, version: m.version + 1, retired: "true" });
    expect(statusOf(m.id)).toBeUndefined();
    // Another day is another judgement: staleness moves with the calendar.
    expect(judgePlanMetrics(planId, "2099-01-01").length).toBe(judgePlanMetrics(planId, today).length);
  });
});
