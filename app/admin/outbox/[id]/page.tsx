import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/guards";
import { requireUser } from "@/lib/auth/session";
import { getOutboxMessage, OUTBOX_STATE_LABELS } from "@/lib/outbox/queries";

export const metadata: Metadata = { title: "Outbox message" };

type Props = { params: Promise<{ id: string }> };

const stamp = (iso: string | null) => (iso ? `${iso.replace("T", " ").slice(0, 19)} UTC` : "—");

export default async function OutboxMessagePage({ params }: Props) {
  const user = await requireUser();
  requirePermission(user, "outbox.read");
  const raw = (await params).id;
  const message = /^\d{1,12}$/.test(raw) ? getOutboxMessage(user, Number(raw)) : undefined;
  if (!message) notFound();
  return (
    <article className="max-w-4xl space-y-4">
      <p className="text-sm">
        <Link href="/admin/outbox">Back to the outbox</Link>
      </p>
      <h1>{message.subject}</h1>
      <dl className="grid gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-2">
        <Item label="To">{message.toEmail}</Item>
        <Item label="Kind">{message.kind}</Item>
        <Item label="State">{OUTBOX_STATE_LABELS[message.state]}</Item>
        <Item label="Created">{stamp(message.createdAt)}</Item>
        <Item label="Sent">{stamp(message.sentAt)}</Item>
        {message.error && <Item label="Error">{message.error}</Item>}
      </dl>
      <section aria-labelledby="body-heading">
        <h2 id="body-heading">Message</h2>
        <pre className="mt-2 overflow-x-auto rounded-lg border border-slate-200 bg-white p-4 font-sans text-sm whitespace-pre-wrap text-slate-900">{message.bodyText}</pre>
      </section>
    </article>
  );
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="font-medium text-slate-700">{label}</dt>
      <dd className="mt-0.5 break-all text-slate-900">{children}</dd>
    </div>
  );
}
