import type { DbOrTx } from "@/db";
import { auditLog } from "@/db/schema";
import { actorLabel, type Actor } from "@/lib/auth/actor";

export interface AuditInput {
  action: string;
  entityType: string;
  entityId: string | number | null;
  before?: unknown;
  after?: unknown;
}

// Called inside the mutation's own transaction, so the trail and the change
// are committed together or not at all.
export function recordAudit(tx: DbOrTx, actor: Actor, input: AuditInput) {
  const diff = input.before === undefined && input.after === undefined ? null : JSON.stringify({ before: input.before ?? null, after: input.after ?? null });
  tx.insert(auditLog)
    .values({
      actorUserId: actor.kind === "user" ? actor.userId : null,
      actorLabel: actorLabel(actor),
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId === null ? null : String(input.entityId),
      diff,
    })
    .run();
}
