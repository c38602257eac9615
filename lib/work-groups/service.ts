import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db";
import { actions, organizations, plans, sections, workGroups, workGroupSections, type WorkGroup } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { diffFields } from "@/lib/editing/changes";
import { assertWritten, refuseIfStale } from "@/lib/editing/conflict";
import { nextPosition, reorder } from "@/lib/editing/reorder";
import { AppError } from "@/lib/errors";
import { createWorkGroupSchema, moveWorkGroupSchema, retireWorkGroupSchema, updateWorkGroupSchema, WORK_GROUP_LABELS, workGroupFormValues } from "./schema";

const now = () => new Date().toISOString();

function loadGroup(tx: Tx, id: number): WorkGroup {
  const group = tx.select().from(workGroups).where(eq(workGroups.id, id)).get();
  if (!group) throw new AppError("NOT_FOUND", "No such work group.");
  return group;
}

const linkedSections = (tx: Tx, id: number) =>
  tx.select({ id: workGroupSections.sectionId }).from(workGroupSections).where(eq(workGroupSections.workGroupId, id)).orderBy(asc(workGroupSections.sectionId)).all().map((r) => r.id);

// In the order the lists show them (see listPlanWorkGroups).
const liveGroups = (tx: Tx, planId: number) =>
  tx
    .select({ id: workGroups.id, position: workGroups.position })
    .from(workGroups)
    .where(and(eq(workGroups.planId, planId), isNull(workGroups.retiredAt)))
    .orderBy(asc(workGroups.position), asc(workGroups.name))
    .all();

function currentValues(tx: Tx, group: WorkGroup) {
  return workGroupFormValues(group, linkedSections(tx, group.id));
}

// Keys are unique within a plan; sections must be the plan's own; the lead
// organization must exist and be live unless it was already the lead.
function checkReferences(tx: Tx, planId: number, data: { key: string; leadOrganizationId: number | null; sectionIds: number[] }, self?: WorkGroup) {
  const taken = tx.select({ id: workGroups.id }).from(workGroups).where(and(eq(workGroups.planId, planId), eq(workGroups.key, data.key))).get();
  if (taken && taken.id !== self?.id) throw new AppError("CONFLICT", `Another work group of this plan already uses the key “${data.key}”.`, { key: ["Choose a key no other work group of this plan has."] });
  if (data.leadOrganizationId !== null && data.leadOrganizationId !== self?.leadOrganizationId) {
    const org = tx.select({ retiredAt: organizations.retiredAt }).from(organizations).where(eq(organizations.id, data.leadOrganizationId)).get();
    if (!org || org.retiredAt) throw new AppError("INVALID_INPUT", "Choose a live organization from the list.", { leadOrganizationId: ["Choose a live organization from the list."] });
  }
  if (data.sectionIds.length) {
    const found = tx.select({ id: sections.id }).from(sections).where(and(eq(sections.planId, planId), inArray(sections.id, data.sectionIds))).all();
    if (found.length !== data.sectionIds.length) throw new AppError("INVALID_INPUT", "Choose sections of this plan.", { sectionIds: ["Choose sections of this plan."] });
  }
}

function linkSections(tx: Tx, id: number, sectionIds: number[]) {
  tx.delete(workGroupSections).where(eq(workGroupSections.workGroupId, id)).run();
  for (const sectionId of sectionIds) tx.insert(workGroupSections).values({ workGroupId: id, sectionId }).run();
}

export function createWorkGroup(actor: Actor, input: unknown) {
  authorize(actor, "plan.edit");
  const data = createWorkGroupSchema.parse(input);
  return getDb().transaction((tx) => {
    if (!tx.select({ id: plans.id }).from(plans).where(eq(plans.id, data.planId)).get()) throw new AppError("NOT_FOUND", "No such plan.");
    checkReferences(tx, data.planId, data);
    const { planId, sectionIds, ...fields } = data;
    const row = tx
      .insert(workGroups)
      .values({ planId, ...fields, position: nextPosition(liveGroups(tx, planId)) })
      .returning()
      .get();
    linkSections(tx, row.id, sectionIds);
    recordAudit(tx, actor, { action: "work_group.create", entityType: "work_group", entityId: row.id, after: { ...fields, sectionIds } });
    return row;
  });
}

export function updateWorkGroup(actor: Actor, input: unknown) {
  authorize(actor, "plan.edit");
  const data = updateWorkGroupSchema.parse(input);
  return getDb().transaction((tx) => {
    const group = loadGroup(tx, data.workGroupId);
    refuseIfStale(tx, { entityType: "work_group", entityId: group.id, noun: "work group", stored: group.version, expected: data.version, current: currentValues(tx, group), labels: WORK_GROUP_LABELS });
    if (group.retiredAt) throw new AppError("CONFLICT", "This work group is retired; bring it back before editing it.");
    checkReferences(tx, group.planId, data, group);
    const { workGroupId: _id, version: _v, sectionIds, ...fields } = data;
    const sorted = [...sectionIds].sort((a, b) => a - b);
    const diff = diffFields({ ...group, sectionIds: linkedSections(tx, group.id) }, { ...fields, sectionIds: sorted });
    if (!diff) return { group, changed: false };
    const { sectionIds: _s, ...columns } = diff.after;
    const result = tx
      .update(workGroups)
      .set({ ...columns, version: group.version + 1 })
      .where(and(eq(workGroups.id, group.id), eq(workGroups.version, data.version)))
      .run();
    assertWritten(result, "work group");
    if ("sectionIds" in diff.after) linkSections(tx, group.id, sorted);
    recordAudit(tx, actor, { action: "work_group.update", entityType: "work_group", entityId: group.id, ...diff });
    return { group: loadGroup(tx, group.id), changed: true };
  });
}

export function moveWorkGroup(actor: Actor, input: unknown) {
  authorize(actor, "plan.edit");
  const data = moveWorkGroupSchema.parse(input);
  return getDb().transaction((tx) => {
    const group = loadGroup(tx, data.workGroupId);
    if (group.retiredAt) throw new AppError("CONFLICT", "This work group is retired; bring it back before moving it.");
    const moves = reorder(liveGroups(tx, group.planId), group.id, data.direction);
    if (!moves) return { moved: false };
    for (const m of moves) tx.update(workGroups).set({ position: m.position }).where(eq(workGroups.id, m.id)).run();
    recordAudit(tx, actor, { action: "work_group.move", entityType: "work_group", entityId: group.id, before: { position: group.position }, after: { position: moves.find((m) => m.id === group.id)?.position ?? group.position, direction: data.direction } });
    return { moved: true };
  });
}

// A retired group keeps its members and history but leaves the plan's views;
// one that still has live actions is refused, or they would lose their group.
export function setWorkGroupRetired(actor: Actor, input: unknown) {
  authorize(actor, "plan.edit");
  const data = retireWorkGroupSchema.parse(input);
  return getDb().transaction((tx) => {
    const group = loadGroup(tx, data.workGroupId);
    refuseIfStale(tx, { entityType: "work_group", entityId: group.id, noun: "work group", stored: group.version, expected: data.version, current: currentValues(tx, group), labels: WORK_GROUP_LABELS });
    if (Boolean(group.retiredAt) === data.retired) return { group, changed: false };
    if (data.retired) {
      const live = tx.select({ n: sql<number>`count(*)` }).from(actions).where(and(eq(actions.workGroupId, group.id), isNull(actions.retiredAt))).get()?.n ?? 0;
      if (live) throw new AppError("CONFLICT", `This work group still has ${live} live action${live === 1 ? "" : "s"}. Give them to another group or retire them first.`);
    }
    const retiredAt = data.retired ? now() : null;
    const result = tx
      .update(workGroups)
      .set({ retiredAt, version: group.version + 1, ...(data.retired ? {} : { position: nextPosition(liveGroups(tx, group.planId)) }) })
      .where(and(eq(workGroups.id, group.id), eq(workGroups.version, data.version)))
      .run();
    assertWritten(result, "work group");
    recordAudit(tx, actor, { action: data.retired ? "work_group.retire" : "work_group.restore", entityType: "work_group", entityId: group.id, before: { retiredAt: group.retiredAt }, after: { retiredAt } });
    return { group: loadGroup(tx, group.id), changed: true };
  });
}
