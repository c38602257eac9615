import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { getDb } from "@/db";
import { actions, measurements, metrics } from "@/db/schema";
import { seedDefaultData } from "@/db/seed/seed";
import { systemActor } from "@/lib/auth/actor";
import { auditOf, groupIdOf, makeActor, refusal, sjvPlanId } from "@/lib/test/actors";
import { metricFormValues } from "./form-values";
import { getMetricPage } from "./queries";
import { correctMeasurement, createMetric, recordMeasurement, setMetricRetired, updateMetric } from "./service";

// Zod refusals (bad form input) and AppError refusals (rules needing the database) both carry field messages.
const fieldErrorsOf = (fn: () => unknown) => {
  const e = refusal(fn) as unknown;
  return e instanceof z.ZodError ? (z.flattenError(e).fieldErrors as Record<string, string[]>) : (e as { fieldErrors?: Record<string, string[]> }).fieldErrors;
};

const metricByKey = (key: string) => getDb().select().from(metrics).where(and(eq(metrics.planId, sjvPlanId()), eq(metrics.key, key))).get()!;
const energyAction = () => getDb().select().from(actions).where(eq(actions.workGroupId, groupIdOf("energy-wg"))).get()!;

function setUp() {
  seedDefaultData();
  const admin = makeActor("admin", "Ada Admin");
  const lead = makeActor("lead", "Lee Lead", ["energy-wg"]);
  return { admin, lead };
}

const jobsMetric = (extra: Record<string, unknown> = {}) => ({
  planId: sjvPlanId(),
  name: "Solar installer jobs",
  scope: "work_group",
  workGroupId: String(groupIdOf("energy-wg")),
  unit: "jobs",
  direction: "up",
  baselineValue: "1,000",
  baselineDate: "2012-12-31",
  targetValue: "1400",
  targetDate: "2016-12-31",
  interimTargets: "2014-12-31 = 1,240",
  frequency: "annual",
  ...extra,
});

describe("metric definitions", () => {
  it("the SJV plan ships its default metrics", () => {
    seedDefaultData();
    const keys = getDb().select({ key: metrics.key }).from(metrics).where(eq(metrics.planId, sjvPlanId())).orderBy(metrics.position).all().map((m) => m.key);
    expect(keys).toEqual([
      "agriculture-employment",
      "energy-employment",
      "health-wellness-employment",
      "logistics-employment",
      "manufacturing-employment",
      "water-technology-employment",
      "public-sector-infrastructure-employment",
      "valley-gdp",
      "valley-industry-output",
      "cluster-share-of-employment",
      "cluster-share-of-private-job-growth",
    ]);
    expect(metricByKey("valley-industry-output")).toMatchObject({ unit: "usd", baselineValue: 228_600_000_000, baselineDate: "2010-12-31", targetValue: null });
    expect(metricByKey("cluster-share-of-employment")).toMatchObject({ unit: "percent", baselineValue: 41, baselineDate: "2010-12-31" });
    expect(metricByKey("cluster-share-of-private-job-growth")).toMatchObject({ unit: "percent", baselineValue: 73 });
    expect(metricByKey("valley-gdp")).toMatchObject({ unit: "usd", baselineValue: 140_000_000_000 });
    expect(metricByKey("energy-employment")).toMatchObject({ scope: "section", unit: "jobs", frequency: "annual", baselineValue: null });
  });

  it("a lead defines a metric for their own group; the key comes from the name; it is audited", () => {
    const { lead } = setUp();
    const m = createMetric(lead, jobsMetric());
    expect(m).toMatchObject({ key: "solar-installer-jobs", baselineValue: 1000, targetValue: 1400, interimTargets: '[{"date":"2014-12-31","value":1240}]' });
    expect(auditOf("metric", m.id).map((a) => a.action)).toEqual(["metric.create"]);
    // A second metric with the same name gets a free key.
    expect(createMetric(lead, jobsMetric()).key).toBe("solar-installer-jobs-2");
  });

  it("a lead cannot define one for another group or for the whole plan", () => {
    const { lead } = setUp();
    expect(refusal(() => createMetric(lead, jobsMetric({ workGroupId: String(groupIdOf("health-wellness-wg")) }))).code).toBe("FORBIDDEN");
    expect(refusal(() => createMetric(lead, jobsMetric({ scope: "plan", workGroupId: "" }))).code).toBe("FORBIDDEN");
  });

  it("checks the definition field by field", () => {
    const { admin } = setUp();
    expect(fieldErrorsOf(() => createMetric(admin, jobsMetric({ interimTargets: "soon = 5", key: "new" })))).toEqual({
      interimTargets: ["Line 1: write a date and a value, like 2014-12-31 = 1,200."],
      key: ["This word names a page; choose another key."],
    });
    // Rules across fields are checked once every field reads.
    expect(fieldErrorsOf(() => createMetric(admin, jobsMetric({ unit: "percent", baselineValue: "120", targetDate: "2011-01-01", interimTargets: "2013-06-30 = 5" })))).toEqual({
      baselineValue: ["A percent is from 0 to 100."],
      targetValue: ["A percent is from 0 to 100."],
      targetDate: ["The target date must be after the baseline date."],
      interimTargets: ["Line 1: 2013-06-30 is not between the baseline and the target dates."],
    });
    expect(fieldErrorsOf(() => createMetric(admin, jobsMetric({ targetValue: "", targetDate: "" })))).toEqual({ interimTargets: ["Interim targets need a baseline and a target."] });
    expect(fieldErrorsOf(() => createMetric(admin, jobsMetric({ targetValue: "" })))).toMatchObject({ targetValue: ["Give the target value too."] });
    expect(fieldErrorsOf(() => createMetric(admin, jobsMetric({ unit: "other" })))).toMatchObject({ unitLabel: ["Name the unit, such as acres or students."] });
    expect(fieldErrorsOf(() => createMetric(admin, jobsMetric({ scope: "action", workGroupId: "" })))).toMatchObject({ actionId: ["Choose the action it is attached to."] });
    expect(getDb().select().from(metrics).all()).toHaveLength(11);
  });

  it("an action's metric belongs to the action's group", () => {
    const { lead } = setUp();
    const m = createMetric(lead, jobsMetric({ scope: "action", actionId: String(energyAction().id), workGroupId: String(groupIdOf("energy-wg")) }));
    expect(m).toMatchObject({ scope: "action", actionId: energyAction().id, workGroupId: null });
  });

  it("edits are versioned: a stale edit names who changed what", () => {
    const { admin, lead } = setUp();
    const m = createMetric(admin, jobsMetric());
    updateMetric(lead, { ...metricFormValues(m), metricId: m.id, version: m.version, targetValue: "1500" });
    const e = refusal(() => updateMetric(admin, { ...metricFormValues(m), metricId: m.id, version: m.version, name: "Renamed" }));
    expect(e.code).toBe("CONFLICT");
    expect(e.conflict?.by).toBe("Lee Lead");
    expect(e.conflict?.changes).toEqual(["Target value: 1400 → 1500"]);
  });

  it("the frequency is fixed once there are measurements", () => {
    const { admin } = setUp();
    const m = createMetric(admin, jobsMetric());
    recordMeasurement(admin, { metricId: m.id, period: "2013", value: "1100" });
    expect(refusal(() => updateMetric(admin, { ...metricFormValues(m), metricId: m.id, version: m.version, frequency: "quarterly" })).fieldErrors?.frequency).toBeDefined();
  });
});

describe("measurements", () => {
  it("records a value for a period with note, source and who entered it", () => {
    const { lead } = setUp();
    const m = createMetric(lead, jobsMetric());
    const row = recordMeasurement(lead, { metricId: m.id, period: " 2014 ", value: "1,180", note: "Preliminary", source: "EDD" });
    expect(row).toMatchObject({ periodLabel: "2014", periodStart: "2014-01-01", periodEnd: "2014-12-31", value: 1180, note: "Preliminary", source: "EDD", enteredById: lead.kind === "user" ? lead.userId : -1 });
    expect(auditOf("metric", m.id).map((a) => a.action)).toEqual(["metric.create", "measurement.record"]);
    expect(getMetricPage(m.id, "2015-06-01")!.judgement).toMatchObject({ status: "behind", summary: "expected 1,240 jobs by 2014, actual 1,180 jobs, −4.8%" });
  });

  it("validates: numbers only, the unit's range, the period's form, the plan's span, not the future", () => {
    const { admin } = setUp();
    const m = createMetric(admin, jobsMetric());
    const pct = createMetric(admin, jobsMetric({ name: "Share", unit: "percent", baselineValue: "10", targetValue: "20", interimTargets: "", frequency: "quarterly" }));
    const problem = (input: Record<string, unknown>) => fieldErrorsOf(() => recordMeasurement(admin, input));
    expect(problem({ metricId: m.id, period: "2014", value: "about 1,200" })).toEqual({ value: ["Enter a number, such as 1,240 or 41.5."] });
    expect(problem({ metricId: m.id, period: "2014", value: "-5" })).toEqual({ value: ["A job count cannot be negative."] });
    expect(problem({ metricId: pct.id, period: "2014 Q1", value: "101" })).toEqual({ value: ["A percent is from 0 to 100."] });
    expect(problem({ metricId: m.id, period: "2014 Q1", value: "5" })).toEqual({ period: ["This metric is measured per year: write a year like 2014."] });
    expect(problem({ metricId: pct.id, period: "2014", value: "5" })).toEqual({ period: ["This metric is measured per quarter: write a quarter like 2014 Q2."] });
    expect(problem({ metricId: m.id, period: "FY14", value: "5" })).toEqual({ period: ["Write a year like 2014 or a quarter like 2014 Q2."] });
    expect(problem({ metricId: m.id, period: "2011", value: "5" })).toEqual({ period: ["2011 is outside the plan's span (2012-09-01 to 2017-12-31)."] });
    expect(problem({ metricId: m.id, period: "2018", value: "5" })).toEqual({ period: ["2018 is outside the plan's span (2012-09-01 to 2017-12-31)."] });
    expect(getDb().select().from(measurements).all()).toHaveLength(0);
  });

  it("refuses a period in the future", () => {
    const { admin } = setUp();
    getDb().$client.prepare("update plans set period_end = '2099-12-31' where slug = 'sjv-2012'").run();
    const m = createMetric(admin, jobsMetric());
    const next = new Date().getUTCFullYear() + 1;
    expect(refusal(() => recordMeasurement(admin, { metricId: m.id, period: String(next), value: "5" })).fieldErrors).toEqual({ period: [`${next} has not started yet.`] });
  });

  it("refuses a second value for the same period: that is a correction", () => {
    const { admin, lead } = setUp();
    const m = createMetric(admin, jobsMetric());
    recordMeasurement(lead, { metricId: m.id, period: "2014", value: "1180" });
    const e = refusal(() => recordMeasurement(admin, { metricId: m.id, period: "2014", value: "1190" }));
    expect(e.code).toBe("CONFLICT");
    expect(e.fieldErrors?.period?.[0]).toMatch(/^2014 already has a value \(1,180 jobs, entered by Lee Lead at .+ UTC\)\. To change it, correct that value and say why\.$/);
  });

  it("a correction keeps the earlier value in the history and is audited", () => {
    const { admin, lead } = setUp();
    const m = createMetric(admin, jobsMetric());
    const first = recordMeasurement(lead, { metricId: m.id, period: "2014", value: "1180", source: "EDD" });
    expect(fieldErrorsOf(() => correctMeasurement(admin, { measurementId: first.id, value: "1195", correctionNote: "" }))).toEqual({ correctionNote: ["Say why the value is corrected."] });
    const second = correctMeasurement(admin, { measurementId: first.id, value: "1195", source: "EDD revised", correctionNote: "EDD revised its series" });
    expect(second).toMatchObject({ periodLabel: "2014", value: 1195, correctionNote: "EDD revised its series", supersededAt: null });
    const page = getMetricPage(m.id, "2015-06-01")!;
    expect(page.values.map((v) => v.m.value)).toEqual([1195]);
    expect(page.corrected.map((v) => ({ value: v.m.value, by: v.enteredBy, supersededById: v.m.supersededById }))).toEqual([{ value: 1180, by: "Lee Lead", supersededById: second.id }]);
    const audit = auditOf("metric", m.id).at(-1)!;
    expect(audit.action).toBe("measurement.correct");
    expect(JSON.parse(audit.diff!)).toMatchObject({ before: { value: 1180 }, after: { value: 1195, correctionNote: "EDD revised its series" } });
    // The chart and the status use the corrected value.
    expect(page.chart.actuals).toEqual([{ label: "2014", date: "2014-12-31", value: 1195 }]);
  });

  it("a correction of a value corrected meanwhile is refused; an unchanged one too", () => {
    const { admin, lead } = setUp();
    const m = createMetric(admin, jobsMetric());
    const first = recordMeasurement(lead, { metricId: m.id, period: "2014", value: "1180" });
    expect(refusal(() => correctMeasurement(admin, { measurementId: first.id, value: "1180", correctionNote: "No change" })).fieldErrors?.value).toBeDefined();
    correctMeasurement(lead, { measurementId: first.id, value: "1190", correctionNote: "Typo" });
    const e = refusal(() => correctMeasurement(admin, { measurementId: first.id, value: "1200", correctionNote: "Mine" }));
    expect(e.code).toBe("CONFLICT");
    expect(e.message).toMatch(/corrected by someone else meanwhile \(now 1,190 jobs, entered by Lee Lead/);
    expect(getDb().select().from(measurements).all()).toHaveLength(2);
  });

  it("who may record: members of the owning group, assignees and admins; not viewers or other groups", () => {
    const { admin } = setUp();
    const m = createMetric(admin, jobsMetric());
    const contributor = makeActor("contributor", "Cora Member");
    getDb().$client.prepare("insert into work_group_members (work_group_id, user_id, role) values (?, ?, 'member')").run(groupIdOf("energy-wg"), contributor.kind === "user" ? contributor.userId : 0);
    const member = makeActor("contributor", "Cora Member 2");
    expect(refusal(() => recordMeasurement(member, { metricId: m.id, period: "2013", value: "1" })).code).toBe("FORBIDDEN");
    expect(refusal(() => recordMeasurement(makeActor("viewer", "Vi Board"), { metricId: m.id, period: "2013", value: "1" })).code).toBe("FORBIDDEN");
    const fresh = makeActor("contributor", "Cora Again");
    expect(fresh.kind).toBe("user");
    // Section metrics with no owning group are staff's: a lead of any group may not record them.
    const lead = makeActor("lead", "Lee Other", ["energy-wg"]);
    expect(refusal(() => recordMeasurement(lead, { metricId: metricByKey("energy-employment").id, period: "2013", value: "1" })).code).toBe("FORBIDDEN");
    expect(recordMeasurement(systemActor("cli"), { metricId: metricByKey("energy-employment").id, period: "2013", value: "100" }).value).toBe(100);
  });

  it("a retired metric takes no measurements", () => {
    const { admin } = setUp();
    const m = createMetric(admin, jobsMetric());
    setMetricRetired(admin, { metricId: m.id, version: m.version, retired: "true" });
    expect(refusal(() => recordMeasurement(admin, { metricId: m.id, period: "2013", value: "1" })).code).toBe("CONFLICT");
  });
});
