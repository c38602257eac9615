import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { getDb, type Tx } from "@/db";
import { plans, sections, targets, targetSections, type Target } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { diffFields } from "@/lib/editing/changes";
import { assertWritten, refuseIfStale } from "@/lib/editing/conflict";
import { nextPosition, reorder } from "@/lib/editing/reorder";
import { AppError } from "@/lib/errors";
import { createTargetSchema, moveTargetSchema, retireTargetSchema, TARGET_LABELS, targetFormValues, updateTargetSchema } from "./schema";

const now = () => new Date().toISOString();

function loadTarget(tx: Tx, id: number): Target {
  const target = tx.select().from(targets).where(eq(targets.id, id)).get();
  if (!target) throw new AppError("NOT_FOUND", "No such target.");
  return target;
}

const linkedSections = (tx: Tx, id: number) =>
  tx.select({ id: targetSections.sectionId }).from(targetSections).where(eq(targetSections.targetId, id)).orderBy(asc(targetSections.sectionId)).all().map((r) => r.id);

const liveTargets = (tx: Tx, planId: number) =>
  tx
    .select({ id: targets.id, position: targets.position })
    .from(targets)
    .where(and(eq(targets.planId, planId), isNull(targets.retiredAt)))
    .orderBy(asc(targets.position), asc(targets.id))
    .all();

const currentValues = (tx: Tx, target: Target) => targetFormValues(target, linkedSections(tx, target.id));

function checkSections(tx: Tx, planId: number, sectionIds: number[]) {
  if (!sectionIds.length) return;
  const found = tx.select({ id: sections.id }).from(sections).where(and(eq(sections.planId, planId), inArray(sections.id, sectionIds))).all();
  if (found.length !== sectionIds.length) throw new AppError("INVALID_INPUT", "Choose sections of this plan.", { sectionIds: ["Choose sections of this plan."] });
}

function linkSections(tx: Tx, id: number, sectionIds: number[]) {
  tx.delete(targetSections).where(eq(targetSections.targetId, id)).run();
  for (const sectionId of sectionIds) tx.insert(targetSections).values({ targetId: id, sectionId }).run();
}

export function createTarget(actor: Actor, input: unknown) {
  authorize(actor, "plan.edit");
  const data = createTargetSchema.parse(input);
  return getDb().transaction((tx) => {
    if (!tx.select({ id: plans.id }).from(plans).where(eq(plans.id, data.planId)).get()) throw new AppError("NOT_FOUND", "No such plan.");
    checkSections(tx, data.planId, data.sectionIds);
    const { planId, sectionIds, ...fields } = data;
    const row = tx
      .insert(targets)
      .values({ planId, ...fields, position: nextPosition(liveTargets(tx, planId)) })
      .returning()
      .get();
    linkSections(tx, row.id, sectionIds);
    recordAudit(tx, actor, { action: "target.create", entityType: "target", entityId: row.id, after: { ...fields, sectionIds } });
    return row;
  });
}

export function updateTarget(actor: Actor, input: unknown) {
  authorize(actor, "plan.edit");
  const data = updateTargetSchema.parse(input);
  return getDb().transaction((tx) => {
    const target = loadTarget(tx, data.targetId);
    refuseIfStale(tx, { entityType: "target", entityId: target.id, noun: "target", stored: target.version, expected: data.version, current: currentValues(tx, target), labels: TARGET_LABELS });
    if (target.retiredAt) throw new AppError("CONFLICT", "This target is retired; bring it back before editing it.");
    checkSections(tx, target.planId, data.sectionIds);
    const { targetId: _id, version: _v, sectionIds, ...fields } = data;
    const sorted = [...sectionIds].sort((a, b) => a - b);
    const diff = diffFields({ ...target, sectionIds: linkedSections(tx, target.id) }, { ...fields, sectionIds: sorted });
    if (!diff) return { target, changed: false };
    const { sectionIds: _s, ...columns } = diff.after;
    const result = tx
      .update(targets)
      .set({ ...columns, version: target.version + 1 })
      .where(and(eq(targets.id, target.id), eq(targets.version, data.version)))
      .run();
    assertWritten(result, "target");
    if ("sectionIds" in diff.after) linkSections(tx, target.id, sorted);
    recordAudit(tx, actor, { action: "target.update", entityType: "target", entityId: target.id, ...diff });
    return { target: loadTarget(tx, target.id), changed: true };
  });
}

export function moveTarget(actor: Actor, input: unknown) {
  authorize(actor, "plan.edit");
  const data = moveTargetSchema.parse(input);
  return getDb().transaction((tx) => {
    const target = loadTarget(tx, data.targetId);
    if (target.retiredAt) throw new AppError("CONFLICT", "This target is retired; bring it back before moving it.");
    const moves = reorder(liveTargets(tx, target.planId), target.id, data.direction);
    if (!moves) return { moved: false };
    for (const m of moves) tx.update(targets).set({ position: m.position }).where(eq(targets.id, m.id)).run();
    recordAudit(tx, actor, { action: "target.move", entityType: "target", entityId: target.id, before: { position: target.position }, after: { position: moves.find((m) => m.id === target.id)?.position ?? target.position, direction: data.direction } });
    return { moved: true };
  });
}

export function setTargetRetired(actor: Actor, input: unknown) {
  authorize(actor, "plan.edit");
  const data = retireTargetSchema.parse(input);
  return getDb().transaction((tx) => {
    const target = loadTarget(tx, data.targetId);
    refuseIfStale(tx, { entityType: "target", entityId: target.id, noun: "target", stored: target.version, expected: data.version, current: currentValues(tx, target), labels: TARGET_LABELS });
    if (Boolean(target.retiredAt) === data.retired) return { target, changed: false };
    const retiredAt = data.retired ? now() : null;
    const result = tx
      .update(targets)
      .set({ retiredAt, version: target.version + 1, ...(data.retired ? {} : { position: nextPosition(liveTargets(tx, target.planId)) }) })
      .where(and(eq(targets.id, target.id), eq(targets.version, data.version)))
      .run();
    assertWritten(result, "target");
    recordAudit(tx, actor, { action: data.retired ? "target.retire" : "target.restore", entityType: "target", entityId: target.id, before: { retiredAt: target.retiredAt }, after: { retiredAt } });
    return { target: loadTarget(tx, target.id), changed: true };
  });
}
