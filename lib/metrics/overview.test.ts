import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { actions, sections } from "@/db/schema";
import { seedDefaultData } from "@/db/seed/seed";
import { groupIdOf, makeActor, sjvPlanId } from "@/lib/test/actors";
import { getMetricsOverview, METRICS_PAGE_SIZE } from "./queries";
import { createMetric, recordMeasurement } from "./service";

const TODAY = "2015-06-01";

describe("the metrics overview", () => {
  it("names what each metric is attached to, filters by cluster and status, counts and pages", () => {
    seedDefaultData();
    const admin = makeActor("admin");
    const planId = sjvPlanId();
    const plan = { id: planId, slug: "sjv-2012" };
    const energy = getDb().select().from(sections).where(eq(sections.key, "energy")).get()!;
    const en1 = getDb().select().from(actions).where(eq(actions.code, "EN-1")).get()!;
    const base = { planId, unit: "count", direction: "up", frequency: "annual", baselineValue: "0", baselineDate: "2012-12-31", targetValue: "100", targetDate: "2016-12-31" };
    const onAction = createMetric(admin, { ...base, name: "On EN-1", scope: "action", actionId: String(en1.id) });
    const onGroup = createMetric(admin, { ...base, name: "On the energy group", scope: "work_group", workGroupId: String(groupIdOf("energy-wg")) });
    recordMeasurement(admin, { metricId: onAction.id, period: "2014", value: "90" });
    recordMeasurement(admin, { metricId: onGroup.id, period: "2014", value: "5" });

    const all = getMetricsOverview(plan, { cluster: null, status: null, page: 1 }, TODAY);
    // 11 defaults (no data) and the two new ones.
    expect(all.counts).toMatchObject({ total: 13, no_data: 11, on_track: 1, off_track: 1 });
    const label = (name: string) => all.rows.find((r) => r.metric.name === name)?.attached;
    expect(label("Energy cluster employment")).toEqual({ label: "Energy", href: "/plans/sjv-2012/sections/energy" });
    expect(label("Valley Gross Domestic Product (GDP)")).toEqual({ label: "The whole plan", href: null });
    expect(label("On EN-1")).toEqual({ label: `Action EN-1${en1.title ? `: ${en1.title}` : ""}`, href: `/actions/${en1.id}` });
    expect(label("On the energy group")?.label).toBe("Energy Work Group");

    // The energy cluster: its section metric, the action's and the group's (the group works on energy).
    const inEnergy = getMetricsOverview(plan, { cluster: energy.id, status: null, page: 1 }, TODAY);
    expect(inEnergy.rows.map((r) => r.metric.name)).toEqual(["Energy cluster employment", "On EN-1", "On the energy group"]);
    expect(inEnergy.counts).toMatchObject({ total: 3, on_track: 1, off_track: 1, no_data: 1 });
    const offTrack = getMetricsOverview(plan, { cluster: energy.id, status: "off_track", page: 1 }, TODAY);
    expect(offTrack.rows.map((r) => r.metric.name)).toEqual(["On the energy group"]);
    expect(offTrack.rows[0]!.points).toEqual([{ periodLabel: "2014", periodEnd: "2014-12-31", value: 5 }]);

    for (let i = 0; i < METRICS_PAGE_SIZE; i++) createMetric(admin, { ...base, name: `Filler ${i}`, scope: "plan" });
    const second = getMetricsOverview(plan, { cluster: null, status: null, page: 2 }, TODAY);
    expect(second).toMatchObject({ page: 2, pages: 2, matching: 13 + METRICS_PAGE_SIZE });
    expect(second.rows).toHaveLength(13);
  });
});
