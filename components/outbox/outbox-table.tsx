import type { listOutbox } from "@/lib/outbox/queries";
import { OUTBOX_STATE_LABELS } from "@/lib/outbox/queries";

type Row = ReturnType<typeof listOutbox>["rows"][number];

const stamp = (iso: string | null) => (iso ? iso.replace("T", " ").slice(0, 16) : "—");

const STATE_CLASS: Record<Row["state"], string> = {
  queued: "bg-slate-200 text-slate-900",
  sent: "bg-green-100 text-green-900",
  failed: "bg-red-100 text-red-900",
  kept: "bg-amber-100 text-amber-900",
};

export function OutboxTable({ rows }: { rows: Row[] }) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white" role="region" aria-label="Messages" tabIndex={0}>
      <table className="w-full min-w-[44rem] text-left text-sm">
        <caption className="sr-only">Messages, newest first</caption>
        <thead className="bg-slate-100 text-xs text-slate-800 uppercase">
          <tr>
            <th scope="col" className="px-3 py-2">Created (UTC)</th>
            <th scope="col" className="px-3 py-2">To</th>
            <th scope="col" className="px-3 py-2">Subject</th>
            <th scope="col" className="px-3 py-2">State</th>
            <th scope="col" className="px-3 py-2">Sent (UTC)</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {rows.map((r) => (
            <tr key={r.id} className="align-top">
              <td className="px-3 py-2 font-mono text-xs whitespace-nowrap">{stamp(r.createdAt)}</td>
              <td className="px-3 py-2 break-all">{r.toEmail}</td>
              <td className="px-3 py-2">
                <a href={`/admin/outbox/${r.id}`}>{r.subject}</a>
              </td>
              <td className="px-3 py-2">
                <span className={`rounded px-2 py-0.5 text-xs font-medium whitespace-nowrap ${STATE_CLASS[r.state]}`}>{OUTBOX_STATE_LABELS[r.state]}</span>
              </td>
              <td className="px-3 py-2 font-mono text-xs whitespace-nowrap">{stamp(r.sentAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
