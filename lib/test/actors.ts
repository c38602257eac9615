import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { auditLog, plans, users, workGroupMembers, workGroups } from "@/db/schema";
import type { UserRole } from "@/db/schema/enums";
import { loadUserActor } from "@/lib/auth/session";

// Accounts and lookups for service tests on the seeded SJV data.

export const sjvPlanId = () => getDb().select({ id: plans.id }).from(plans).where(eq(plans.slug, "sjv-2012")).get()!.id;

export const groupIdOf = (key: string) => getDb().select({ id: workGroups.id }).from(workGroups).where(eq(workGroups.key, key)).get()!.id;

// A user of the given role, leading the given work groups (by key).
export function makeActor(role: UserRole, name = `The ${role}`, leads: string[] = []) {
  const db = getDb();
  const user = db.insert(users).values({ email: `${name.toLowerCase().replace(/\W+/g, ".")}@example.org`, name, role }).returning().get();
  for (const key of leads) db.insert(workGroupMembers).values({ workGroupId: groupIdOf(key), userId: user.id, role: "lead" }).run();
  return loadUserActor(user.id)!;
}

export const auditOf = (entityType: string, entityId: number) =>
  getDb()
    .select()
    .from(auditLog)
    .where(eq(auditLog.entityId, String(entityId)))
    .all()
    .filter((e) => e.entityType === entityType);

// Runs fn, expecting an AppError-like refusal; returns it for closer checks.
export function refusal(fn: () => unknown): { code?: string; message: string; fieldErrors?: Record<string, string[]>; conflict?: { by: string; at: string; changes: string[]; version: number; current: Record<string, string> } } {
  try {
    fn();
  } catch (error) {
    return error as never;
  }
  throw new Error("expected a refusal, but the call succeeded");
}

// Every row of the tables a plan edit may touch, to prove a refusal wrote nothing.
export function tablesSnapshot(): string {
  const sqlite = getDb().$client;
  return JSON.stringify(["sections", "actions", "action_champions", "work_groups", "work_group_sections", "organizations", "targets", "target_sections", "audit_log"].map((t) => sqlite.prepare(`select * from ${t} order by rowid`).all()));
}
