import { and, asc, desc, eq, lt } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { reportingPeriods, type ReportingPeriod } from "@/db/schema";

export function listPeriods(planId: number, db: DbOrTx = getDb()): ReportingPeriod[] {
  return db.select().from(reportingPeriods).where(eq(reportingPeriods.planId, planId)).orderBy(desc(reportingPeriods.startDate), desc(reportingPeriods.id)).all();
}

export function getPeriod(periodId: number, db: DbOrTx = getDb()): ReportingPeriod | undefined {
  return db.select().from(reportingPeriods).where(eq(reportingPeriods.id, periodId)).get();
}

export function getCurrentPeriod(planId: number, db: DbOrTx = getDb()): ReportingPeriod | undefined {
  return db.select().from(reportingPeriods).where(and(eq(reportingPeriods.planId, planId), eq(reportingPeriods.isCurrent, true))).get();
}

// The period just before this one: the latest that starts earlier.
export function getPreviousPeriod(period: Pick<ReportingPeriod, "planId" | "startDate">, db: DbOrTx = getDb()): ReportingPeriod | undefined {
  return db
    .select()
    .from(reportingPeriods)
    .where(and(eq(reportingPeriods.planId, period.planId), lt(reportingPeriods.startDate, period.startDate)))
    .orderBy(desc(reportingPeriods.startDate), desc(reportingPeriods.id))
    .get();
}

export function listPeriodsAscending(planId: number, db: DbOrTx = getDb()): ReportingPeriod[] {
  return db.select().from(reportingPeriods).where(eq(reportingPeriods.planId, planId)).orderBy(asc(reportingPeriods.startDate), asc(reportingPeriods.id)).all();
}

// Days from today (UTC) to the deadline; negative once it has passed.
export function daysUntil(deadline: string, today = new Date()): number {
  const d = Date.parse(`${deadline}T00:00:00Z`);
  const t = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Math.round((d - t) / 86_400_000);
}
