import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { actions, auditLog, plans, progressUpdates, reportingPeriods, users, workGroupMembers, workGroups, type ProgressUpdate, type ReportingPeriod } from "@/db/schema";
import type { UserRole } from "@/db/schema/enums";
import { seedDefaultData } from "@/db/seed/seed";
import type { UserActor } from "@/lib/auth/actor";
import { loadUserActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";

// Small builders for the quarterly-loop tests: people with memberships,
// periods and updates written straight into the fresh test database, so each
// test states exactly the world it needs.

export const Q3 = { label: "2026 Q3", startDate: "2026-07-01", endDate: "2026-09-30", deadline: "2026-10-15" };
export const Q4 = { label: "2026 Q4", startDate: "2026-10-01", endDate: "2026-12-31", deadline: "2027-01-15" };
export const Q1 = { label: "2027 Q1", startDate: "2027-01-01", endDate: "2027-03-31", deadline: "2027-04-15" };

export function planId(slug = "sjv-2012"): number {
  return getDb().select({ id: plans.id }).from(plans).where(eq(plans.slug, slug)).get()!.id;
}

export function groupId(key: string, slug = "sjv-2012"): number {
  return getDb().select({ id: workGroups.id }).from(workGroups).where(and(eq(workGroups.planId, planId(slug)), eq(workGroups.key, key))).get()!.id;
}

export function action(code: string, slug = "sjv-2012") {
  return getDb().select().from(actions).where(and(eq(actions.planId, planId(slug)), eq(actions.code, code))).get()!;
}

export function makeUser(name: string, role: UserRole, memberships: { leads?: number[]; member?: number[] } = {}): UserActor {
  const db = getDb();
  const user = db.insert(users).values({ email: `${name.toLowerCase().replace(/\W+/g, ".")}@example.org`, name, role }).returning().get();
  for (const workGroupId of memberships.leads ?? []) db.insert(workGroupMembers).values({ workGroupId, userId: user.id, role: "lead" }).run();
  for (const workGroupId of memberships.member ?? []) db.insert(workGroupMembers).values({ workGroupId, userId: user.id, role: "member" }).run();
  return loadUserActor(user.id)!;
}

type PeriodSpec = { label: string; startDate: string; endDate: string; deadline: string };

export function makePeriod(spec: PeriodSpec, opts: { status?: ReportingPeriod["status"]; isCurrent?: boolean; planId?: number } = {}): ReportingPeriod {
  return getDb()
    .insert(reportingPeriods)
    .values({ planId: opts.planId ?? planId(), ...spec, status: opts.status ?? "open", isCurrent: opts.isCurrent ?? false })
    .returning()
    .get();
}

export function period(id: number): ReportingPeriod {
  return getDb().select().from(reportingPeriods).where(eq(reportingPeriods.id, id)).get()!;
}

export function update(id: number): ProgressUpdate {
  return getDb().select().from(progressUpdates).where(eq(progressUpdates.id, id)).get()!;
}

// An update as it would stand after the services wrote it, for the read-side tests.
export function putUpdate(actionId: number, periodId: number, values: Partial<typeof progressUpdates.$inferInsert> = {}): ProgressUpdate {
  return getDb()
    .insert(progressUpdates)
    .values({ actionId, periodId, status: "on_track", percentComplete: 50, narrative: "Progress.", reviewState: "submitted", ...values })
    .returning()
    .get();
}

// The usual cast: the SJV plan seeded, an Energy work group lead, an Energy
// member, a contributor who belongs to no group, a board member and staff.
export function quarterWorld() {
  seedDefaultData();
  const energy = groupId("energy-wg");
  const health = groupId("health-wellness-wg");
  return {
    planId: planId(),
    energy,
    health,
    admin: makeUser("Olive Staff", "admin"),
    lead: makeUser("Lena Lead", "lead", { leads: [energy] }),
    member: makeUser("Milo Member", "contributor", { member: [energy] }),
    outsider: makeUser("Otto Outsider", "contributor"),
    viewer: makeUser("Vera Viewer", "viewer"),
  };
}

export function auditActions(entityType: string, entityId: number): string[] {
  return getDb()
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, String(entityId))))
    .orderBy(asc(auditLog.id))
    .all()
    .map((r) => r.action);
}

// Every row of the tables a quarterly-loop mutation may touch, to prove a refusal wrote nothing.
const TABLES = ["reporting_periods", "progress_updates", "actions", "audit_log"];
export function snapshot(): string {
  const sqlite = getDb().$client;
  return JSON.stringify(TABLES.map((t) => sqlite.prepare(`select * from ${t} order by rowid`).all()));
}

// Runs fn, expecting an AppError, and returns it for closer checks.
export function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected an AppError, but nothing was thrown");
}

// Runs fn, expecting the shared zod schema to refuse the input, and returns
// the field errors a form would show.
export function fieldErrorsOf(fn: () => unknown): Record<string, string[] | undefined> {
  try {
    fn();
  } catch (e) {
    if (e instanceof z.ZodError) return z.flattenError(e).fieldErrors as Record<string, string[] | undefined>;
    throw e;
  }
  throw new Error("expected a validation error, but nothing was thrown");
}
