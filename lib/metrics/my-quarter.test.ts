import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { actions } from "@/db/schema";
import { systemActor } from "@/lib/auth/actor";
import { action, makeUser, quarterWorld } from "@/lib/test/quarter-fixtures";
import { myQuarterMetrics } from "./my-quarter";
import { correctMeasurement, createMetric, recordMeasurement, setMetricRetired } from "./service";

// "My quarter" lists, next to each shown action, the action's metrics the
// person may record, and their groups' own metrics below. SJV runs from
// 2012-09 to 2017-12; "today" is fixed in May 2014, so the last complete
// quarter (the one a value is due for) is 2014 Q1.

const TODAY = "2014-05-10";
const staff = systemActor("test");

function world() {
  const w = quarterWorld();
  const metric = (name: string, extra: Record<string, unknown>) =>
    createMetric(staff, { planId: w.planId, name, unit: "jobs", direction: "up", frequency: "quarterly", interimTargets: "", baselineValue: "100", baselineDate: "2012-12-31", targetValue: "200", targetDate: "2016-12-31", ...extra });
  const onAction = (code: string, name: string) => metric(name, { scope: "action", actionId: String(action(code).id) });
  const m = {
    en1: onAction("EN-1", "EN-1 installers trained"),
    en1b: onAction("EN-1", "EN-1 sites audited"),
    en2: onAction("EN-2", "EN-2 retrofits"),
    en3: onAction("EN-3", "EN-3 permits"),
    ag1: onAction("AG-1", "AG-1 farms reached"),
    energyGroup: metric("Energy members' jobs", { scope: "work_group", workGroupId: String(w.energy) }),
    energySection: metric("Energy cluster jobs, kept by the group", { scope: "section", sectionId: String(action("EN-1").sectionId), workGroupId: String(w.energy) }),
    healthGroup: metric("Health members' jobs", { scope: "work_group", workGroupId: String(w.health) }),
    planWide: metric("Valley jobs", { scope: "plan" }),
    retired: onAction("EN-1", "EN-1 retired count"),
  };
  setMetricRetired(staff, { metricId: m.retired.id, version: m.retired.version, retired: "true" });
  return { ...w, m };
}

const ids = (...codes: string[]) => codes.map((c) => action(c).id);
const names = (list: { metric: { name: string } }[] | undefined) => (list ?? []).map((x) => x.metric.name);

describe("myQuarterMetrics", () => {
  it("gives a group's lead the shown actions' live metrics and the group's own metrics, not other groups' or staff's", () => {
    const w = world();
    const { byAction, groupMetrics } = myQuarterMetrics(w.lead, w.planId, ids("EN-1", "EN-2", "AG-1"), TODAY);
    expect(names(byAction.get(action("EN-1").id))).toEqual(["EN-1 installers trained", "EN-1 sites audited"]);
    expect(names(byAction.get(action("EN-2").id))).toEqual(["EN-2 retrofits"]);
    // AG-1 belongs to no group and is not assigned to the lead; EN-3 is not on the shown page.
    expect([...byAction.keys()].sort()).toEqual(ids("EN-1", "EN-2").sort());
    expect(groupMetrics.map((g) => [g.groupName, g.metric.name])).toEqual([
      ["Energy Work Group", "Energy members' jobs"],
      ["Energy Work Group", "Energy cluster jobs, kept by the group"],
    ]);
  });

  it("gives a contributor the same as their lead, an assignee their assigned action's metrics, and board members and outsiders nothing", () => {
    const w = world();
    const lead = myQuarterMetrics(w.lead, w.planId, ids("EN-1", "EN-2"), TODAY);
    const member = myQuarterMetrics(w.member, w.planId, ids("EN-1", "EN-2"), TODAY);
    expect([...member.byAction.entries()].map(([id, list]) => [id, names(list)])).toEqual([...lead.byAction.entries()].map(([id, list]) => [id, names(list)]));
    expect(names(member.groupMetrics)).toEqual(names(lead.groupMetrics));

    getDb().update(actions).set({ leadUserId: w.outsider.userId }).where(eq(actions.id, action("AG-1").id)).run();
    const assignee = myQuarterMetrics(w.outsider, w.planId, ids("AG-1"), TODAY);
    expect(names(assignee.byAction.get(action("AG-1").id))).toEqual(["AG-1 farms reached"]);
    expect(assignee.groupMetrics).toEqual([]);

    // A board member in the group may read but not record.
    const board = makeUser("Bea Board", "viewer", { member: [w.energy] });
    expect(myQuarterMetrics(board, w.planId, ids("EN-1", "EN-2"), TODAY)).toMatchObject({ byAction: new Map(), groupMetrics: [], groupTotal: 0 });
    expect(myQuarterMetrics(w.outsider, w.planId, ids("EN-1"), TODAY)).toMatchObject({ byAction: new Map(), groupMetrics: [], groupTotal: 0 });
    // Staff record anything, but "their groups" are only the groups they belong to.
    expect(myQuarterMetrics(w.admin, w.planId, ids("AG-1"), TODAY).groupMetrics).toEqual([]);
    expect(names(myQuarterMetrics(w.admin, w.planId, ids("AG-1"), TODAY).byAction.get(action("AG-1").id))).toEqual(["AG-1 farms reached"]);
  });

  it("judges each metric from its own latest current value and offers only the periods without one", () => {
    const w = world();
    recordMeasurement(w.lead, { metricId: w.m.en1.id, period: "2013 Q4", value: "150" });
    const q1 = recordMeasurement(w.lead, { metricId: w.m.en1.id, period: "2014 Q1", value: "90" });
    correctMeasurement(w.lead, { measurementId: q1.id, value: "140", correctionNote: "Typo." });
    recordMeasurement(w.lead, { metricId: w.m.en2.id, period: "2013 Q2", value: "101" });
    recordMeasurement(w.lead, { metricId: w.m.energyGroup.id, period: "2014 Q1", value: "125" });

    const { byAction, groupMetrics } = myQuarterMetrics(w.lead, w.planId, ids("EN-1", "EN-2"), TODAY);
    const [installers, audited] = byAction.get(action("EN-1").id)!;
    // Expected on 2014-03-31 on the path 100 (2012-12-31) → 200 (2016-12-31): 100 + 100 × 455/1461 ≈ 131.1.
    expect(installers!.judgement).toMatchObject({ status: "on_track", stale: false, latest: { label: "2014 Q1", value: 140 } });
    expect(installers!.entry).toMatchObject({ unitHint: "jobs", defaultPeriod: "2014 Q2", due: false });
    // Periods with a value (2014 Q1, 2013 Q4) are not offered.
    expect(installers!.entry.periods.slice(0, 2)).toEqual(["2014 Q2", "2013 Q3"]);
    expect(installers!.entry.periods.at(-1)).toEqual("2012 Q3");
    expect(audited!.judgement).toMatchObject({ status: "no_data", latest: null });
    expect(audited!.entry).toMatchObject({ defaultPeriod: "2014 Q1", due: true });

    const [retrofits] = byAction.get(action("EN-2").id)!;
    // A year old: more than six months past its quarter, so stale, and off track (101 against ≈ 110).
    expect(retrofits!.judgement).toMatchObject({ status: "off_track", stale: true, latest: { label: "2013 Q2", value: 101 } });
    // 125 against ≈ 131.1 is short by under the 10% tolerance.
    expect(groupMetrics[0]!.judgement).toMatchObject({ status: "behind", latest: { label: "2014 Q1", value: 125 } });
  });

  it("reads a long page of actions with their own metrics and values, none mixed up", () => {
    const w = world();
    const codes = ["EN-1", "EN-2", "EN-3", "EN-4", "EN-5", "EN-6"];
    const made = codes.map((code, i) => {
      const metric = createMetric(staff, { planId: w.planId, name: `${code} count`, scope: "action", actionId: String(action(code).id), unit: "count", direction: "up", frequency: "annual", interimTargets: "" });
      recordMeasurement(w.lead, { metricId: metric.id, period: "2013", value: String(10 * (i + 1)) });
      return metric;
    });
    const { byAction } = myQuarterMetrics(w.lead, w.planId, ids(...codes), TODAY);
    const latest = codes.map((code) => byAction.get(action(code).id)!.find((x) => x.metric.name === `${code} count`)!);
    expect(latest.map((x) => [x.metric.id, x.judgement.latest?.value, x.judgement.status])).toEqual(made.map((m, i) => [m.id, 10 * (i + 1), "no_target"]));
    expect(latest[0]!.entry).toMatchObject({ periods: ["2014", "2012"], defaultPeriod: "2014", due: false });
  });

  it("returns nothing to look up when there are no shown actions and no groups", () => {
    const w = world();
    expect(myQuarterMetrics(w.outsider, w.planId, [], TODAY)).toMatchObject({ byAction: new Map(), groupMetrics: [], groupTotal: 0 });
  });

  it("pages a group's own metrics 20 at a time, reading values only for the page shown", () => {
    const w = world();
    for (let i = 1; i <= 23; i++) createMetric(staff, { planId: w.planId, name: `Group metric ${String(i).padStart(2, "0")}`, unit: "count", direction: "up", frequency: "annual", scope: "work_group", workGroupId: String(w.energy) });
    const first = myQuarterMetrics(w.lead, w.planId, [], TODAY, 1);
    // 23 new, plus the group's own metric and the section metric it keeps.
    expect(first).toMatchObject({ groupTotal: 25, groupPage: 1, groupPages: 2 });
    expect(first.groupMetrics).toHaveLength(20);
    const second = myQuarterMetrics(w.lead, w.planId, [], TODAY, 2);
    expect(second.groupMetrics).toHaveLength(5);
    expect(new Set([...first.groupMetrics, ...second.groupMetrics].map((g) => g.metric.id)).size).toBe(25);
    // A page past the end shows the last one.
    expect(myQuarterMetrics(w.lead, w.planId, [], TODAY, 9).groupPage).toBe(2);
  });
});
