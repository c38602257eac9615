import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { actions, auditLog } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { updateActionSchema } from "./schema";

const EDITABLE = ["status", "percentComplete", "leadPerson", "isPriority", "startDate", "dueDate"] as const;

export function updateAction(actor: Actor, input: unknown) {
  const data = updateActionSchema.parse(input);
  return getDb().transaction((tx) => {
    const action = tx.select().from(actions).where(eq(actions.id, data.actionId)).get();
    if (!action) throw new AppError("NOT_FOUND", "No such action.");
    authorize(actor, "action.update", { workGroupId: action.workGroupId });
    if (action.retiredAt) throw new AppError("CONFLICT", "This action is retired and cannot be edited.");

    if (action.version !== data.version) {
      // Name who saved in between and when, so the person can re-apply their change.
      const last = tx
        .select({ at: auditLog.at, actorLabel: auditLog.actorLabel })
        .from(auditLog)
        .where(and(eq(auditLog.entityType, "action"), eq(auditLog.entityId, String(action.id))))
        .orderBy(desc(auditLog.id))
        .get();
      const who = last ? `${last.actorLabel} at ${last.at.replace("T", " ").slice(0, 16)} UTC` : "someone else";
      throw new AppError("CONFLICT", `This action was changed by ${who} after you opened it. Your changes are still in the form; reload to see theirs, then apply yours again.`);
    }

    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const key of EDITABLE) {
      if (action[key] !== data[key]) {
        before[key] = action[key];
        after[key] = data[key];
      }
    }
    if (Object.keys(after).length === 0) return { version: action.version, changed: false };

    const updated = tx
      .update(actions)
      .set({ ...after, version: action.version + 1, updatedAt: new Date().toISOString() })
      .where(and(eq(actions.id, action.id), eq(actions.version, data.version)))
      .run();
    if (updated.changes === 0) throw new AppError("CONFLICT", "Someone else changed this action at the same moment; reload and try again.");
    recordAudit(tx, actor, { action: "action.update", entityType: "action", entityId: action.id, before, after });
    return { version: action.version + 1, changed: true };
  });
}
