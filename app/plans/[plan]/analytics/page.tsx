import type { Metadata } from "next";
import Link from "next/link";
import { AnalyticsControls } from "@/components/analytics/analytics-controls";
import { CoverageCell } from "@/components/analytics/coverage-cell";
import { AnalyticsMethod } from "@/components/analytics/method";
import { DASH, jobs, percent, quotient, signedJobs, signedPercent } from "@/components/analytics/format";
import { DownloadLinks } from "@/components/spreadsheets/download-links";
import { analyticsView } from "@/lib/analytics/queries";
import { OVERVIEW_SORTS, overviewRows, sortOverview, type OverviewSort } from "@/lib/analytics/views";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { loadPlanOr404 } from "@/lib/plans/load";

export const metadata: Metadata = { title: "Cluster employment" };

type Props = { params: Promise<{ plan: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// The region overview (issue #7): every cluster side by side for one year,
// sortable by size, share, growth, concentration and competitive shift.
export default async function AnalyticsPage({ params, searchParams }: Props) {
  const plan = await loadPlanOr404((await params).plan);
  const query = await searchParams;
  const { figures, year, estimate } = analyticsView(plan.id, query);
  const { setup } = figures;
  const base = `/plans/${plan.slug}/analytics`;
  const manage = can(await requireUser(), "analytics.manage");
  const sort: OverviewSort = OVERVIEW_SORTS.includes(query.sort as OverviewSort) ? (query.sort as OverviewSort) : "employment";
  const descending = query.dir ? query.dir === "desc" : sort !== "cluster";

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1>Cluster employment</h1>
        <p className="max-w-3xl text-slate-800">
          Jobs, growth, concentration and competitiveness of the plan&apos;s clusters, from the Bureau of Labor Statistics&apos; Quarterly Census of Employment and Wages (QCEW) for{" "}
          {setup.region ? <strong>{setup.region.name}</strong> : "the plan's region"}
          {setup.reference ? (
            <>
              , compared with <strong>{setup.reference.title}</strong>
            </>
          ) : null}
          . <a href="#method">How the figures are made</a>.
        </p>
        {manage ? (
          <p className="text-sm">
            <Link href={`${base}/settings`}>Region and cluster definitions</Link>
          </p>
        ) : null}
      </header>

      {!setup.region || setup.clusters.length === 0 ? (
        <p className="rounded border border-amber-300 bg-amber-50 p-4">This plan has no region or no cluster definitions yet, so there is nothing to compute.</p>
      ) : year === null ? (
        <p className="rounded border border-amber-300 bg-amber-50 p-4">
          No employment data has been imported for {setup.region.name} yet.{" "}
          {manage ? (
            <>
              Upload the region&apos;s BLS QCEW files on the <Link href="/admin/employment-data">Employment data</Link> page.
            </>
          ) : (
            "Staff import it from the Bureau of Labor Statistics' files."
          )}
        </p>
      ) : (
        <>
          <AnalyticsControls action={base} years={figures.years} year={year} estimate={estimate} keep={query.sort ? { sort, dir: descending ? "desc" : "asc" } : {}} />
          <ShareSummary figures={figures} year={year} />
          {setup.reference && !figures.referenceHasData ? (
            <p className="max-w-3xl text-sm text-slate-800">
              No data for the reference area, {setup.reference.title} ({setup.reference.code}), has been imported: location quotients and shift-share need its file, imported like the region&apos;s.
            </p>
          ) : null}
          <section aria-labelledby="clusters-heading" className="space-y-3">
            <h2 id="clusters-heading">
              Clusters in {year}
              {estimate ? " (with estimates)" : ""}
            </h2>
            <DownloadLinks href={`${base}/export`} params={{ year: String(year), estimate: estimate ? "1" : undefined }} what="the cluster table" />
            <ClusterTable rows={sortOverview(overviewRows(figures, year), sort, descending)} base={base} year={year} estimate={estimate} sort={sort} descending={descending} reference={setup.reference?.title ?? null} />
          </section>
        </>
      )}
      <AnalyticsMethod />
    </div>
  );
}

function ShareSummary({ figures, year }: { figures: ReturnType<typeof analyticsView>["figures"]; year: number }) {
  const share = figures.share[figures.years.indexOf(year)];
  if (!share) return null;
  return (
    <p className="max-w-3xl text-slate-800">
      In {year} the clusters held <strong>{percent(share.union.share)}</strong> of the region&apos;s {jobs(share.total.employment)} jobs, counting an industry that two clusters share once
      {share.overlaps.length > 0 ? <> ({percent(share.naive.share)} adding the clusters up)</> : null}. The plan put the figure at about 41% in 2010.
    </p>
  );
}

const HEADERS: { sort: OverviewSort; label: string; numeric: boolean }[] = [
  { sort: "cluster", label: "Cluster", numeric: false },
  { sort: "employment", label: "Employment", numeric: true },
  { sort: "share", label: "Share of jobs", numeric: true },
  { sort: "growth", label: "Growth", numeric: true },
  { sort: "lq", label: "Location quotient", numeric: true },
  { sort: "shift", label: "Competitive shift", numeric: true },
];

function ClusterTable({ rows, base, year, estimate, sort, descending, reference }: { rows: ReturnType<typeof overviewRows>; base: string; year: number; estimate: boolean; sort: OverviewSort; descending: boolean; reference: string | null }) {
  const keep = `year=${year}${estimate ? "&estimate=1" : ""}`;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm">
        <caption className="sr-only">
          Clusters in {year}: employment, share of the region&apos;s jobs, growth, location quotient{reference ? ` against ${reference}` : ""} and competitive shift. Sorted by {HEADERS.find((h) => h.sort === sort)!.label.toLowerCase()}, {descending ? "descending" : "ascending"}.
        </caption>
        <thead className="bg-slate-100 text-left">
          <tr>
            {HEADERS.map((h) => {
              const active = h.sort === sort;
              const nextDesc = active ? !descending : h.numeric;
              return (
                <th key={h.sort} scope="col" className={`px-3 py-2 ${h.numeric ? "text-right" : ""}`} aria-sort={active ? (descending ? "descending" : "ascending") : "none"}>
                  <Link href={`${base}?${keep}&sort=${h.sort}&dir=${nextDesc ? "desc" : "asc"}`} className="text-slate-900">
                    {h.label}
                    <span aria-hidden="true">{active ? (descending ? " ▼" : " ▲") : ""}</span>
                    <span className="sr-only">, sort {nextDesc ? "descending" : "ascending"}</span>
                  </Link>
                </th>
              );
            })}
            <th scope="col" className="px-3 py-2 text-right">
              Coverage
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className="border-t border-slate-200">
              <th scope="row" className="px-3 py-2 text-left font-medium">
                <Link href={`${base}/${r.key}?${keep}`}>{r.name}</Link>
              </th>
              <td className="px-3 py-2 text-right tabular-nums">{jobs(r.figure.employment)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{percent(r.share)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{r.growth ? `${signedJobs(r.growth.absolute)} (${signedPercent(r.growth.percent)}) since ${r.growth.fromYear}` : DASH}</td>
              <td className="px-3 py-2 text-right tabular-nums">{quotient(r.lq)}</td>
              <td className="px-3 py-2 text-right tabular-nums">
                {signedJobs(r.shift)}
                {r.shift !== null && r.shiftPartial ? <span className="block text-xs text-slate-700">some industries not split</span> : null}
              </td>
              <CoverageCell figure={r.figure} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
