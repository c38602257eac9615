import { count, eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { actions, attachments, progressUpdates, reportingPeriods } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { assertCanAttach, type AttachTarget } from "./rules";
import { MAX_ATTACHMENTS_PER_UPDATE } from "./limits";
import { addAttachmentsSchema, removeAttachmentSchema, type AddAttachmentsInput } from "./schema";
import { openStoredFile, removeStoredFile, writeStoredFile } from "./storage";
import { ATTACHMENTS_FIELD, validateUploads } from "./validate";

export interface AttachmentSummary {
  id: number;
  updateId: number;
  fileName: string;
  contentType: string;
  sizeBytes: number;
}

// The update with what decides who may change its files.
function loadTarget(db: DbOrTx, updateId: number): AttachTarget & { updateId: number; actionId: number } {
  const row = db
    .select({
      updateId: progressUpdates.id,
      actionId: actions.id,
      actionCode: actions.code,
      workGroupId: actions.workGroupId,
      leadUserId: actions.leadUserId,
      retiredAt: actions.retiredAt,
      periodLabel: reportingPeriods.label,
      periodStatus: reportingPeriods.status,
    })
    .from(progressUpdates)
    .innerJoin(actions, eq(actions.id, progressUpdates.actionId))
    .leftJoin(reportingPeriods, eq(reportingPeriods.id, progressUpdates.periodId))
    .where(eq(progressUpdates.id, updateId))
    .get();
  if (!row) throw new AppError("NOT_FOUND", "This update no longer exists; reload the page.");
  return row;
}

function attachedCount(db: DbOrTx, updateId: number): number {
  return db.select({ n: count() }).from(attachments).where(eq(attachments.updateId, updateId)).get()?.n ?? 0;
}

// Attaches files to a progress update. `files` takes FormData entries as they
// come (form.getAll("attachments")): an empty file input adds nothing and
// returns []. Every file is checked (size, extension, magic bytes) before any
// is written; the files are written under random names, then the rows and the
// audit entries go in one transaction. If that fails the files are removed
// again, so either all of them are attached or none is.
export async function addAttachments(actor: Actor, input: AddAttachmentsInput): Promise<AttachmentSummary[]> {
  const data = addAttachmentsSchema.parse(input);
  const db = getDb();
  // Permission before reading any bytes.
  assertCanAttach(actor, loadTarget(db, data.updateId));
  const uploads = await validateUploads(data.files, { alreadyAttached: attachedCount(db, data.updateId) });
  if (uploads.length === 0) return [];

  const stored: string[] = [];
  try {
    for (const upload of uploads) stored.push(await writeStoredFile(upload.bytes));
    const uploadedById = actor.kind === "user" ? actor.userId : null;
    return db.transaction((tx) => {
      // Checked again: the update, its period or the person's rights may have
      // changed while the files were being read and written.
      const target = loadTarget(tx, data.updateId);
      assertCanAttach(actor, target);
      const already = attachedCount(tx, data.updateId);
      if (already + uploads.length > MAX_ATTACHMENTS_PER_UPDATE) {
        const message = "Someone attached other files to this update meanwhile, and together they are over the limit; reload the page.";
        throw new AppError("CONFLICT", message, { [ATTACHMENTS_FIELD]: [message] });
      }
      return uploads.map((upload, i) => {
        const row = tx
          .insert(attachments)
          .values({ updateId: data.updateId, fileName: upload.fileName, storedName: stored[i]!, contentType: upload.contentType, sizeBytes: upload.sizeBytes, sha256: upload.sha256, uploadedById })
          .returning({ id: attachments.id, updateId: attachments.updateId, fileName: attachments.fileName, contentType: attachments.contentType, sizeBytes: attachments.sizeBytes })
          .get();
        recordAudit(tx, actor, {
          action: "attachment.add",
          entityType: "attachment",
          entityId: row.id,
          after: { updateId: data.updateId, action: target.actionCode, period: target.periodLabel, fileName: upload.fileName, contentType: upload.contentType, sizeBytes: upload.sizeBytes, sha256: upload.sha256 },
        });
        return row;
      });
    });
  } catch (error) {
    for (const name of stored) removeStoredFile(name);
    throw error;
  }
}

// Removes one file from an update: the row (audited) first, then the bytes.
export function removeAttachment(actor: Actor, input: { attachmentId: number | string }): { id: number; updateId: number } {
  const data = removeAttachmentSchema.parse(input);
  const removed = getDb().transaction((tx) => {
    const row = tx.select().from(attachments).where(eq(attachments.id, data.attachmentId)).get();
    if (!row) throw new AppError("NOT_FOUND", "This file was already removed; reload the page.");
    const target = loadTarget(tx, row.updateId);
    assertCanAttach(actor, target);
    tx.delete(attachments).where(eq(attachments.id, row.id)).run();
    recordAudit(tx, actor, {
      action: "attachment.remove",
      entityType: "attachment",
      entityId: row.id,
      before: { updateId: row.updateId, action: target.actionCode, period: target.periodLabel, fileName: row.fileName, contentType: row.contentType, sizeBytes: row.sizeBytes, sha256: row.sha256 },
    });
    return row;
  });
  removeStoredFile(removed.storedName);
  return { id: removed.id, updateId: removed.updateId };
}

export interface OpenedAttachment extends AttachmentSummary {
  sha256: string;
  body: ReadableStream<Uint8Array>;
}

// For downloads: anyone who may read the plan may read its updates' files.
export function openAttachment(actor: Actor, attachmentId: number | string): OpenedAttachment {
  authorize(actor, "plan.read");
  const id = typeof attachmentId === "number" ? attachmentId : /^\d{1,15}$/.test(attachmentId) ? Number(attachmentId) : NaN;
  const row = Number.isSafeInteger(id) && id > 0 ? getDb().select().from(attachments).where(eq(attachments.id, id)).get() : undefined;
  if (!row) throw new AppError("NOT_FOUND", "No such file.");
  return { id: row.id, updateId: row.updateId, fileName: row.fileName, contentType: row.contentType, sizeBytes: row.sizeBytes, sha256: row.sha256, body: openStoredFile(row.storedName) };
}
