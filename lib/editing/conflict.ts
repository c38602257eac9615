import { and, desc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { auditLog } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { describeChanges } from "./changes";

export const formatAuditTime = (at: string) => `${at.replace("T", " ").slice(0, 16)} UTC`;

// The audit actions that bump a record's version (moves and roll-ups do not:
// position and status are not on the edit forms, so they never clash with one).
// A plan has two forms sharing its version: the region form (plan.update) and
// the reporting settings; a form made stale by the other names who saved it.
const ALSO_VERSIONED: Record<string, string[]> = { plan: ["plan.reporting_settings"] };
export const versionedActions = (entityType: string) => [`${entityType}.update`, `${entityType}.retire`, `${entityType}.restore`, ...(ALSO_VERSIONED[entityType] ?? [])];

export interface StaleCheck {
  entityType: string;
  entityId: number;
  // "action", "section", "work group"…
  noun: string;
  stored: number;
  expected: number;
  // The record as it is now, in the form's own values, so the form can merge.
  current: Record<string, string>;
  labels: Record<string, string>;
}

// Optimistic locking for every edit form: a save that started from an older
// version is refused with who saved in between, when, and what they changed,
// read from the audit log. The form keeps the person's typed text.
export function refuseIfStale(tx: DbOrTx, check: StaleCheck) {
  if (check.stored === check.expected) return;
  const missed = Math.min(Math.max(check.stored - check.expected, 1), 20);
  const entries = tx
    .select({ at: auditLog.at, actorLabel: auditLog.actorLabel, diff: auditLog.diff })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, check.entityType), eq(auditLog.entityId, String(check.entityId)), inArray(auditLog.action, versionedActions(check.entityType))))
    .orderBy(desc(auditLog.id))
    .limit(missed)
    .all()
    .reverse();
  const last = entries.at(-1);
  const by = last?.actorLabel ?? "someone else";
  const at = last ? formatAuditTime(last.at) : "an unknown time";
  const changes = entries.flatMap((e) => describeChanges(tx, e.diff, check.labels).map((line) => (entries.length > 1 ? `${e.actorLabel} (${formatAuditTime(e.at)}): ${line}` : line)));
  throw new AppError(
    "CONFLICT",
    `This ${check.noun} was changed by ${by} at ${at} after you opened it. Their change is listed below and is now in the form, except where you had typed something yourself: your text is kept. Check the form, then save again.`,
    undefined,
    { by, at, changes, version: check.stored, current: check.current },
  );
}

// The guarded write: the version must still be the one read in this transaction.
export function assertWritten(result: { changes: number }, noun: string) {
  if (result.changes === 0) throw new AppError("CONFLICT", `Someone else changed this ${noun} at the same moment; reload and try again.`);
}
