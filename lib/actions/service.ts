import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db";
import { actionChampions, actions, organizations, plans, sections, users, workGroups, type Action } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { authorize, can } from "@/lib/auth/permissions";
import { diffFields } from "@/lib/editing/changes";
import { assertWritten, refuseIfStale } from "@/lib/editing/conflict";
import { nextPosition, reorder } from "@/lib/editing/reorder";
import { AppError } from "@/lib/errors";
import { ACTION_LABELS, actionFormValues, createActionSchema, moveActionSchema, retireActionSchema, updateActionSchema, type ChampionInput } from "./schema";

const now = () => new Date().toISOString();

function loadAction(tx: Tx, id: number): Action {
  const action = tx.select().from(actions).where(eq(actions.id, id)).get();
  if (!action) throw new AppError("NOT_FOUND", "No such action.");
  return action;
}

// In the order they were entered (the plan document's order).
const championsOf = (tx: Tx, actionId: number): ChampionInput[] =>
  tx.select({ organizationId: actionChampions.organizationId, role: actionChampions.role }).from(actionChampions).where(eq(actionChampions.actionId, actionId)).orderBy(sql`"action_champions"."rowid"`).all();

const siblingsOf = (tx: Tx, planId: number, sectionId: number | null) =>
  tx
    .select({ id: actions.id, position: actions.position })
    .from(actions)
    .where(and(eq(actions.planId, planId), sectionId === null ? isNull(actions.sectionId) : eq(actions.sectionId, sectionId), isNull(actions.retiredAt)))
    .orderBy(asc(actions.position), asc(actions.id))
    .all();

const fieldProblem = (field: string, message: string, code: "INVALID_INPUT" | "CONFLICT" | "FORBIDDEN" = "INVALID_INPUT") => new AppError(code, message, { [field]: [message] });

interface Wanted {
  code: string;
  sectionId: number | null;
  workGroupId: number | null;
  champions: ChampionInput[];
  leadUserId: number | null;
}

// Everything an action points at must belong to its plan and be live, unless
// it already pointed there (retiring a section must not block other edits).
function checkReferences(tx: Tx, planId: number, data: Wanted, self?: Action & { champions: ChampionInput[] }) {
  const taken = tx.select({ id: actions.id }).from(actions).where(and(eq(actions.planId, planId), eq(actions.code, data.code))).get();
  if (taken && taken.id !== self?.id) throw fieldProblem("code", `Another action of this plan already has the code “${data.code}”.`, "CONFLICT");
  if (data.sectionId !== null && data.sectionId !== self?.sectionId) {
    const section = tx.select({ planId: sections.planId, retiredAt: sections.retiredAt }).from(sections).where(eq(sections.id, data.sectionId)).get();
    if (!section || section.planId !== planId || section.retiredAt) throw fieldProblem("sectionId", "Choose a live section of this plan.");
  }
  if (data.workGroupId !== null && data.workGroupId !== self?.workGroupId) {
    const group = tx.select({ planId: workGroups.planId, retiredAt: workGroups.retiredAt }).from(workGroups).where(eq(workGroups.id, data.workGroupId)).get();
    if (!group || group.planId !== planId || group.retiredAt) throw fieldProblem("workGroupId", "Choose a live work group of this plan.");
  }
  const already = new Set(self?.champions.map((c) => c.organizationId));
  const added = data.champions.map((c) => c.organizationId).filter((id) => !already.has(id));
  if (added.length) {
    const live = tx.select({ id: organizations.id }).from(organizations).where(and(inArray(organizations.id, added), isNull(organizations.retiredAt))).all();
    if (live.length !== added.length) throw fieldProblem("champions", "Choose live organizations from the list.");
  }
  if (data.leadUserId !== null && data.leadUserId !== self?.leadUserId) {
    const user = tx.select({ isActive: users.isActive }).from(users).where(eq(users.id, data.leadUserId)).get();
    if (!user?.isActive) throw fieldProblem("leadUserId", "Choose an active account from the list.");
  }
}

// A lead may give an action only to a group they lead.
function authorizeGroup(actor: Actor, workGroupId: number | null) {
  if (actor.kind === "user" && !can(actor, "action.update", { workGroupId })) {
    throw fieldProblem("workGroupId", workGroupId === null ? "Choose one of the work groups you lead." : "You may only choose a work group you lead.", "FORBIDDEN");
  }
  authorize(actor, "action.update", { workGroupId });
}

function writeChampions(tx: Tx, actionId: number, champions: ChampionInput[]) {
  tx.delete(actionChampions).where(eq(actionChampions.actionId, actionId)).run();
  for (const c of champions) tx.insert(actionChampions).values({ actionId, organizationId: c.organizationId, role: c.role }).run();
}

export function createAction(actor: Actor, input: unknown) {
  const data = createActionSchema.parse(input);
  authorizeGroup(actor, data.workGroupId);
  return getDb().transaction((tx) => {
    if (!tx.select({ id: plans.id }).from(plans).where(eq(plans.id, data.planId)).get()) throw new AppError("NOT_FOUND", "No such plan.");
    checkReferences(tx, data.planId, data);
    const { planId, champions, ...fields } = data;
    const row = tx
      .insert(actions)
      .values({ planId, ...fields, position: nextPosition(siblingsOf(tx, planId, data.sectionId)) })
      .returning()
      .get();
    writeChampions(tx, row.id, champions);
    recordAudit(tx, actor, { action: "action.create", entityType: "action", entityId: row.id, after: { ...fields, champions } });
    return row;
  });
}

export function updateAction(actor: Actor, input: unknown) {
  const data = updateActionSchema.parse(input);
  return getDb().transaction((tx) => {
    const stored = loadAction(tx, data.actionId);
    authorize(actor, "action.update", { workGroupId: stored.workGroupId });
    const action = { ...stored, champions: championsOf(tx, stored.id) };
    refuseIfStale(tx, { entityType: "action", entityId: action.id, noun: "action", stored: action.version, expected: data.version, current: actionFormValues(action, action.champions), labels: ACTION_LABELS });
    if (action.retiredAt) throw new AppError("CONFLICT", "This action is retired; bring it back before editing it.");
    if (data.workGroupId !== action.workGroupId) authorizeGroup(actor, data.workGroupId);
    checkReferences(tx, action.planId, data, action);

    const { actionId: _id, version: _v, ...wanted } = data;
    const diff = diffFields(action, wanted);
    if (!diff) return { version: action.version, changed: false };
    const { champions, ...columns } = diff.after;
    // An action moved to another section goes to the end of that section.
    const position = data.sectionId !== action.sectionId ? nextPosition(siblingsOf(tx, action.planId, data.sectionId)) : action.position;
    const result = tx
      .update(actions)
      .set({ ...columns, position, version: action.version + 1, updatedAt: now() })
      .where(and(eq(actions.id, action.id), eq(actions.version, data.version)))
      .run();
    assertWritten(result, "action");
    if (champions !== undefined) writeChampions(tx, action.id, data.champions);
    recordAudit(tx, actor, { action: "action.update", entityType: "action", entityId: action.id, ...diff });
    return { version: action.version + 1, changed: true };
  });
}

// Moves never bump the version: position is not on the edit form, so moving
// an action does not clash with someone editing it.
export function moveAction(actor: Actor, input: unknown) {
  const data = moveActionSchema.parse(input);
  return getDb().transaction((tx) => {
    const action = loadAction(tx, data.actionId);
    authorize(actor, "action.update", { workGroupId: action.workGroupId });
    if (action.retiredAt) throw new AppError("CONFLICT", "This action is retired; bring it back before moving it.");
    const moves = reorder(siblingsOf(tx, action.planId, action.sectionId), action.id, data.direction);
    if (!moves) return { moved: false };
    for (const m of moves) tx.update(actions).set({ position: m.position }).where(eq(actions.id, m.id)).run();
    recordAudit(tx, actor, { action: "action.move", entityType: "action", entityId: action.id, before: { position: action.position }, after: { position: moves.find((m) => m.id === action.id)?.position ?? action.position, direction: data.direction } });
    return { moved: true };
  });
}

// Actions are retired, never deleted: updates, comments and the audit trail
// stay attached, and the action drops out of lists unless retired ones are shown.
export function setActionRetired(actor: Actor, input: unknown) {
  const data = retireActionSchema.parse(input);
  return getDb().transaction((tx) => {
    const stored = loadAction(tx, data.actionId);
    authorize(actor, "action.update", { workGroupId: stored.workGroupId });
    const champions = championsOf(tx, stored.id);
    refuseIfStale(tx, { entityType: "action", entityId: stored.id, noun: "action", stored: stored.version, expected: data.version, current: actionFormValues(stored, champions), labels: ACTION_LABELS });
    if (Boolean(stored.retiredAt) === data.retired) return { version: stored.version, changed: false };
    if (!data.retired) {
      const section = stored.sectionId ? tx.select({ title: sections.title, retiredAt: sections.retiredAt }).from(sections).where(eq(sections.id, stored.sectionId)).get() : undefined;
      if (section?.retiredAt) throw new AppError("CONFLICT", `Its section “${section.title}” is retired; bring that back first.`);
      const group = stored.workGroupId ? tx.select({ name: workGroups.name, retiredAt: workGroups.retiredAt }).from(workGroups).where(eq(workGroups.id, stored.workGroupId)).get() : undefined;
      if (group?.retiredAt) throw new AppError("CONFLICT", `Its work group “${group.name}” is retired; bring that back first.`);
    }
    const retiredAt = data.retired ? now() : null;
    const result = tx
      .update(actions)
      .set({ retiredAt, version: stored.version + 1, updatedAt: now(), ...(data.retired ? {} : { position: nextPosition(siblingsOf(tx, stored.planId, stored.sectionId)) }) })
      .where(and(eq(actions.id, stored.id), eq(actions.version, data.version)))
      .run();
    assertWritten(result, "action");
    recordAudit(tx, actor, { action: data.retired ? "action.retire" : "action.restore", entityType: "action", entityId: stored.id, before: { retiredAt: stored.retiredAt }, after: { retiredAt } });
    return { version: stored.version + 1, changed: true };
  });
}
