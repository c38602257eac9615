import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { actionChampions, actions, organizations, plans, sections } from "@/db/schema";
import type { ActionStatus } from "@/db/schema/enums";
import { systemActor } from "@/lib/auth/actor";
import { createMetric, recordMeasurement } from "@/lib/metrics/service";
import { Q1, Q3, Q4, action, makePeriod, planId, putUpdate, quarterWorld } from "@/lib/test/quarter-fixtures";
import { rollUpAction } from "@/lib/updates/rollup";
import { compileReport } from "./compile";
import type { CompiledReport, StatusCounts } from "./compiled";

// The seeded SJV plan has 40 live actions, all not started: 31 in the seven
// clusters (AG 1, EN 6, HW 10, LO 2, MF 5, WT 3, PSI 4) and 9 next steps.

function world() {
  const w = quarterWorld();
  const q3 = makePeriod(Q3, { status: "closed" });
  const q4 = makePeriod(Q4, { status: "open", isCurrent: true });
  const q1 = makePeriod(Q1, { status: "planned" });
  return { ...w, q3, q4, q1 };
}

type Review = "draft" | "submitted" | "accepted" | "returned";
function put(code: string, periodId: number, status: ActionStatus, reviewState: Review = "accepted", percentComplete = 50, authorId: number | null = null) {
  return putUpdate(action(code).id, periodId, { status, reviewState, percentComplete, narrative: `${code}: ${status}.`, authorId });
}

const counts = (values: Partial<StatusCounts>): StatusCounts => ({ not_started: 0, on_track: 0, at_risk: 0, off_track: 0, completed: 0, deferred: 0, ...values });
const codes = (list: { code: string }[]) => list.map((a) => a.code);
const find = (report: CompiledReport, code: string) => [...report.clusters.flatMap((c) => c.actions), ...report.nextSteps].find((a) => a.code === code)!;
const cluster = (report: CompiledReport, key: string) => report.clusters.find((c) => c.key === key)!;
const sectionId = (key: string) => getDb().select({ id: sections.id }).from(sections).where(and(eq(sections.planId, planId()), eq(sections.key, key))).get()!.id;
const orgId = (slug: string) => getDb().select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, slug)).get()!.id;
const countSubmitted = (on: boolean) => getDb().update(plans).set({ countSubmittedUpdates: on }).where(eq(plans.slug, "sjv-2012")).run();

const NEXT_STEPS = ["NS-1", "NS-2", "NS-3", "NS-4", "NS-5", "NS-6", "NS-7", "NS-8", "NS-9"];

describe("compileReport: actions by status", () => {
  it("counts every live action and the change since the previous period", () => {
    const w = world();
    put("EN-1", w.q3.id, "on_track");
    put("EN-2", w.q3.id, "on_track");
    put("HW-1", w.q3.id, "on_track");
    put("EN-1", w.q4.id, "at_risk");
    put("EN-2", w.q4.id, "completed");
    put("HW-2", w.q4.id, "off_track");

    const q3 = compileReport(w.q3.id, new Date("2026-10-20T09:00:00Z"));
    expect(q3.period).toEqual({ id: w.q3.id, label: "2026 Q3", startDate: "2026-07-01", endDate: "2026-09-30" });
    expect(q3.previousPeriod).toBeNull();
    expect(q3.compiledAt).toBe("2026-10-20T09:00:00.000Z");
    expect(q3.plan).toMatchObject({ id: w.planId, slug: "sjv-2012" });
    expect(q3.summary.totalActions).toBe(40);
    expect(q3.summary.counts).toEqual(counts({ not_started: 37, on_track: 3 }));
    // No previous period: no change to show.
    expect(q3.summary.deltas).toEqual(counts({}));
    expect(q3.summary.updated).toBe(3);

    const q4 = compileReport(w.q4.id);
    expect(q4.previousPeriod).toEqual({ id: w.q3.id, label: "2026 Q3" });
    expect(q4.summary.counts).toEqual(counts({ not_started: 36, on_track: 1, at_risk: 1, off_track: 1, completed: 1 }));
    expect(q4.summary.deltas).toEqual(counts({ not_started: -1, on_track: -2, at_risk: 1, off_track: 1, completed: 1 }));
    expect(q4.summary.updated).toBe(3);
    // HW-1 said nothing in Q4: it keeps its Q3 status.
    expect(find(q4, "HW-1")).toMatchObject({ status: "on_track", percentComplete: 50, update: null });

    expect(cluster(q4, "energy").counts).toEqual(counts({ not_started: 4, at_risk: 1, completed: 1 }));
    expect(cluster(q4, "energy").deltas).toEqual(counts({ on_track: -2, at_risk: 1, completed: 1 }));
    expect(cluster(q4, "health-wellness").counts).toEqual(counts({ not_started: 8, on_track: 1, off_track: 1 }));
    expect(cluster(q4, "health-wellness").deltas).toEqual(counts({ not_started: -1, off_track: 1 }));
    expect(cluster(q4, "manufacturing").deltas).toEqual(counts({}));

    expect(codes(q4.attention.atRisk)).toEqual(["EN-1", "HW-2"]);
    expect(codes(q3.attention.atRisk)).toEqual([]);
  });

  it("an update in a later period does not change an earlier report, even once rolled up onto the action", () => {
    const w = world();
    put("EN-3", w.q4.id, "off_track", "accepted", 20);
    rollUpAction(getDb(), action("EN-3").id);
    expect(action("EN-3")).toMatchObject({ status: "off_track", percentComplete: 20 });

    const q3 = compileReport(w.q3.id);
    expect(find(q3, "EN-3")).toMatchObject({ status: "not_started", percentComplete: 0, update: null });
    expect(q3.summary.counts).toEqual(counts({ not_started: 40 }));
    expect(q3.attention.atRisk).toEqual([]);

    const q4 = compileReport(w.q4.id);
    expect(find(q4, "EN-3")).toMatchObject({ status: "off_track", percentComplete: 20 });
    expect(q4.summary.deltas).toEqual(counts({ not_started: -1, off_track: 1 }));
    // Q1 has no update of its own: the latest counted one (Q4) stands.
    expect(find(compileReport(w.q1.id), "EN-3")).toMatchObject({ status: "off_track", percentComplete: 20, update: null });
  });

  it("counts submitted updates only when the plan says so; drafts and returned ones never count", () => {
    const w = world();
    const author = w.lead;
    put("EN-1", w.q4.id, "on_track", "submitted", 40, author.userId);
    put("EN-2", w.q4.id, "at_risk", "draft");
    put("EN-3", w.q4.id, "off_track", "returned");

    const before = compileReport(w.q4.id);
    expect(find(before, "EN-1")).toMatchObject({ status: "not_started", percentComplete: 0 });
    expect(find(before, "EN-1").update).toMatchObject({ reviewState: "submitted", narrative: "EN-1: on_track.", authorName: "Lena Lead" });
    expect(find(before, "EN-2").update).toMatchObject({ reviewState: "draft", authorName: null });
    expect(before.summary.counts).toEqual(counts({ not_started: 40 }));
    // Submitted is reporting, whatever the plan counts towards status.
    expect(before.summary.updated).toBe(1);

    countSubmitted(true);
    const after = compileReport(w.q4.id);
    expect(find(after, "EN-1")).toMatchObject({ status: "on_track", percentComplete: 40 });
    expect(find(after, "EN-2").status).toBe("not_started");
    expect(find(after, "EN-3").status).toBe("not_started");
    expect(after.summary.counts).toEqual(counts({ not_started: 39, on_track: 1 }));
    expect(after.summary.updated).toBe(1);
    expect(cluster(after, "energy").counts).toEqual(counts({ not_started: 5, on_track: 1 }));
  });
});

describe("compileReport: attention", () => {
  it("lists the actions silent for two periods (one period when there is no previous one), not finished ones", () => {
    const w = world();
    put("EN-1", w.q3.id, "on_track", "submitted");
    put("EN-2", w.q3.id, "on_track");
    put("EN-3", w.q3.id, "completed", "accepted", 100);
    put("EN-1", w.q4.id, "on_track");
    put("EN-4", w.q4.id, "on_track", "submitted");
    put("HW-1", w.q4.id, "on_track", "draft");
    put("HW-2", w.q4.id, "on_track", "returned");

    const q3 = compileReport(w.q3.id);
    expect(q3.attention.silentTwoPeriods).toHaveLength(37);
    expect(codes(q3.attention.silentTwoPeriods).slice(0, 4)).toEqual(["AG-1", "EN-4", "EN-5", "EN-6"]);

    const q4 = compileReport(w.q4.id);
    expect(q4.summary.updated).toBe(2);
    expect(q4.attention.silentTwoPeriods).toHaveLength(36);
    expect(codes(q4.attention.silentTwoPeriods).slice(0, 4)).toEqual(["AG-1", "EN-5", "EN-6", "HW-1"]);
    expect(codes(q4.attention.silentTwoPeriods)).toContain("HW-2");

    // Q3 is two periods back from Q1: only Q4's reporters are spared, and EN-3, completed in Q3, owes nothing.
    const q1 = compileReport(w.q1.id);
    expect(q1.attention.silentTwoPeriods).toHaveLength(37);
    expect(codes(q1.attention.silentTwoPeriods)).not.toContain("EN-3");
    expect(codes(q1.attention.silentTwoPeriods)).not.toContain("EN-1");
    expect(codes(q1.attention.silentTwoPeriods)).not.toContain("EN-4");
    expect(codes(q1.attention.silentTwoPeriods)).toContain("EN-2");
  });
});

describe("compileReport: clusters, priorities, next steps and the appendix", () => {
  it("rolls sub-sections up into their cluster and orders the champions", () => {
    const w = world();
    // HW-3 moves into a component of Agriculture: it counts there, after AG-1.
    getDb().update(actions).set({ sectionId: sectionId("agriculture-production") }).where(eq(actions.id, action("HW-3").id)).run();
    put("HW-3", w.q4.id, "on_track");
    // CVBI champions three Energy actions (leading one), CSAC two.
    getDb()
      .insert(actionChampions)
      .values([
        { actionId: action("EN-2").id, organizationId: orgId("cvbi"), role: "partner" },
        { actionId: action("EN-6").id, organizationId: orgId("cvbi"), role: "lead" },
        { actionId: action("EN-2").id, organizationId: orgId("csac"), role: "partner" },
      ])
      .run();

    const r = compileReport(w.q4.id);
    expect(r.clusters.map((c) => c.key)).toEqual(["agriculture", "energy", "health-wellness", "logistics", "manufacturing", "water-technology", "public-sector-infrastructure"]);
    expect(r.clusters.map((c) => c.actions.length)).toEqual([2, 6, 9, 2, 5, 3, 4]);
    const ag = cluster(r, "agriculture");
    expect(codes(ag.actions)).toEqual(["AG-1", "HW-3"]);
    expect(ag.counts).toEqual(counts({ not_started: 1, on_track: 1 }));
    expect(ag.deltas).toEqual(counts({ not_started: -1, on_track: 1 }));
    expect(cluster(r, "health-wellness").counts).toEqual(counts({ not_started: 9 }));

    // Then EN-1's lead, EN-4's partners and EN-5's PUC: one action each, by name.
    const one = (name: string, role = "partner") => ({ name, role, actions: 1 });
    expect(cluster(r, "energy").champions).toEqual([
      { name: "Central Valley Business Incubator", role: "lead", actions: 3 },
      { name: "California State Association of Counties", role: "partner", actions: 2 },
      one("Business and Entrepreneurship Center"),
      one("California Financial Opportunities Roundtable"),
      one("California Public Utilities Commission"),
      one("Central Valley Fund"),
      one("Lyles Center for Innovation and Entrepreneurship"),
      one("San Joaquin Valley Clean Energy Organization", "lead"),
      one("UC Merced SBDC Regional Network"),
      one("UC Solar Research Institute"),
    ]);
  });

  it("lists priorities in plan order, the next steps, and each work group's reporting", () => {
    const w = world();
    for (const code of ["NS-3", "MF-1", "EN-2"]) getDb().update(actions).set({ isPriority: true }).where(eq(actions.id, action(code).id)).run();
    getDb().update(actions).set({ retiredAt: "2026-01-01T00:00:00Z" }).where(eq(actions.id, action("NS-9").id)).run();
    put("EN-2", w.q4.id, "at_risk", "accepted", 30);
    put("EN-5", w.q4.id, "on_track", "submitted");
    put("HW-4", w.q4.id, "on_track", "draft");
    put("NS-2", w.q4.id, "on_track", "accepted");
    put("LO-1", w.q3.id, "on_track", "accepted");

    const r = compileReport(w.q4.id);
    expect(r.summary.totalActions).toBe(39);
    expect(r.priorities.map((a) => [a.code, a.status, a.percentComplete, a.update?.narrative ?? null])).toEqual([
      ["EN-2", "at_risk", 30, "EN-2: at_risk."],
      ["MF-1", "not_started", 0, null],
      ["NS-3", "not_started", 0, null],
    ]);
    expect(codes(r.nextSteps)).toEqual(NEXT_STEPS.slice(0, 8));
    expect(find(r, "NS-2")).toMatchObject({ status: "on_track", workGroup: "Health and Wellness Work Group" });
    expect(r.appendix.workGroups).toEqual([
      { name: "Health and Wellness Work Group", actions: 11, updated: 1 },
      { name: "Advanced Communications Work Group", actions: 0, updated: 0 },
      { name: "Housing Work Group", actions: 0, updated: 0 },
      { name: "Sustainable Communities Work Group", actions: 1, updated: 0 },
      { name: "Energy Work Group", actions: 6, updated: 2 },
    ]);
    expect(r.summary.updated).toBe(3);
  });
});

describe("compileReport: metrics", () => {
  // Periods inside the plan's span (2012-09 to 2017-12), where values can be recorded.
  const P2014Q4 = { label: "2014 Q4", startDate: "2014-10-01", endDate: "2014-12-31", deadline: "2015-01-15" };
  const P2016Q1 = { label: "2016 Q1", startDate: "2016-01-01", endDate: "2016-03-31", deadline: "2016-04-15" };

  it("judges metrics as of the period's end, ignoring values of later periods, and flags stale ones", () => {
    const w = world();
    const p2014 = makePeriod(P2014Q4, { status: "closed" });
    const p2016 = makePeriod(P2016Q1, { status: "closed" });
    const system = systemActor("test");
    // About a component of Agriculture: it belongs to the Agriculture cluster.
    const metric = createMetric(system, {
      planId: w.planId,
      name: "Packing jobs",
      scope: "section",
      sectionId: String(sectionId("agriculture-processing-packaging")),
      unit: "jobs",
      direction: "up",
      baselineValue: "1000",
      baselineDate: "2012-12-31",
      targetValue: "1400",
      targetDate: "2016-12-31",
      frequency: "annual",
    });
    // Expected on the path: about 1,200 at the end of 2014 and 1,300 at the end of 2015.
    recordMeasurement(system, { metricId: metric.id, period: "2014", value: "1250" });
    recordMeasurement(system, { metricId: metric.id, period: "2015", value: "1000" });

    const early = compileReport(p2014.id);
    expect(early.summary.metrics).toEqual({ on_track: 1, behind: 0, off_track: 0, no_target: 0, no_data: 11, stale: 0, total: 12 });
    const ag = cluster(early, "agriculture").metrics;
    expect(ag.map((m) => [m.key, m.status, m.stale])).toEqual([
      ["agriculture-employment", "no_data", false],
      ["packing-jobs", "on_track", false],
    ]);
    // The 2015 value, for a period ending after 2014 Q4, is not shown either.
    expect(ag[1]!.chart.actuals).toEqual([{ label: "2014", date: "2014-12-31", value: 1250 }]);
    expect(ag[1]!.summary).toContain("1,250");
    expect(early.attention.staleMetrics).toEqual([]);
    expect(cluster(early, "energy").metrics.map((m) => m.key)).toEqual(["energy-employment"]);

    const later = compileReport(p2016.id);
    expect(later.summary.metrics).toEqual({ on_track: 0, behind: 0, off_track: 1, no_target: 0, no_data: 11, stale: 0, total: 12 });
    expect(cluster(later, "agriculture").metrics[1]!.chart.actuals.map((a) => a.value)).toEqual([1250, 1000]);

    // Judged from 2026, the 2015 value is long out of date.
    const now = compileReport(w.q3.id);
    expect(now.summary.metrics).toEqual({ on_track: 0, behind: 0, off_track: 1, no_target: 0, no_data: 11, stale: 1, total: 12 });
    expect(now.attention.staleMetrics.map((m) => [m.key, m.status])).toEqual([["packing-jobs", "off_track"]]);
  });
});

describe("compileReport: cost", () => {
  it("reads a fixed number of queries however many updates the plan has", () => {
    const w = world();
    const sqlite = getDb().$client;
    const prepare = sqlite.prepare.bind(sqlite);
    let prepared = 0;
    sqlite.prepare = ((source: string) => {
      prepared++;
      return prepare(source);
    }) as typeof sqlite.prepare;
    try {
      // A first run warms the cached prepared statements (db/index.ts statement()).
      compileReport(w.q4.id);
      prepared = 0;
      compileReport(w.q4.id);
      const few = prepared;
      expect(few).toBeGreaterThan(5);
      prepared = 0;
      for (const code of ["EN-1", "EN-2", "EN-3", "HW-1", "HW-2", "MF-1", "NS-1"]) {
        put(code, w.q3.id, "on_track");
        put(code, w.q4.id, "at_risk", "submitted");
      }
      prepared = 0;
      compileReport(w.q4.id);
      expect(prepared).toBe(few);
      expect(prepared).toBeLessThan(20);
    } finally {
      sqlite.prepare = prepare;
    }
  });
});
