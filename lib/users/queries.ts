import { asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { accountTokens, plans, users, workGroupMembers, workGroups } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";

// Admin view of people. Selects named columns only: never the password hash.
export function listUsers(actor: Actor) {
  authorize(actor, "user.manage");
  const db = getDb();
  const rows = db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, isActive: users.isActive, createdAt: users.createdAt })
    .from(users)
    .orderBy(asc(sql`lower(${users.name})`))
    .all();
  const memberships = db
    .select({ userId: workGroupMembers.userId, role: workGroupMembers.role, name: workGroups.name })
    .from(workGroupMembers)
    .innerJoin(workGroups, eq(workGroups.id, workGroupMembers.workGroupId))
    .orderBy(asc(workGroups.name))
    .all();
  return rows.map((u) => ({ ...u, groups: memberships.filter((m) => m.userId === u.id) }));
}

export function listPendingInvitations(actor: Actor) {
  authorize(actor, "user.manage");
  return getDb()
    .select({ id: accountTokens.id, email: accountTokens.email, role: accountTokens.role, expiresAt: accountTokens.expiresAt })
    .from(accountTokens)
    .where(sql`${accountTokens.kind} = 'invitation' and ${accountTokens.usedAt} is null and ${accountTokens.expiresAt} > ${new Date().toISOString()}`)
    .orderBy(asc(accountTokens.expiresAt))
    .all();
}

export function listWorkGroupOptions() {
  return getDb()
    .select({ id: workGroups.id, name: workGroups.name, planTitle: plans.title })
    .from(workGroups)
    .innerJoin(plans, eq(plans.id, workGroups.planId))
    .orderBy(asc(plans.title), asc(workGroups.name))
    .all();
}
