import { and, eq, inArray } from "drizzle-orm";
import { getDb, type Tx } from "@/db";
import { actions, progressUpdates, reportingPeriods, users, type ProgressUpdate } from "@/db/schema";
import { lastChangeOf } from "@/lib/audit/queries";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { authorize, can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { rollUpAction } from "./rollup";
import { reviewUpdateSchema, saveUpdateSchema, submitDraftsSchema } from "./schema";

const now = () => new Date().toISOString();
const stamp = (iso: string) => `${iso.replace("T", " ").slice(0, 16)} UTC`;

function loadAction(tx: Tx, actionId: number) {
  const action = tx.select({ id: actions.id, planId: actions.planId, code: actions.code, workGroupId: actions.workGroupId, leadUserId: actions.leadUserId, retiredAt: actions.retiredAt }).from(actions).where(eq(actions.id, actionId)).get();
  if (!action) throw new AppError("NOT_FOUND", "No such action.");
  return action;
}

// Who may write an update for this action in this period. Closed periods take
// updates only from admins (audited as such); periods not yet opened take none.
function checkCanPost(tx: Tx, actor: Actor, action: ReturnType<typeof loadAction>, periodId: number) {
  authorize(actor, "update.post", { workGroupId: action.workGroupId, assigneeUserId: action.leadUserId });
  if (action.retiredAt) throw new AppError("CONFLICT", `Action ${action.code} is retired and takes no new updates.`);
  const period = tx.select().from(reportingPeriods).where(eq(reportingPeriods.id, periodId)).get();
  if (!period || period.planId !== action.planId) throw new AppError("INVALID_INPUT", "Choose a reporting period of this action's plan.", { periodId: ["Choose a reporting period of this action's plan."] });
  if (period.status === "planned") throw new AppError("FORBIDDEN", `${period.label} is not open yet: updates start when OCED staff open it.`);
  const closed = period.status === "closed";
  if (closed && !can(actor, "update.post_closed")) throw new AppError("FORBIDDEN", `${period.label} is closed: ask OCED staff if an update must still be added.`);
  return { period, closed };
}

// Names whoever touched the update last, from the audit trail: a review
// changes the version too, and the reviewer is not the update's last editor.
function conflict(tx: Tx, existing: ProgressUpdate) {
  const editor = existing.lastEditedById ? tx.select({ name: users.name }).from(users).where(eq(users.id, existing.lastEditedById)).get()?.name : null;
  const who = lastChangeOf(tx, "progress_update", existing.id) ?? `${editor ?? "someone else"} at ${stamp(existing.updatedAt)}`;
  const theirs = `Their version: ${existing.status.replace("_", " ")}, ${existing.percentComplete}%${existing.narrative ? ` — “${existing.narrative.slice(0, 300)}${existing.narrative.length > 300 ? "…" : ""}”` : ""}`;
  return new AppError("CONFLICT", `This update was changed by ${who} after you opened it. Your text is still in the form; reload to see theirs, then apply yours again. ${theirs}`);
}

// Creates or edits the one update of an action for a period, as a draft or
// submitted for review. Every edit names the version it started from.
export function saveUpdate(actor: Actor, input: unknown) {
  const data = saveUpdateSchema.parse(input);
  return getDb().transaction((tx) => {
    const action = loadAction(tx, data.actionId);
    const { period, closed } = checkCanPost(tx, actor, action, data.periodId);
    const userId = actor.kind === "user" ? actor.userId : null;
    const existing = tx.select().from(progressUpdates).where(and(eq(progressUpdates.actionId, action.id), eq(progressUpdates.periodId, period.id))).get();
    const reviewState = data.intent === "draft" ? ("draft" as const) : ("submitted" as const);
    const fields = { status: data.status, percentComplete: data.percentComplete, narrative: data.narrative, links: JSON.stringify(data.links) };
    const auditAction = closed ? "update.save_closed_period" : data.intent === "draft" ? "update.save_draft" : "update.submit";

    let row: ProgressUpdate;
    if (!existing) {
      if (data.version !== 0) throw new AppError("CONFLICT", "This update was removed after you opened it; reload the page.");
      row = tx
        .insert(progressUpdates)
        .values({ actionId: action.id, periodId: period.id, authorId: userId, lastEditedById: userId, ...fields, reviewState, submittedAt: reviewState === "submitted" ? now() : null })
        .returning()
        .get();
      recordAudit(tx, actor, { action: auditAction, entityType: "progress_update", entityId: row.id, after: { action: action.code, period: period.label, reviewState, ...fields } });
    } else {
      if (existing.version !== data.version) throw conflict(tx, existing);
      // Editing an accepted update sends it back through review.
      const changes = { ...fields, reviewState, lastEditedById: userId, version: existing.version + 1, updatedAt: now(), ...(reviewState === "submitted" ? { submittedAt: now(), reviewedAt: null, reviewedById: null, reviewNote: null } : {}) };
      row = tx.update(progressUpdates).set(changes).where(eq(progressUpdates.id, existing.id)).returning().get();
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      for (const k of ["status", "percentComplete", "narrative", "links", "reviewState", "reviewNote"] as const) {
        if (existing[k] !== row[k]) {
          before[k] = existing[k];
          after[k] = row[k];
        }
      }
      recordAudit(tx, actor, { action: auditAction, entityType: "progress_update", entityId: row.id, before, after: { action: action.code, period: period.label, ...after } });
    }
    rollUpAction(tx, action.id);
    return row;
  });
}

// "Submit all": every listed draft goes in, or none does.
export function submitDrafts(actor: Actor, input: unknown) {
  const data = submitDraftsSchema.parse(input);
  if (actor.kind === "anonymous") throw new AppError("UNAUTHORIZED", "Please sign in to do that.");
  const ids = data.updateIds.map((d) => d.id);
  return getDb().transaction((tx) => {
    const rows = tx.select().from(progressUpdates).where(inArray(progressUpdates.id, ids)).all();
    if (rows.length !== new Set(ids).size) throw new AppError("NOT_FOUND", "Some of these drafts no longer exist; reload the page.");
    let submitted = 0;
    for (const row of rows) {
      const expected = data.updateIds.find((d) => d.id === row.id)?.version;
      if (expected !== undefined && expected !== row.version) throw conflict(tx, row);
      if (row.reviewState !== "draft") continue;
      const action = loadAction(tx, row.actionId);
      const { period, closed } = checkCanPost(tx, actor, action, row.periodId!);
      if (!row.narrative.trim()) throw new AppError("INVALID_INPUT", `The draft for ${action.code} has no narrative yet; add one before submitting.`);
      tx.update(progressUpdates)
        .set({ reviewState: "submitted", submittedAt: now(), reviewedAt: null, reviewedById: null, reviewNote: null, version: row.version + 1, updatedAt: now(), lastEditedById: actor.kind === "user" ? actor.userId : null })
        .where(eq(progressUpdates.id, row.id))
        .run();
      recordAudit(tx, actor, { action: closed ? "update.save_closed_period" : "update.submit", entityType: "progress_update", entityId: row.id, before: { reviewState: "draft" }, after: { action: action.code, period: period.label, reviewState: "submitted" } });
      rollUpAction(tx, action.id);
      submitted++;
    }
    return { submitted };
  });
}

// Staff accept a submitted update, or return it to its author with a note.
export function reviewUpdate(actor: Actor, input: unknown) {
  const data = reviewUpdateSchema.parse(input);
  authorize(actor, "update.review");
  return getDb().transaction((tx) => {
    const row = tx.select().from(progressUpdates).where(eq(progressUpdates.id, data.updateId)).get();
    if (!row) throw new AppError("NOT_FOUND", "No such update.");
    if (row.version !== data.version) throw conflict(tx, row);
    const allowed = data.decision === "accept" ? row.reviewState === "submitted" : row.reviewState === "submitted" || row.reviewState === "accepted";
    if (!allowed) throw new AppError("CONFLICT", `This update is ${row.reviewState === "draft" ? "still a draft" : row.reviewState} and cannot be ${data.decision === "accept" ? "accepted" : "returned"} now.`);
    const reviewState = data.decision === "accept" ? ("accepted" as const) : ("returned" as const);
    const updated = tx
      .update(progressUpdates)
      .set({ reviewState, reviewNote: data.note || null, reviewedById: actor.kind === "user" ? actor.userId : null, reviewedAt: now(), version: row.version + 1, updatedAt: now() })
      .where(eq(progressUpdates.id, row.id))
      .returning()
      .get();
    recordAudit(tx, actor, { action: `update.${data.decision}`, entityType: "progress_update", entityId: row.id, before: { reviewState: row.reviewState }, after: { reviewState, note: data.note || null } });
    rollUpAction(tx, row.actionId);
    return updated;
  });
}

// Staff importing one quarter's reviewed figures from a spreadsheet
// (lib/imports). The one update of the action for the period is created, or
// replaced, as *accepted*: the figures were reviewed before they were typed
// into the sheet. The audit entry keeps the replaced values, and the action
// rolls up. It runs inside the import's single transaction (one file, all or
// nothing), so it takes that transaction; `version` is the version of the
// existing update the preview saw (0: none), so a change since is refused.
export function writeImportedUpdate(tx: Tx, actor: Actor, input: unknown) {
  authorize(actor, "plan.import");
  const data = saveUpdateSchema.parse(input);
  const action = loadAction(tx, data.actionId);
  if (action.retiredAt) throw new AppError("CONFLICT", `Action ${action.code} is retired and takes no new updates.`);
  const period = tx.select().from(reportingPeriods).where(eq(reportingPeriods.id, data.periodId)).get();
  if (!period || period.planId !== action.planId) throw new AppError("INVALID_INPUT", "Choose a reporting period of this action's plan.");
  const existing = tx.select().from(progressUpdates).where(and(eq(progressUpdates.actionId, action.id), eq(progressUpdates.periodId, period.id))).get();
  if ((existing?.version ?? 0) !== data.version) throw new AppError("CONFLICT", `The update of ${action.code} for ${period.label} changed after the import's preview; nothing was imported. Upload the file again.`);

  const userId = actor.kind === "user" ? actor.userId : null;
  const at = now();
  const fields = { status: data.status, percentComplete: data.percentComplete, narrative: data.narrative, reviewState: "accepted" as const, reviewNote: null, reviewedById: userId, reviewedAt: at, lastEditedById: userId, updatedAt: at };
  const row = existing
    ? tx.update(progressUpdates).set({ ...fields, submittedAt: existing.submittedAt ?? at, version: existing.version + 1 }).where(eq(progressUpdates.id, existing.id)).returning().get()
    : tx.insert(progressUpdates).values({ actionId: action.id, periodId: period.id, authorId: userId, submittedAt: at, ...fields }).returning().get();
  recordAudit(tx, actor, {
    // Closed periods take updates only from staff; say so in the trail.
    action: period.status === "open" ? "update.import" : "update.import_closed_period",
    entityType: "progress_update",
    entityId: row.id,
    before: existing ? { status: existing.status, percentComplete: existing.percentComplete, narrative: existing.narrative, reviewState: existing.reviewState } : undefined,
    after: { action: action.code, period: period.label, status: row.status, percentComplete: row.percentComplete, narrative: row.narrative, reviewState: row.reviewState },
  });
  rollUpAction(tx, action.id);
  return { row, replaced: existing ? existing.reviewState : null };
}
