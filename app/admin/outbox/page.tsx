import type { Metadata } from "next";
import { OutboxTable } from "@/components/outbox/outbox-table";
import { RunRemindersForm } from "@/components/outbox/run-reminders-form";
import { Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/guards";
import { requireUser } from "@/lib/auth/session";
import { formatCount } from "@/lib/format";
import { isSmtpConfigured } from "@/lib/mail/send";
import { listOutbox, outboxPageSchema } from "@/lib/outbox/queries";
import { runRemindersAction } from "./actions";

export const metadata: Metadata = { title: "Outbox" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OutboxPage({ searchParams }: Props) {
  const user = await requireUser();
  requirePermission(user, "outbox.read");
  const q = await searchParams;
  const page = outboxPageSchema.parse(Array.isArray(q.page) ? q.page[0] : q.page);
  const { rows, total, pageCount } = listOutbox(user, page);
  const smtp = isSmtpConfigured();
  return (
    <div className="space-y-6">
      <div>
        <h1>Outbox</h1>
        <p className="mt-2 max-w-3xl text-slate-700">
          Every e-mail the tracker has written, newest first.{" "}
          {smtp
            ? "An SMTP server is configured, so messages are sent; failures are kept here with the error."
            : "No SMTP server is configured (SMTP_HOST), so nothing is e-mailed: messages are kept here for you to read and pass on."}
        </p>
      </div>
      {can(user, "reminder.send") && (
        <section aria-labelledby="reminders-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="reminders-heading">Reminders</h2>
          <p className="mt-1 mb-3 max-w-3xl text-sm text-slate-700">
            The tracker checks every hour: within each plan’s reminder window before a period’s deadline, everyone with missing updates gets one message listing them. Nobody is
            reminded twice for the same period.
          </p>
          <RunRemindersForm action={runRemindersAction} />
        </section>
      )}
      <section aria-labelledby="messages-heading" className="space-y-3">
        <h2 id="messages-heading">Messages</h2>
        <p className="text-sm text-slate-800">{total === 0 ? "No messages yet." : `${formatCount(total)} message${total === 1 ? "" : "s"}.`}</p>
        {rows.length > 0 && <OutboxTable rows={rows} />}
        <Pagination page={page} pageCount={pageCount} hrefFor={(p) => `/admin/outbox?page=${p}`} />
      </section>
    </div>
  );
}
