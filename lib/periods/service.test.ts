import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, reportingPeriods } from "@/db/schema";
import { ANONYMOUS, type Actor } from "@/lib/auth/actor";
import { Q1, Q3, Q4, auditActions, fieldErrorsOf, makePeriod, period, planId, quarterWorld, refusal, snapshot } from "@/lib/test/quarter-fixtures";
import { getCurrentPeriod, getPreviousPeriod, listPeriods } from "./queries";
import { createPeriod, makeCurrentPeriod, setPeriodStatus, updatePeriod } from "./service";

describe("createPeriod", () => {
  it("creates a planned, not current period and audits it", () => {
    const w = quarterWorld();
    const p = createPeriod(w.admin, { planId: String(w.planId), label: "  2026 Q4 ", startDate: "2026-10-01", endDate: "2026-12-31", deadline: "2027-01-15" });
    expect(p).toMatchObject({ planId: w.planId, label: "2026 Q4", startDate: "2026-10-01", endDate: "2026-12-31", deadline: "2027-01-15", status: "planned", isCurrent: false, version: 1 });
    const entry = getDb().select().from(auditLog).where(eq(auditLog.entityType, "reporting_period")).get()!;
    expect(entry).toMatchObject({ action: "period.create", entityId: String(p.id), actorUserId: w.admin.userId, actorLabel: "Olive Staff" });
    expect(JSON.parse(entry.diff!)).toEqual({ before: null, after: { label: "2026 Q4", startDate: "2026-10-01", endDate: "2026-12-31", deadline: "2027-01-15" } });
  });

  it("refuses malformed and impossible dates next to the field", () => {
    const w = quarterWorld();
    const base = { planId: w.planId, ...Q4 };
    expect(fieldErrorsOf(() => createPeriod(w.admin, { ...base, startDate: "1 Oct 2026" }))).toEqual({ startDate: ["Enter the start date as a date like 2013-03-31."] });
    expect(fieldErrorsOf(() => createPeriod(w.admin, { ...base, endDate: "2026-02-30" }))).toEqual({ endDate: ["Enter the end date as a date like 2013-03-31."] });
    expect(fieldErrorsOf(() => createPeriod(w.admin, { ...base, deadline: "" }))).toEqual({ deadline: ["Enter the update deadline as a date like 2013-03-31."] });
    // A typo in the start date is reported there only, not as "end before start".
    expect(fieldErrorsOf(() => createPeriod(w.admin, { ...base, startDate: "2026-99-99" }))).toEqual({ startDate: ["Enter the start date as a date like 2013-03-31."] });
    expect(fieldErrorsOf(() => createPeriod(w.admin, { ...base, label: "   " }))).toEqual({ label: ["Give the period a name, such as 2013 Q1."] });
    expect(fieldErrorsOf(() => createPeriod(w.admin, { ...base, label: "x".repeat(41) }))).toEqual({ label: ["Use at most 40 characters."] });
    expect(listPeriods(w.planId)).toEqual([]);
  });

  it("refuses an end before the start and a deadline before the start", () => {
    const w = quarterWorld();
    expect(fieldErrorsOf(() => createPeriod(w.admin, { planId: w.planId, ...Q4, endDate: "2026-09-30" }))).toEqual({ endDate: ["The end date is before the start date."] });
    expect(fieldErrorsOf(() => createPeriod(w.admin, { planId: w.planId, ...Q4, deadline: "2026-09-30" }))).toEqual({ deadline: ["The deadline is before the period starts."] });
    // A one-day period with its deadline on that day is fine.
    expect(createPeriod(w.admin, { planId: w.planId, label: "One day", startDate: "2026-10-01", endDate: "2026-10-01", deadline: "2026-10-01" }).label).toBe("One day");
  });

  it("refuses a label the plan already uses, as a CONFLICT on the label field", () => {
    const w = quarterWorld();
    createPeriod(w.admin, { planId: w.planId, ...Q4 });
    const before = snapshot();
    const e = refusal(() => createPeriod(w.admin, { planId: w.planId, ...Q4, startDate: "2026-10-02" }));
    expect(e.code).toBe("CONFLICT");
    expect(e.message).toBe("This plan already has a period called “2026 Q4”.");
    expect(e.fieldErrors).toEqual({ label: ["Choose a name no other period of this plan has."] });
    expect(snapshot()).toBe(before);
    // Another plan may use the same label.
    expect(createPeriod(w.admin, { planId: planId("sjv-sap-2006"), ...Q4 }).label).toBe("2026 Q4");
  });

  it("refuses an unknown plan", () => {
    const w = quarterWorld();
    expect(refusal(() => createPeriod(w.admin, { planId: 9999, ...Q4 })).code).toBe("NOT_FOUND");
  });
});

describe("updatePeriod", () => {
  it("changes the fields, bumps the version and audits only what changed", () => {
    const w = quarterWorld();
    const p = createPeriod(w.admin, { planId: w.planId, ...Q4 });
    const edited = updatePeriod(w.admin, { periodId: p.id, version: 1, ...Q4, deadline: "2027-01-20" });
    expect(edited).toMatchObject({ deadline: "2027-01-20", version: 2, label: "2026 Q4" });
    expect(auditActions("reporting_period", p.id)).toEqual(["period.create", "period.update"]);
    const diff = getDb().select({ diff: auditLog.diff }).from(auditLog).where(eq(auditLog.action, "period.update")).get()!.diff!;
    expect(JSON.parse(diff)).toEqual({ before: { deadline: "2027-01-15" }, after: { deadline: "2027-01-20" } });
  });

  it("writes nothing when nothing changed", () => {
    const w = quarterWorld();
    const p = createPeriod(w.admin, { planId: w.planId, ...Q4 });
    expect(updatePeriod(w.admin, { periodId: p.id, version: 1, ...Q4 }).version).toBe(1);
    expect(auditActions("reporting_period", p.id)).toEqual(["period.create"]);
  });

  it("refuses a stale version with a CONFLICT naming who changed it and when", () => {
    const w = quarterWorld();
    const p = createPeriod(w.admin, { planId: w.planId, ...Q4 });
    const colleague = { ...w.admin, label: "Carla Colleague" };
    updatePeriod(colleague, { periodId: p.id, version: 1, ...Q4, label: "Autumn 2026" });
    const before = snapshot();
    const e = refusal(() => updatePeriod(w.admin, { periodId: p.id, version: 1, ...Q4, deadline: "2027-01-31" }));
    expect(e.code).toBe("CONFLICT");
    const at = getDb().select({ at: auditLog.at }).from(auditLog).where(eq(auditLog.action, "period.update")).get()!.at;
    expect(e.message).toBe(`This period was changed by Carla Colleague at ${at.replace("T", " ").slice(0, 16)} UTC after you opened it. Reload to see their change, then apply yours again.`);
    expect(snapshot()).toBe(before);
    expect(period(p.id)).toMatchObject({ label: "Autumn 2026", deadline: "2027-01-15", version: 2 });
  });

  it("refuses renaming to a label another period has, and keeps the same validation as create", () => {
    const w = quarterWorld();
    createPeriod(w.admin, { planId: w.planId, ...Q3 });
    const p = createPeriod(w.admin, { planId: w.planId, ...Q4 });
    const e = refusal(() => updatePeriod(w.admin, { periodId: p.id, version: 1, ...Q4, label: "2026 Q3" }));
    expect(e.code).toBe("CONFLICT");
    expect(e.fieldErrors).toEqual({ label: ["Choose a name no other period of this plan has."] });
    expect(fieldErrorsOf(() => updatePeriod(w.admin, { periodId: p.id, version: 1, ...Q4, endDate: "2026-01-01" }))).toEqual({ endDate: ["The end date is before the start date."] });
    expect(period(p.id)).toMatchObject({ label: "2026 Q4", version: 1 });
  });

  it("refuses an unknown period", () => {
    const w = quarterWorld();
    expect(refusal(() => updatePeriod(w.admin, { periodId: 4242, version: 1, ...Q4 })).code).toBe("NOT_FOUND");
  });
});

describe("setPeriodStatus", () => {
  it("opens and closes a period, bumping the version and auditing each change", () => {
    const w = quarterWorld();
    const p = createPeriod(w.admin, { planId: w.planId, ...Q4 });
    expect(setPeriodStatus(w.admin, { periodId: p.id, status: "open" })).toMatchObject({ status: "open", version: 2 });
    expect(setPeriodStatus(w.admin, { periodId: p.id, status: "closed" })).toMatchObject({ status: "closed", version: 3 });
    expect(setPeriodStatus(w.admin, { periodId: p.id, status: "open" })).toMatchObject({ status: "open", version: 4 });
    expect(setPeriodStatus(w.admin, { periodId: p.id, status: "planned" })).toMatchObject({ status: "planned", version: 5 });
    expect(auditActions("reporting_period", p.id)).toEqual(["period.create", "period.open", "period.close", "period.open", "period.plan"]);
  });

  it("does nothing when the period already has that status", () => {
    const w = quarterWorld();
    const p = createPeriod(w.admin, { planId: w.planId, ...Q4 });
    expect(setPeriodStatus(w.admin, { periodId: p.id, status: "planned" }).version).toBe(1);
    expect(auditActions("reporting_period", p.id)).toEqual(["period.create"]);
  });

  it("never sends the current period back to planned", () => {
    const w = quarterWorld();
    const p = createPeriod(w.admin, { planId: w.planId, ...Q4 });
    makeCurrentPeriod(w.admin, { periodId: p.id });
    expect(refusal(() => setPeriodStatus(w.admin, { periodId: p.id, status: "planned" })).message).toBe(`${p.label} is the current period, so it cannot go back to planned. Make another period current first.`);
    expect(setPeriodStatus(w.admin, { periodId: p.id, status: "closed" }).status).toBe("closed");
  });

  it("refuses an unknown status", () => {
    const w = quarterWorld();
    const p = createPeriod(w.admin, { planId: w.planId, ...Q4 });
    expect(fieldErrorsOf(() => setPeriodStatus(w.admin, { periodId: p.id, status: "archived" }))).toEqual({ status: ["Choose planned, open or closed."] });
  });
});

describe("makeCurrentPeriod", () => {
  it("makes a planned period current and opens it", () => {
    const w = quarterWorld();
    const p = createPeriod(w.admin, { planId: w.planId, ...Q4 });
    expect(makeCurrentPeriod(w.admin, { periodId: p.id })).toMatchObject({ isCurrent: true, status: "open", version: 2 });
    expect(getCurrentPeriod(w.planId)!.id).toBe(p.id);
    const entry = getDb().select().from(auditLog).where(eq(auditLog.action, "period.make_current")).get()!;
    expect(JSON.parse(entry.diff!)).toEqual({ before: { current: null, status: "planned" }, after: { current: "2026 Q4", status: "open" } });
  });

  it("keeps exactly one current period per plan, and leaves other plans alone", () => {
    const w = quarterWorld();
    const q3 = createPeriod(w.admin, { planId: w.planId, ...Q3 });
    const q4 = createPeriod(w.admin, { planId: w.planId, ...Q4 });
    const other = createPeriod(w.admin, { planId: planId("sjv-sap-2006"), ...Q3 });
    makeCurrentPeriod(w.admin, { periodId: other.id });
    makeCurrentPeriod(w.admin, { periodId: q3.id });
    setPeriodStatus(w.admin, { periodId: q3.id, status: "closed" });
    makeCurrentPeriod(w.admin, { periodId: q4.id });
    expect(getDb().select({ id: reportingPeriods.id }).from(reportingPeriods).where(eq(reportingPeriods.isCurrent, true)).all().map((r) => r.id).sort((a, b) => a - b)).toEqual([q4.id, other.id]);
    expect(period(q3.id)).toMatchObject({ isCurrent: false, status: "closed" });
    const entry = getDb().select().from(auditLog).where(eq(auditLog.entityId, String(q4.id))).all().at(-1)!;
    expect(JSON.parse(entry.diff!)).toEqual({ before: { current: "2026 Q3", status: "planned" }, after: { current: "2026 Q4", status: "open" } });
  });

  it("keeps a closed period closed when it is made current", () => {
    const w = quarterWorld();
    const p = createPeriod(w.admin, { planId: w.planId, ...Q4 });
    setPeriodStatus(w.admin, { periodId: p.id, status: "closed" });
    expect(makeCurrentPeriod(w.admin, { periodId: p.id })).toMatchObject({ isCurrent: true, status: "closed" });
  });

  it("does nothing for the period that is already current", () => {
    const w = quarterWorld();
    const p = createPeriod(w.admin, { planId: w.planId, ...Q4 });
    makeCurrentPeriod(w.admin, { periodId: p.id });
    expect(makeCurrentPeriod(w.admin, { periodId: p.id }).version).toBe(2);
    expect(auditActions("reporting_period", p.id)).toEqual(["period.create", "period.make_current"]);
  });

  it("is backed by the database: a second current period of a plan is refused", () => {
    const w = quarterWorld();
    makePeriod(Q3, { isCurrent: true });
    expect(() => makePeriod(Q4, { isCurrent: true })).toThrow(/UNIQUE constraint failed: reporting_periods\.plan_id/);
    // Not current, or current in another plan, is fine.
    makePeriod(Q4, { isCurrent: false });
    makePeriod(Q4, { isCurrent: true, planId: planId("sjv-sap-2006") });
    expect(listPeriods(w.planId).map((p) => [p.label, p.isCurrent])).toEqual([
      ["2026 Q4", false],
      ["2026 Q3", true],
    ]);
  });
});

describe("period queries", () => {
  it("finds the previous period by start date, whatever order they were created in", () => {
    const w = quarterWorld();
    const q1 = makePeriod(Q1);
    const q3 = makePeriod(Q3);
    const q4 = makePeriod(Q4);
    expect(getPreviousPeriod(q1)!.id).toBe(q4.id);
    expect(getPreviousPeriod(q4)!.id).toBe(q3.id);
    expect(getPreviousPeriod(q3)).toBeUndefined();
    expect(listPeriods(w.planId).map((p) => p.label)).toEqual(["2027 Q1", "2026 Q4", "2026 Q3"]);
  });
});

describe("period permissions", () => {
  const MUTATIONS: { name: string; run: (actor: Actor, ids: { planId: number; periodId: number }) => unknown }[] = [
    { name: "createPeriod", run: (a, ids) => createPeriod(a, { planId: ids.planId, ...Q1 }) },
    { name: "updatePeriod", run: (a, ids) => updatePeriod(a, { periodId: ids.periodId, version: 1, ...Q4, deadline: "2027-01-31" }) },
    { name: "setPeriodStatus", run: (a, ids) => setPeriodStatus(a, { periodId: ids.periodId, status: "open" }) },
    { name: "makeCurrentPeriod", run: (a, ids) => makeCurrentPeriod(a, { periodId: ids.periodId }) },
  ];

  describe.each(MUTATIONS)("$name", ({ run }) => {
    it("is allowed to an admin", () => {
      const w = quarterWorld();
      const p = makePeriod(Q4, { status: "planned" });
      const before = snapshot();
      run(w.admin, { planId: w.planId, periodId: p.id });
      expect(snapshot()).not.toBe(before);
    });

    it.each(["lead", "member", "viewer", "anonymous"] as const)("is refused to %s, writing nothing", (who) => {
      const w = quarterWorld();
      const p = makePeriod(Q4, { status: "planned" });
      const actor = who === "anonymous" ? ANONYMOUS : w[who];
      const before = snapshot();
      expect(refusal(() => run(actor, { planId: w.planId, periodId: p.id })).code).toBe(who === "anonymous" ? "UNAUTHORIZED" : "FORBIDDEN");
      expect(snapshot()).toBe(before);
    });
  });
});
