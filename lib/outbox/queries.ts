import { desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { outbox } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";

export const OUTBOX_PAGE_SIZE = 50;

export const outboxPageSchema = z.coerce.number().int().min(1).max(100_000).catch(1);

// Every message the app composed, newest first, for admins.
export function listOutbox(actor: Actor, page: number) {
  authorize(actor, "outbox.read");
  const db = getDb();
  const total = db.select({ n: sql<number>`count(*)` }).from(outbox).get()?.n ?? 0;
  const rows = db
    .select({ id: outbox.id, kind: outbox.kind, toEmail: outbox.toEmail, subject: outbox.subject, state: outbox.state, createdAt: outbox.createdAt, sentAt: outbox.sentAt })
    .from(outbox)
    .orderBy(desc(outbox.id))
    .limit(OUTBOX_PAGE_SIZE)
    .offset((page - 1) * OUTBOX_PAGE_SIZE)
    .all();
  return { rows, total, pageCount: Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE)) };
}

export function getOutboxMessage(actor: Actor, id: number) {
  authorize(actor, "outbox.read");
  return getDb().select().from(outbox).where(eq(outbox.id, id)).get();
}

export const OUTBOX_STATE_LABELS = { queued: "Queued", sent: "Sent", failed: "Failed", kept: "Kept (no SMTP)" } as const;
