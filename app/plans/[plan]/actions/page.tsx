import Link from "next/link";
import type { Metadata } from "next";
import { Pagination } from "@/components/ui/pagination";
import { ActionFilterForm } from "@/components/actions/action-filters";
import { ActionTable } from "@/components/actions/action-table";
import { DownloadLinks } from "@/components/spreadsheets/download-links";
import { filtersToQuery, PAGE_SIZE, parseActionFilters } from "@/lib/actions/filters";
import { canAddActions } from "@/lib/actions/edit-queries";
import { listActions, listChampionOrganizations } from "@/lib/actions/queries";
import { requireUser } from "@/lib/auth/session";
import { formatCount } from "@/lib/format";
import { loadPlanOr404 } from "@/lib/plans/load";
import { listSections, listWorkGroups } from "@/lib/plans/queries";

export const metadata: Metadata = { title: "Actions" };

type Props = { params: Promise<{ plan: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ActionsPage({ params, searchParams }: Props) {
  const [{ plan: slug }, query] = await Promise.all([params, searchParams]);
  const plan = await loadPlanOr404(slug);
  const filters = parseActionFilters(query);
  const { rows, total, page, pageCount, champions } = listActions(plan.id, filters);
  const sections = listSections(plan.id).filter((s) => !s.retiredAt);
  const canAdd = canAddActions(await requireUser(), plan.id);
  const depth = (id: number | null): number => (id === null ? 0 : 1 + depth(sections.find((s) => s.id === id)?.parentId ?? null));
  const base = `/plans/${plan.slug}/actions`;
  const first = total === 0 ? 0 : (page - 1) * PAGE_SIZE + 1;
  const last = Math.min(total, page * PAGE_SIZE);
  const isFiltered = Boolean(filters.section || filters.group || filters.org || filters.status || filters.priority || filters.retired || filters.q);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1>Actions</h1>
        {canAdd && <Link href={`/plans/${plan.slug}/actions/new`}>Add an action</Link>}
      </div>
      <ActionFilterForm
        key={filtersToQuery(filters)}
        action={base}
        filters={filters}
        sections={orderAsTree(sections).map((s) => ({ value: s.key, label: `${"\u2003".repeat(depth(s.parentId))}${s.title}` }))}
        groups={listWorkGroups(plan.id).map((g) => ({ value: g.key, label: g.name }))}
        organizations={listChampionOrganizations(plan.id).map((o) => ({ value: o.slug, label: o.name }))}
      />
      <p role="status" className="text-sm text-slate-800">
        {total === 0 ? "No actions match." : `Showing ${formatCount(first)}–${formatCount(last)} of ${formatCount(total)} action${total === 1 ? "" : "s"}${isFiltered ? " matching the filters" : ""}.`}
      </p>
      {total > 0 && <DownloadLinks href={`${base}/export`} params={Object.fromEntries(new URLSearchParams(filtersToQuery({ ...filters, page: 1 })))} what={isFiltered ? `the ${formatCount(total)} matching actions` : `all ${formatCount(total)} actions`} />}
      {total === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-700">
          <p>No actions match these filters.</p>
          {isFiltered && (
            <p className="mt-2">
              <Link href={base}>Clear the filters</Link> to see every action.
            </p>
          )}
        </div>
      ) : (
        <ActionTable rows={rows} champions={champions} caption="Actions" />
      )}
      <Pagination page={page} pageCount={pageCount} hrefFor={(n) => `${base}${filtersToQuery({ ...filters, page: n })}`} />
    </div>
  );
}

// Depth-first order so nested sections appear under their parent in the select.
function orderAsTree<T extends { id: number; parentId: number | null }>(all: T[]): T[] {
  const out: T[] = [];
  const visit = (parentId: number | null) => {
    for (const s of all) {
      if (s.parentId !== parentId) continue;
      out.push(s);
      visit(s.id);
    }
  };
  visit(null);
  return out;
}
