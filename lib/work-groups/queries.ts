import { and, asc, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { actions, organizations, sections, users, workGroupMembers, workGroups, workGroupSections } from "@/db/schema";

// In the plan's order (admins reorder them); retired groups only when asked for.
export function listPlanWorkGroups(planId: number, { showRetired = false } = {}) {
  const db = getDb();
  const groups = db
    .select({
      id: workGroups.id,
      key: workGroups.key,
      name: workGroups.name,
      status: workGroups.status,
      version: workGroups.version,
      retiredAt: workGroups.retiredAt,
      leadName: organizations.name,
      leadSlug: organizations.slug,
    })
    .from(workGroups)
    .leftJoin(organizations, eq(organizations.id, workGroups.leadOrganizationId))
    .where(and(eq(workGroups.planId, planId), showRetired ? undefined : isNull(workGroups.retiredAt)))
    .orderBy(asc(workGroups.position), asc(workGroups.name))
    .all();
  const counts = db
    .select({ workGroupId: actions.workGroupId, id: actions.id })
    .from(actions)
    .where(and(eq(actions.planId, planId), isNull(actions.retiredAt)))
    .all();
  return groups.map((g) => ({ ...g, actionCount: counts.filter((c) => c.workGroupId === g.id).length }));
}

// Members are shown by name only: e-mail addresses stay on the admin pages.
export function getWorkGroupPage(planId: number, key: string) {
  const db = getDb();
  const group = db
    .select({ id: workGroups.id, key: workGroups.key, name: workGroups.name, description: workGroups.description, status: workGroups.status, retiredAt: workGroups.retiredAt, leadName: organizations.name, leadSlug: organizations.slug })
    .from(workGroups)
    .leftJoin(organizations, eq(organizations.id, workGroups.leadOrganizationId))
    .where(and(eq(workGroups.planId, planId), eq(workGroups.key, key)))
    .get();
  if (!group) return null;
  const members = db
    .select({ userId: users.id, name: users.name, role: workGroupMembers.role, isActive: users.isActive })
    .from(workGroupMembers)
    .innerJoin(users, eq(users.id, workGroupMembers.userId))
    .where(eq(workGroupMembers.workGroupId, group.id))
    .orderBy(asc(users.name))
    .all();
  const linkedSections = db
    .select({ key: sections.key, title: sections.title })
    .from(workGroupSections)
    .innerJoin(sections, eq(sections.id, workGroupSections.sectionId))
    .where(eq(workGroupSections.workGroupId, group.id))
    .orderBy(asc(sections.position))
    .all();
  return { group, members, sections: linkedSections };
}

export function listActiveUserNames() {
  return getDb().select({ id: users.id, name: users.name }).from(users).where(eq(users.isActive, true)).orderBy(asc(users.name)).all();
}

// The work group's edit form: the record and its linked sections.
export function getWorkGroupForEditing(planId: number, id: number) {
  const db = getDb();
  const group = db.select().from(workGroups).where(and(eq(workGroups.planId, planId), eq(workGroups.id, id))).get();
  if (!group) return null;
  const sectionIds = db.select({ id: workGroupSections.sectionId }).from(workGroupSections).where(eq(workGroupSections.workGroupId, id)).all().map((r) => r.id);
  return { group, sectionIds };
}
