import { getDb } from "@/db";
import { outbox } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { deliverQueued, type DeliveryResult } from "@/lib/outbox/deliver";
import { isSmtpConfigured } from "@/lib/mail/send";
import { appUrl } from "@/lib/users/tokens";
import { composeReminder } from "./compose";
import { runRemindersSchema, type RunRemindersInput } from "./schema";
import { checkPeriods, selectRecipients } from "./select";

export interface ReminderRun extends DeliveryResult {
  today: string;
  periods: { planSlug: string; periodLabel: string; deadline: string; daysLeft: number; reminderDaysBefore: number; due: boolean }[];
  queued: { outboxId: number; userId: number; email: string; periodLabel: string; actionCodes: string[] }[];
  // People who were due a reminder but already had this period's one.
  alreadyReminded: number;
}

export const reminderKey = (periodId: number, userId: number) => `reminder:${periodId}:${userId}`;

// One pass of the reminder job. For every open current period inside its
// reminder window, each person with missing updates gets one message listing
// them. "Once" is the database's promise, not this code's: the outbox's unique
// dedupe_key with ON CONFLICT DO NOTHING means that of two racing runs (the
// timer and the CLI, say) only the one whose insert landed sends it.
export async function runReminders(actor: Actor, input: RunRemindersInput = {}): Promise<ReminderRun> {
  const data = runRemindersSchema.parse(input);
  authorize(actor, "reminder.send");
  const today = data.today ?? new Date().toISOString().slice(0, 10);
  const day = new Date(`${today}T00:00:00Z`);

  const run = getDb().transaction((tx) => {
    const checks = checkPeriods(tx, day);
    const queued: ReminderRun["queued"] = [];
    let alreadyReminded = 0;
    for (const check of checks.filter((c) => c.due)) {
      for (const person of selectRecipients(tx, check.period)) {
        const { subject, text } = composeReminder({
          recipientName: person.name,
          planTitle: check.plan.title,
          periodLabel: check.period.label,
          deadline: check.period.deadline,
          daysLeft: check.daysLeft,
          actions: person.actions,
          url: appUrl,
        });
        const row = tx
          .insert(outbox)
          .values({ kind: "reminder", dedupeKey: reminderKey(check.period.id, person.userId), toUserId: person.userId, toEmail: person.email, subject, bodyText: text })
          .onConflictDoNothing({ target: outbox.dedupeKey })
          .returning({ id: outbox.id })
          .get();
        if (!row) {
          alreadyReminded++;
          continue;
        }
        queued.push({ outboxId: row.id, userId: person.userId, email: person.email, periodLabel: check.period.label, actionCodes: person.actions.map((a) => a.code) });
      }
    }
    const periods = checks.map((c) => ({ planSlug: c.plan.slug, periodLabel: c.period.label, deadline: c.period.deadline, daysLeft: c.daysLeft, reminderDaysBefore: c.plan.reminderDaysBefore, due: c.due }));
    if (queued.length > 0 || !data.quiet) {
      recordAudit(tx, actor, {
        action: "reminder.run",
        entityType: "outbox",
        entityId: null,
        after: { today, delivery: isSmtpConfigured() ? "smtp" : "outbox", periods: periods.filter((p) => p.due).map((p) => `${p.planSlug} ${p.periodLabel}`), queued: queued.map((q) => ({ outboxId: q.outboxId, to: q.email, actions: q.actionCodes })), alreadyReminded },
      });
    }
    return { today, periods, queued, alreadyReminded };
  });

  const delivery = await deliverQueued(run.queued.map((q) => q.outboxId));
  return { ...run, ...delivery };
}

// One paragraph for the admin's page, the CLI and the server log.
export function describeRun(run: ReminderRun): string {
  const due = run.periods.filter((p) => p.due);
  if (run.periods.length === 0) return "No plan has an open current reporting period, so no reminders are due.";
  if (due.length === 0) {
    const next = run.periods.map((p) => `${p.periodLabel} of ${p.planSlug}: deadline ${p.deadline}, reminders from ${p.reminderDaysBefore} days before`).join("; ");
    return `No reminders are due today (${run.today}). ${next}.`;
  }
  const n = run.queued.length;
  const parts = [n === 0 ? "No new reminders to send" : `${n} reminder${n === 1 ? "" : "s"} queued`];
  if (run.sent) parts.push(`${run.sent} sent`);
  if (run.kept) parts.push(`${run.kept} kept in the outbox (no SMTP server is configured)`);
  if (run.failed) parts.push(`${run.failed} failed (see the outbox)`);
  if (run.alreadyReminded) parts.push(`${run.alreadyReminded} ${run.alreadyReminded === 1 ? "person was" : "people were"} already reminded for this period`);
  return `${parts.join("; ")}.`;
}
