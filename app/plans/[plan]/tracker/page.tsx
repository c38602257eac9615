import type { Metadata } from "next";
import Link from "next/link";
import { inputClass } from "@/components/forms/fields";
import { DownloadLinks } from "@/components/spreadsheets/download-links";
import { TrackerTable } from "@/components/tracker/tracker-table";
import { Pagination } from "@/components/ui/pagination";
import { listWorkGroups } from "@/lib/plans/queries";
import { requirePermission, requireReader } from "@/lib/auth/guards";
import { daysUntil, getCurrentPeriod, listPeriods } from "@/lib/periods/queries";
import { loadPlanOr404 } from "@/lib/plans/load";
import { getTracker, parseTrackerFilters } from "@/lib/tracker/queries";

export const metadata: Metadata = { title: "Submission tracker" };

const TRACKER_PAGE_SIZE = 20;

type Props = { params: Promise<{ plan: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// Staff see at a glance who has reported for a period and whom to chase.
export default async function TrackerPage({ params, searchParams }: Props) {
  const plan = await loadPlanOr404((await params).plan);
  const user = await requireReader();
  requirePermission(user, "tracker.read");
  const query = await searchParams;
  const periods = listPeriods(plan.id);
  const requested = Number(query.period);
  const period = periods.find((p) => p.id === requested) ?? getCurrentPeriod(plan.id) ?? periods[0];
  const base = `/plans/${plan.slug}/tracker`;
  if (!period) {
    return (
      <div className="space-y-4">
        <h1>Submission tracker</h1>
        <p className="text-slate-700">
          This plan has no reporting periods yet. <Link href={`/plans/${plan.slug}/periods`}>Add one on the Reporting periods page.</Link>
        </p>
      </div>
    );
  }
  const filters = parseTrackerFilters(query);
  const { rows, groups, totals, previous } = getTracker(period, filters);
  const groupOptions = listWorkGroups(plan.id).map((g) => ({ value: g.key, label: g.name }));
  const days = daysUntil(period.deadline);
  // The summaries cover the whole period; the action table is paged to keep the page light.
  const pageCount = Math.max(1, Math.ceil(rows.length / TRACKER_PAGE_SIZE));
  const page = Math.min(pageCount, Math.max(1, Number(query.page) || 1));
  const shown = rows.slice((page - 1) * TRACKER_PAGE_SIZE, page * TRACKER_PAGE_SIZE);
  const pageHref = (n: number) => `${base}?${new URLSearchParams(Object.entries({ period: String(period.id), group: filters.group, state: filters.state, page: String(n) }).filter((e): e is [string, string] => Boolean(e[1]))).toString()}`;
  return (
    <div className="space-y-6">
      <header>
        <h1>Submission tracker: {period.label}</h1>
        <p className="mt-2 text-slate-700">
          Deadline <time dateTime={period.deadline}>{period.deadline}</time> ({days >= 0 ? `${days} days left` : `${-days} days ago`}) · {period.status}
          {previous ? ` · compared with ${previous.label} for stale actions` : " · the first period, so nothing is stale yet"}
        </p>
        <p className="mt-2 text-lg font-semibold">
          {totals.updated} of {totals.total} actions updated · {totals.returned} returned · {totals.missing} missing · {totals.stale} stale
        </p>
        <DownloadLinks href={`${base}/export`} params={{ period: String(period.id), group: filters.group, state: filters.state }} what="this tracker" />
      </header>

      <form method="get" action={base} role="search" aria-label="Filter the tracker" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-4">
        <div>
          <label htmlFor="t-period" className="block text-sm font-medium">Period</label>
          <select id="t-period" name="period" defaultValue={String(period.id)} className={inputClass}>
            {periods.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
                {p.isCurrent ? " (current)" : ""}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="t-group" className="block text-sm font-medium">Work group</label>
          <select id="t-group" name="group" defaultValue={filters.group ?? ""} className={inputClass}>
            <option value="">All work groups</option>
            {groupOptions.map((g) => (
              <option key={g.value} value={g.value}>
                {g.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="t-state" className="block text-sm font-medium">Show</label>
          <select id="t-state" name="state" defaultValue={filters.state ?? ""} className={inputClass}>
            <option value="">Every action</option>
            <option value="updated">Updated</option>
            <option value="returned">Returned</option>
            <option value="missing">Missing</option>
            <option value="stale">Stale</option>
          </select>
        </div>
        <div className="flex items-end gap-3 pb-1">
          <button type="submit" className="rounded bg-blue-800 px-4 py-2 text-sm font-medium text-white hover:bg-blue-900">
            Apply
          </button>
          <Link href={`${base}?period=${period.id}`} className="text-sm">Clear</Link>
        </div>
      </form>

      <section aria-labelledby="groups-heading">
        <h2 id="groups-heading">By work group</h2>
        <div className="mt-2 overflow-x-auto">
          <table className="w-full min-w-[36rem] border-collapse bg-white text-sm">
            <thead>
              <tr className="border-b border-slate-300 text-left">
                <th scope="col" className="p-2">Work group</th>
                <th scope="col" className="p-2 text-right">Actions</th>
                <th scope="col" className="p-2 text-right">Updated</th>
                <th scope="col" className="p-2 text-right">Returned</th>
                <th scope="col" className="p-2 text-right">Missing</th>
                <th scope="col" className="p-2 text-right">Stale</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr key={g.key ?? "none"} className="border-b border-slate-200">
                  <th scope="row" className="p-2 text-left font-normal">
                    {g.key ? <Link href={`${base}?period=${period.id}&group=${encodeURIComponent(g.key)}`}>{g.name}</Link> : g.name}
                  </th>
                  <td className="p-2 text-right">{g.total}</td>
                  <td className="p-2 text-right">{g.updated}</td>
                  <td className="p-2 text-right">{g.returned}</td>
                  <td className="p-2 text-right">{g.missing}</td>
                  <td className="p-2 text-right">{g.stale}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="actions-heading">
        <h2 id="actions-heading">Actions ({rows.length})</h2>
        {rows.length === 0 ? (
          <p className="mt-2 text-slate-700">No actions match these filters.</p>
        ) : (
          <div className="mt-2 space-y-3">
            <TrackerTable rows={shown} />
            <Pagination page={page} pageCount={pageCount} hrefFor={pageHref} />
          </div>
        )}
      </section>
    </div>
  );
}
