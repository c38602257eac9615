import { eq, inArray } from "drizzle-orm";
import { getDb } from "@/db";
import { outbox } from "@/db/schema";
import { isSmtpConfigured, sendMail } from "@/lib/mail/send";

export interface DeliveryResult {
  sent: number;
  failed: number;
  kept: number;
}

// Sends queued outbox messages that the caller has just inserted (and so owns):
// through SMTP when it is configured, marking each sent or failed with the
// error; without SMTP they are marked kept, for admins to read in the outbox.
export async function deliverQueued(ids: number[]): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, failed: 0, kept: 0 };
  if (ids.length === 0) return result;
  const db = getDb();
  if (!isSmtpConfigured()) {
    db.update(outbox).set({ state: "kept" }).where(inArray(outbox.id, ids)).run();
    return { ...result, kept: ids.length };
  }
  for (const id of ids) {
    const message = db.select().from(outbox).where(eq(outbox.id, id)).get();
    if (!message || message.state !== "queued") continue;
    try {
      const sent = await sendMail({ to: message.toEmail, subject: message.subject, text: message.bodyText });
      db.update(outbox)
        .set(sent ? { state: "sent", sentAt: new Date().toISOString(), error: null } : { state: "kept" })
        .where(eq(outbox.id, id))
        .run();
      result[sent ? "sent" : "kept"]++;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      db.update(outbox).set({ state: "failed", error: reason.slice(0, 1000) }).where(eq(outbox.id, id)).run();
      result.failed++;
    }
  }
  return result;
}
