import type { Metadata } from "next";
import { Pagination } from "@/components/ui/pagination";
import Link from "next/link";
import { inputClass } from "@/components/forms/fields";
import { requirePermission } from "@/lib/auth/guards";
import { requireUser } from "@/lib/auth/session";
import { auditFiltersSchema, describeDiff, listAuditEntries } from "@/lib/audit/queries";
import { formatCount } from "@/lib/format";

export const metadata: Metadata = { title: "Audit log" };

// Every entityType a service records (grep recordAudit); the editing services add theirs.
const ENTITIES = ["action", "progress_update", "attachment", "comment", "reporting_period", "plan", "section", "work_group", "organization", "target", "user", "invitation", "login", "outbox"];

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditPage({ searchParams }: Props) {
  const user = await requireUser();
  requirePermission(user, "audit.read");
  const q = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const filters = auditFiltersSchema.parse({ person: first(q.person), entity: first(q.entity), entityId: first(q.entityId), from: first(q.from), to: first(q.to), page: first(q.page) ?? 1 });
  const { rows, total, pageCount } = listAuditEntries(user, filters);
  const pageLink = (page: number) => {
    const p = new URLSearchParams(Object.entries({ ...filters, page: String(page) }).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
    return `/admin/audit?${p.toString()}`;
  };
  return (
    <div className="space-y-4">
      <h1>Audit log</h1>
      <p className="text-slate-700">Every change, who made it and when (UTC). Entries cannot be edited or deleted.</p>
      <form method="get" action="/admin/audit" role="search" aria-label="Filter the audit log" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-5">
        <div>
          <label htmlFor="a-person" className="block text-sm font-medium text-slate-800">
            Person
          </label>
          <input id="a-person" name="person" defaultValue={filters.person ?? ""} className={inputClass} />
        </div>
        <div>
          <label htmlFor="a-entity" className="block text-sm font-medium text-slate-800">
            Record type
          </label>
          <select id="a-entity" name="entity" defaultValue={filters.entity ?? ""} className={inputClass}>
            <option value="">Any</option>
            {ENTITIES.map((e) => (
              <option key={e} value={e}>
                {e.replaceAll("_", " ")}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="a-from" className="block text-sm font-medium text-slate-800">
            From
          </label>
          <input id="a-from" name="from" type="date" defaultValue={filters.from ?? ""} className={inputClass} />
        </div>
        <div>
          <label htmlFor="a-to" className="block text-sm font-medium text-slate-800">
            To
          </label>
          <input id="a-to" name="to" type="date" defaultValue={filters.to ?? ""} className={inputClass} />
        </div>
        <div className="flex items-end gap-3">
          <button type="submit" className="rounded bg-blue-800 px-4 py-2 text-sm font-medium text-white hover:bg-blue-900">
            Filter
          </button>
          <Link href="/admin/audit" className="py-2 text-sm">
            Clear
          </Link>
        </div>
      </form>
      <p role="status" className="text-sm text-slate-800">
        {total === 0 ? "No entries match." : `${formatCount(total)} entr${total === 1 ? "y" : "ies"}.`}
      </p>
      {rows.length > 0 && (
        <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white" role="region" aria-label="Audit entries" tabIndex={0}>
          <table className="w-full min-w-[48rem] text-left text-sm">
            <caption className="sr-only">Audit entries, newest first</caption>
            <thead className="bg-slate-100 text-xs text-slate-800 uppercase">
              <tr>
                <th scope="col" className="px-3 py-2">When (UTC)</th>
                <th scope="col" className="px-3 py-2">Who</th>
                <th scope="col" className="px-3 py-2">What</th>
                <th scope="col" className="px-3 py-2">Record</th>
                <th scope="col" className="px-3 py-2">Change</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {rows.map((r) => (
                <tr key={r.id} className="align-top">
                  <td className="px-3 py-2 font-mono text-xs whitespace-nowrap">{r.at.replace("T", " ").slice(0, 19)}</td>
                  <td className="px-3 py-2">{r.actorLabel}</td>
                  <td className="px-3 py-2 font-mono text-xs">{r.action}</td>
                  <td className="px-3 py-2">
                    {r.entityType === "action" && r.entityId ? <Link href={`/actions/${r.entityId}`}>action {r.entityId}</Link> : `${r.entityType.replaceAll("_", " ")} ${r.entityId ?? ""}`}
                  </td>
                  <td className="px-3 py-2 text-xs">
                    <ul>
                      {describeDiff(r.diff).map((line, i) => (
                        <li key={i} className="break-all">
                          {line}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={filters.page} pageCount={pageCount} hrefFor={pageLink} />
    </div>
  );
}
