import { and, eq } from "drizzle-orm";
import { getDb, type Tx } from "@/db";
import { actions, comments, reports, users, type Comment } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { addCommentSchema, deleteCommentSchema, editCommentSchema } from "./schema";

const now = () => new Date().toISOString();
const stamp = (iso: string) => `${iso.replace("T", " ").slice(0, 16)} UTC`;

function loadComment(tx: Tx, commentId: number): Comment {
  const row = tx.select().from(comments).where(eq(comments.id, commentId)).get();
  if (!row) throw new AppError("NOT_FOUND", "No such comment.");
  return row;
}

const nameOf = (tx: Tx, userId: number | null) => (userId ? tx.select({ name: users.name }).from(users).where(eq(users.id, userId)).get()?.name : undefined);

// The thing a comment is about, named for the audit trail.
function subjectOf(tx: Tx, data: { actionId?: number; reportId?: number }): { actionId: number | null; reportId: number | null; audit: Record<string, unknown> } {
  if (data.actionId !== undefined) {
    const action = tx.select({ id: actions.id, code: actions.code }).from(actions).where(eq(actions.id, data.actionId)).get();
    if (!action) throw new AppError("NOT_FOUND", "No such action.");
    return { actionId: action.id, reportId: null, audit: { action: action.code, actionId: action.id } };
  }
  const report = tx.select({ id: reports.id, status: reports.status, edition: reports.edition }).from(reports).where(eq(reports.id, data.reportId!)).get();
  // Drafts are staff working papers: the board discusses what was published.
  if (!report || report.status === "draft") throw new AppError("NOT_FOUND", "No such report.");
  return { actionId: null, reportId: report.id, audit: { reportId: report.id, edition: report.edition } };
}

// Any signed-in reader may ask or answer on an action or a published report (board members do).
export function addComment(actor: Actor, input: unknown) {
  const data = addCommentSchema.parse(input);
  authorize(actor, "comment.create");
  return getDb().transaction((tx) => {
    const subject = subjectOf(tx, data);
    const row = tx
      .insert(comments)
      .values({ actionId: subject.actionId, reportId: subject.reportId, authorId: actor.kind === "user" ? actor.userId : null, body: data.body })
      .returning()
      .get();
    recordAudit(tx, actor, { action: "comment.create", entityType: "comment", entityId: row.id, after: { ...subject.audit, body: row.body } });
    return row;
  });
}

// Only the author edits their words, and only from the version they saw.
export function editComment(actor: Actor, input: unknown) {
  const data = editCommentSchema.parse(input);
  authorize(actor, "comment.create");
  return getDb().transaction((tx) => {
    const row = loadComment(tx, data.commentId);
    if (actor.kind !== "user" || row.authorId !== actor.userId) throw new AppError("FORBIDDEN", "Only the person who wrote a comment can edit it.");
    if (row.deletedAt) throw new AppError("CONFLICT", `This comment was removed by an administrator at ${stamp(row.deletedAt)}; it can no longer be edited. Your text is still in the form if you want to keep it.`);
    if (row.version !== data.version) {
      throw new AppError("CONFLICT", `This comment was changed by ${nameOf(tx, row.authorId) ?? "someone else"} at ${stamp(row.updatedAt)} after you opened it (in another tab?). Your text is still in the form; reload to see the saved version, then apply yours again.`);
    }
    if (row.body === data.body) return row;
    const updated = tx
      .update(comments)
      .set({ body: data.body, version: row.version + 1, updatedAt: now() })
      .where(and(eq(comments.id, row.id), eq(comments.version, data.version)))
      .returning()
      .get();
    recordAudit(tx, actor, { action: "comment.edit", entityType: "comment", entityId: row.id, before: { body: row.body }, after: { body: updated.body } });
    return updated;
  });
}

// Admins remove a comment; the row stays (soft delete) so the thread keeps
// its shape and the audit trail keeps what was said.
export function deleteComment(actor: Actor, input: unknown) {
  const data = deleteCommentSchema.parse(input);
  authorize(actor, "comment.moderate");
  return getDb().transaction((tx) => {
    const row = loadComment(tx, data.commentId);
    if (row.deletedAt) throw new AppError("CONFLICT", `This comment was already removed by ${nameOf(tx, row.deletedById) ?? "an administrator"} at ${stamp(row.deletedAt)}.`);
    const updated = tx
      .update(comments)
      .set({ deletedAt: now(), deletedById: actor.kind === "user" ? actor.userId : null, version: row.version + 1, updatedAt: now() })
      .where(eq(comments.id, row.id))
      .returning()
      .get();
    recordAudit(tx, actor, { action: "comment.delete", entityType: "comment", entityId: row.id, before: { body: row.body, authorId: row.authorId }, after: { deleted: true } });
    return updated;
  });
}
