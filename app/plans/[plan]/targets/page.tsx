import Link from "next/link";
import type { Metadata } from "next";
import { formatUsd, plural } from "@/lib/format";
import { loadPlanOr404 } from "@/lib/plans/load";
import { listTargets, targetSortSchema, type TargetSort } from "@/lib/targets/queries";

export const metadata: Metadata = { title: "Economic development targets" };

type Props = { params: Promise<{ plan: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TargetsPage({ params, searchParams }: Props) {
  const [{ plan: slug }, query] = await Promise.all([params, searchParams]);
  const plan = await loadPlanOr404(slug);
  const sort = targetSortSchema.parse({ sort: query.sort, dir: query.dir });
  const { rows, total } = listTargets(plan.id, sort);
  const base = `/plans/${plan.slug}/targets`;

  return (
    <div className="space-y-4">
      <h1>Economic development targets</h1>
      <p className="max-w-3xl text-slate-800">
        Commodities that businesses in the region buy from outside it (“leakage”), and so the market support for new or expanded local businesses.
      </p>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-700">This plan has no economic development targets.</p>
      ) : (
        <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white" role="region" aria-label="Targets table" tabIndex={0}>
          <table className="w-full min-w-[32rem] text-left text-sm">
            <caption className="sr-only">
              {plural(rows.length, "target")}, sorted by {sort.sort === "amount" ? "market support" : "description"} {sort.dir === "asc" ? "ascending" : "descending"}
            </caption>
            <thead className="bg-slate-100 text-xs text-slate-800 uppercase">
              <tr>
                <SortHeader base={base} column="description" label="Description" sort={sort} />
                <th scope="col" className="px-3 py-2">
                  Clusters
                </th>
                <SortHeader base={base} column="amount" label="Market support" sort={sort} numeric />
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {rows.map((t) => (
                <tr key={t.id}>
                  <td className="px-3 py-2">{t.description}</td>
                  <td className="px-3 py-2 text-slate-800">
                    {t.sections.map((s, i) => (
                      <span key={s.key}>
                        {i > 0 && ", "}
                        <Link href={`/plans/${plan.slug}/sections/${s.key}`}>{s.title}</Link>
                      </span>
                    ))}
                  </td>
                  <td className="px-3 py-2 text-right font-mono tabular-nums">{formatUsd(t.marketSupportUsd)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot className="border-t-2 border-slate-300 font-semibold">
              <tr>
                <th scope="row" className="px-3 py-2 text-left" colSpan={2}>
                  Total ({plural(rows.length, "target")})
                </th>
                <td className="px-3 py-2 text-right font-mono tabular-nums">{formatUsd(total)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      {rows[0]?.source && <p className="text-xs text-slate-600">Source: {rows[0].source}</p>}
    </div>
  );
}

function SortHeader({ base, column, label, sort, numeric = false }: { base: string; column: TargetSort["sort"]; label: string; sort: TargetSort; numeric?: boolean }) {
  const active = sort.sort === column;
  // Clicking the active column flips the direction; a new column starts with its natural order.
  const nextDir = active ? (sort.dir === "asc" ? "desc" : "asc") : numeric ? "desc" : "asc";
  return (
    <th scope="col" className={`px-3 py-2 ${numeric ? "text-right" : ""}`} aria-sort={active ? (sort.dir === "asc" ? "ascending" : "descending") : "none"}>
      <Link href={`${base}?sort=${column}&dir=${nextDir}`} className="text-slate-900">
        {label}
        <span aria-hidden="true">{active ? (sort.dir === "asc" ? " ▲" : " ▼") : ""}</span>
        <span className="sr-only">, sort {nextDir === "asc" ? "ascending" : "descending"}</span>
      </Link>
    </th>
  );
}
