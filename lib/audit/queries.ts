import { and, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDb, type DbOrTx } from "@/db";
import { auditLog } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";

export const auditFiltersSchema = z.object({
  person: z.string().trim().max(200).optional().catch(undefined).transform((v) => v || undefined),
  entity: z.string().trim().max(60).regex(/^[a-z_]+$/).optional().catch(undefined),
  entityId: z.string().trim().max(60).optional().catch(undefined).transform((v) => v || undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type AuditFilters = z.infer<typeof auditFiltersSchema>;

export const AUDIT_PAGE_SIZE = 50;

export function listAuditEntries(actor: Actor, filters: AuditFilters) {
  authorize(actor, "audit.read");
  const where: SQL[] = [];
  if (filters.person) where.push(sql`${auditLog.actorLabel} like ${`%${filters.person.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`);
  if (filters.entity) where.push(eq(auditLog.entityType, filters.entity));
  if (filters.entityId) where.push(eq(auditLog.entityId, filters.entityId));
  if (filters.from) where.push(gte(auditLog.at, filters.from));
  // "to" is inclusive of the whole day.
  if (filters.to) where.push(lt(auditLog.at, new Date(Date.parse(filters.to) + 86_400_000).toISOString().slice(0, 10)));
  const db = getDb();
  const condition = where.length ? and(...where) : undefined;
  const total = db.select({ n: sql<number>`count(*)` }).from(auditLog).where(condition).get()?.n ?? 0;
  const rows = db
    .select()
    .from(auditLog)
    .where(condition)
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((filters.page - 1) * AUDIT_PAGE_SIZE)
    .all();
  return { rows, total, pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)) };
}

// An action's own history, for everyone who may read the action.
export function listEntityHistory(actor: Actor, entityType: string, entityId: number | string) {
  authorize(actor, "plan.read");
  return getDb()
    .select({ id: auditLog.id, at: auditLog.at, actorLabel: auditLog.actorLabel, action: auditLog.action, diff: auditLog.diff })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, String(entityId))))
    .orderBy(desc(auditLog.id))
    .limit(200)
    .all();
}

// Turns a stored {before, after} diff into "field: old → new" lines.
export function describeDiff(diff: string | null): string[] {
  if (!diff) return [];
  try {
    const { before, after } = JSON.parse(diff) as { before: Record<string, unknown> | null; after: Record<string, unknown> | null };
    const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
    const show = (v: unknown) => (v === undefined || v === null ? "—" : typeof v === "string" ? v : JSON.stringify(v));
    return [...keys].map((k) => (before && k in before ? `${k}: ${show(before[k])} → ${show(after?.[k])}` : `${k}: ${show(after?.[k])}`));
  } catch {
    return [];
  }
}

// Who last changed a record and when ("Carla at 2026-10-02 09:15 UTC"), for the
// CONFLICT message of a stale save. Read from the audit trail because reviews,
// status changes and edits all land there, whoever made them.
export function lastChangeOf(db: DbOrTx, entityType: string, entityId: number): string | null {
  const last = db
    .select({ at: auditLog.at, actorLabel: auditLog.actorLabel })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, String(entityId))))
    .orderBy(desc(auditLog.id))
    .get();
  return last ? `${last.actorLabel} at ${last.at.replace("T", " ").slice(0, 16)} UTC` : null;
}
