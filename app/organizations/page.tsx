import Link from "next/link";
import type { Metadata } from "next";
import { Pagination } from "@/components/ui/pagination";
import { ORGANIZATION_TYPES } from "@/db/schema/enums";
import { ORGANIZATION_TYPE_LABELS, formatCount } from "@/lib/format";
import { requireReader } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { listOrganizations, organizationFiltersSchema } from "@/lib/organizations/queries";

export const metadata: Metadata = { title: "Partners" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OrganizationsPage({ searchParams }: Props) {
  const user = await requireReader();
  const query = await searchParams;
  const filters = organizationFiltersSchema.parse({ q: query.q, type: query.type, retired: query.retired, page: query.page ?? 1 });
  const { rows, total, page, pageCount } = listOrganizations(filters);
  const pageLink = (n: number) =>
    `/organizations?${new URLSearchParams({ ...(filters.q ? { q: filters.q } : {}), ...(filters.type ? { type: filters.type } : {}), ...(filters.retired ? { retired: "1" } : {}), page: String(n) }).toString()}`;
  const canEdit = can(user, "plan.edit");
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1>Partner organizations</h1>
        {canEdit && <Link href="/organizations/new">Add an organization</Link>}
      </div>
      <p className="max-w-3xl text-slate-800">Organizations that champion actions, lead work groups or are acknowledged as partners of a plan.</p>
      <form method="get" action="/organizations" role="search" aria-label="Filter partners" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <div>
          <label htmlFor="o-q" className="block text-sm font-medium text-slate-800">
            Name or acronym
          </label>
          <input id="o-q" name="q" type="search" defaultValue={filters.q ?? ""} maxLength={200} className="mt-1 rounded border border-slate-400 px-2 py-1.5 text-sm" />
        </div>
        <div>
          <label htmlFor="o-type" className="block text-sm font-medium text-slate-800">
            Type
          </label>
          <select id="o-type" name="type" defaultValue={filters.type ?? ""} className="mt-1 rounded border border-slate-400 bg-white px-2 py-1.5 text-sm">
            <option value="">All types</option>
            {ORGANIZATION_TYPES.map((t) => (
              <option key={t} value={t}>
                {ORGANIZATION_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </div>
        <div className="flex items-center gap-2 py-2">
          <input id="o-retired" name="retired" type="checkbox" value="1" defaultChecked={filters.retired} className="h-4 w-4" />
          <label htmlFor="o-retired" className="text-sm">
            Show retired
          </label>
        </div>
        <button type="submit" className="rounded bg-blue-800 px-4 py-2 text-sm font-medium text-white hover:bg-blue-900">
          Filter
        </button>
        <Link href="/organizations" className="py-2 text-sm">
          Clear
        </Link>
      </form>
      <p role="status" className="text-sm text-slate-800">
        {total === 0 ? "No organizations match." : `${formatCount(total)} organization${total === 1 ? "" : "s"}.`}
      </p>
      {rows.length > 0 && (
        <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white" role="region" aria-label="Organizations table" tabIndex={0}>
          <table className="w-full min-w-[32rem] text-left text-sm">
            <caption className="sr-only">Partner organizations</caption>
            <thead className="bg-slate-100 text-xs text-slate-800 uppercase">
              <tr>
                <th scope="col" className="px-3 py-2">Organization</th>
                <th scope="col" className="px-3 py-2">Type</th>
                <th scope="col" className="px-3 py-2 text-right">Actions championed</th>
                <th scope="col" className="px-3 py-2 text-right">As lead</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {rows.map((o) => (
                <tr key={o.id}>
                  <td className="px-3 py-2">
                    {/* Plain <a> in long tables: see components/actions/action-table.tsx. */}
                    <a href={`/organizations/${o.slug}`}>{o.name}</a>
                    {o.acronym && <span className="text-slate-700"> ({o.acronym})</span>}
                    {o.retiredAt && <span className="ml-2 rounded bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-900">Retired</span>}
                  </td>
                  <td className="px-3 py-2 text-slate-800">{ORGANIZATION_TYPE_LABELS[o.type]}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{o.actionCount}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{o.leadCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageCount={pageCount} hrefFor={pageLink} />
    </div>
  );
}
