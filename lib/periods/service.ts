import { and, eq, ne } from "drizzle-orm";
import { getDb, type Tx } from "@/db";
import { plans, reportingPeriods, type ReportingPeriod } from "@/db/schema";
import { lastChangeOf } from "@/lib/audit/queries";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { createPeriodSchema, makeCurrentSchema, setPeriodStatusSchema, updatePeriodSchema } from "./schema";

const isUniqueViolation = (e: unknown) => e instanceof Error && /UNIQUE constraint failed: reporting_periods\.plan_id, reporting_periods\.label/.test(e.message);

function duplicateLabel(label: string) {
  return new AppError("CONFLICT", `This plan already has a period called “${label}”.`, { label: ["Choose a name no other period of this plan has."] });
}

function loadPeriod(tx: Tx, periodId: number): ReportingPeriod {
  const period = tx.select().from(reportingPeriods).where(eq(reportingPeriods.id, periodId)).get();
  if (!period) throw new AppError("NOT_FOUND", "No such reporting period.");
  return period;
}

export function createPeriod(actor: Actor, input: unknown) {
  const data = createPeriodSchema.parse(input);
  authorize(actor, "period.manage");
  return getDb().transaction((tx) => {
    const plan = tx.select({ id: plans.id }).from(plans).where(eq(plans.id, data.planId)).get();
    if (!plan) throw new AppError("NOT_FOUND", "No such plan.");
    try {
      const row = tx.insert(reportingPeriods).values({ planId: plan.id, label: data.label, startDate: data.startDate, endDate: data.endDate, deadline: data.deadline }).returning().get();
      recordAudit(tx, actor, { action: "period.create", entityType: "reporting_period", entityId: row.id, after: { label: row.label, startDate: row.startDate, endDate: row.endDate, deadline: row.deadline } });
      return row;
    } catch (e) {
      if (isUniqueViolation(e)) throw duplicateLabel(data.label);
      throw e;
    }
  });
}

export function updatePeriod(actor: Actor, input: unknown) {
  const data = updatePeriodSchema.parse(input);
  authorize(actor, "period.manage");
  return getDb().transaction((tx) => {
    const period = loadPeriod(tx, data.periodId);
    if (period.version !== data.version) {
      const who = lastChangeOf(tx, "reporting_period", period.id) ?? "someone else";
      throw new AppError("CONFLICT", `This period was changed by ${who} after you opened it. Reload to see their change, then apply yours again.`);
    }
    const fields = { label: data.label, startDate: data.startDate, endDate: data.endDate, deadline: data.deadline } as const;
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const k of Object.keys(fields) as (keyof typeof fields)[]) {
      if (period[k] !== fields[k]) {
        before[k] = period[k];
        after[k] = fields[k];
      }
    }
    if (Object.keys(after).length === 0) return period;
    try {
      const row = tx.update(reportingPeriods).set({ ...after, version: period.version + 1 }).where(eq(reportingPeriods.id, period.id)).returning().get();
      recordAudit(tx, actor, { action: "period.update", entityType: "reporting_period", entityId: period.id, before, after });
      return row;
    } catch (e) {
      if (isUniqueViolation(e)) throw duplicateLabel(data.label);
      throw e;
    }
  });
}

export function setPeriodStatus(actor: Actor, input: unknown) {
  const data = setPeriodStatusSchema.parse(input);
  authorize(actor, "period.manage");
  return getDb().transaction((tx) => {
    const period = loadPeriod(tx, data.periodId);
    if (period.status === data.status) return period;
    // "Current" means taking updates now, or just closed; never "not started".
    if (period.isCurrent && data.status === "planned") throw new AppError("CONFLICT", `${period.label} is the current period, so it cannot go back to planned. Make another period current first.`);
    const row = tx.update(reportingPeriods).set({ status: data.status, version: period.version + 1 }).where(eq(reportingPeriods.id, period.id)).returning().get();
    recordAudit(tx, actor, { action: `period.${data.status === "open" ? "open" : data.status === "closed" ? "close" : "plan"}`, entityType: "reporting_period", entityId: period.id, before: { status: period.status }, after: { status: data.status } });
    return row;
  });
}

// Exactly one period per plan is current (a partial unique index backs this).
// Making a planned period current opens it, since "current" means "now taking updates".
export function makeCurrentPeriod(actor: Actor, input: unknown) {
  const data = makeCurrentSchema.parse(input);
  authorize(actor, "period.manage");
  return getDb().transaction((tx) => {
    const period = loadPeriod(tx, data.periodId);
    if (period.isCurrent) return period;
    const previous = tx.select({ id: reportingPeriods.id, label: reportingPeriods.label }).from(reportingPeriods).where(and(eq(reportingPeriods.planId, period.planId), eq(reportingPeriods.isCurrent, true))).get();
    tx.update(reportingPeriods).set({ isCurrent: false }).where(and(eq(reportingPeriods.planId, period.planId), ne(reportingPeriods.id, period.id))).run();
    const status = period.status === "planned" ? "open" : period.status;
    const row = tx.update(reportingPeriods).set({ isCurrent: true, status, version: period.version + 1 }).where(eq(reportingPeriods.id, period.id)).returning().get();
    recordAudit(tx, actor, { action: "period.make_current", entityType: "reporting_period", entityId: period.id, before: { current: previous?.label ?? null, status: period.status }, after: { current: period.label, status } });
    return row;
  });
}
