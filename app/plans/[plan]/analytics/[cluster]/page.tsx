import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AnalyticsControls } from "@/components/analytics/analytics-controls";
import { DataTable } from "@/components/analytics/data-table";
import { dollars, jobs, percent, quotient } from "@/components/analytics/format";
import { AnalyticsMethod } from "@/components/analytics/method";
import { MetricChart } from "@/components/metrics/metric-chart";
import { DownloadLinks } from "@/components/spreadsheets/download-links";
import { analyticsView, industryTitles } from "@/lib/analytics/queries";
import { clusterTables, NOT_DECOMPOSABLE } from "@/lib/analytics/views";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { loadPlanOr404 } from "@/lib/plans/load";

export const metadata: Metadata = { title: "Cluster employment" };

type Props = { params: Promise<{ plan: string; cluster: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const TABLE_TITLES = ["Employment by year", "By area", "By value-chain component", "Shift-share by industry"];

// One cluster's analytics (issue #7): its trend, its counties, its
// concentration and growth against the reference area, its shift-share and
// how much of it BLS disclosed.
export default async function ClusterAnalyticsPage({ params, searchParams }: Props) {
  const { plan: slug, cluster: key } = await params;
  const plan = await loadPlanOr404(slug);
  const query = await searchParams;
  const { figures, year, estimate } = analyticsView(plan.id, query);
  const cluster = figures.setup.clusters.find((c) => c.key === key);
  if (!cluster) notFound();
  const manage = can(await requireUser(), "analytics.manage");
  const base = `/plans/${plan.slug}/analytics`;
  const f = figures.clusters.find((c) => c.key === key);
  const titles = industryTitles(cluster.codes.map((c) => c.code));
  const areaTitles = new Map(figures.setup.areas.map((a) => [a.code, a.title]));
  const tables = f && year !== null ? clusterTables(figures, key, year, (c) => areaTitles.get(c) ?? c, (c) => titles.get(c) ?? "") : [];
  const at = f && year !== null ? f.years[figures.years.indexOf(year)]!.region : null;
  const lq = year !== null ? (figures.lq[key]?.[figures.years.indexOf(year)] ?? null) : null;
  const shift = figures.shiftShare[key] ?? null;
  const download = (table: number) => ({ year: year === null ? undefined : String(year), estimate: estimate ? "1" : undefined, cluster: key, table: String(table) });

  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href={base}>All clusters</Link>
      </p>
      <header className="space-y-2">
        <h1>{cluster.title}: cluster employment</h1>
        {at && year !== null ? (
          <p className="max-w-3xl text-slate-800">
            In {year}: <strong>{jobs(at.employment)} jobs</strong> in {jobs(at.establishments)} establishments across {figures.setup.areas.length} areas, paying {dollars(at.annualPay)} a year on average
            {lq?.lq != null ? (
              <>
                ; location quotient <strong>{quotient(lq.lq)}</strong> against {figures.setup.reference?.title}
              </>
            ) : null}
            . BLS disclosed the employment of {percent(at.coverage)} of these establishments
            {at.partial ? `; the jobs of ${at.suppressedCells} suppressed cells are left out, so the figure is a lower bound` : at.estimated ? "; the suppressed cells' jobs are estimated" : ""}.
          </p>
        ) : (
          <p>No employment data has been imported for this plan&apos;s region yet.</p>
        )}
      </header>

      {f && year !== null && at ? (
        <>
          <AnalyticsControls action={`${base}/${key}`} years={figures.years} year={year} estimate={estimate} />
          <section aria-labelledby="trend-heading" className="space-y-3">
            <h2 id="trend-heading">Employment by year</h2>
            <MetricChart
              id="cluster-trend"
              series={{
                title: `${cluster.title} cluster employment${estimate ? " (with estimates)" : ""}`,
                unit: "jobs",
                unitLabel: null,
                frequency: "annual",
                actuals: f.years.map((y) => ({ label: String(y.year), date: `${y.year}-12-31`, value: Math.round(y.region.employment) })),
                baseline: null,
                targetPath: [],
              }}
            />
            <DownloadLinks href={`${base}/export`} params={download(0)} what="employment by year" />
            <DataTable table={tables[0]!} caption={`${cluster.title}: employment, change, coverage and location quotient by year`} />
          </section>

          {tables.slice(1, 3).map((t, i) => (
            <section key={t.sheetName} aria-labelledby={`table-${i + 1}`} className="space-y-3">
              <h2 id={`table-${i + 1}`}>
                {TABLE_TITLES[i + 1]}, {year}
              </h2>
              <DownloadLinks href={`${base}/export`} params={download(i + 1)} what={TABLE_TITLES[i + 1]!.toLowerCase()} />
              {t.rows.length ? <DataTable table={t} caption={`${cluster.title}: ${TABLE_TITLES[i + 1]!.toLowerCase()}, ${year}`} /> : <p className="text-sm text-slate-700">This cluster has no value-chain components.</p>}
            </section>
          ))}

          <section aria-labelledby="shift-heading" className="space-y-3">
            <h2 id="shift-heading">Shift-share{shift ? `, ${shift.fromYear} to ${shift.toYear}` : ""}</h2>
            {shift ? (
              <>
                <p className="max-w-3xl text-slate-800">
                  Of the change of {jobs(shift.to.employment - shift.from.employment)} jobs, the industries that could be split account for {jobs(shift.decomposed.change)}: {jobs(shift.decomposed.national)} from the reference area&apos;s overall growth, {jobs(shift.decomposed.industryMix)} from
                  the industries&apos; own growth there, and <strong>{jobs(shift.decomposed.regional)} regional (competitive) shift</strong>.
                  {shift.notDecomposable.length > 0 ? ` ${shift.notDecomposable.length} industries could not be split (see the last column).` : ""}
                </p>
                <DownloadLinks href={`${base}/export`} params={download(3)} what="the shift-share table" />
                <DataTable table={tables[3]!} caption={`${cluster.title}: shift-share by industry, ${shift.fromYear} to ${shift.toYear}`} />
              </>
            ) : (
              <p className="text-sm text-slate-700">
                {!figures.referenceHasData
                  ? `Shift-share needs the reference area's data (${figures.setup.reference?.title ?? "no reference area set"}); import its files like any other.`
                  : "Shift-share needs two complete years of data."}{" "}
                Reasons an industry may not be split: {Object.values(NOT_DECOMPOSABLE).join("; ")}.
              </p>
            )}
          </section>
        </>
      ) : null}

      <section aria-labelledby="codes-heading" className="space-y-2">
        <h2 id="codes-heading">Industries in this cluster</h2>
        {manage ? (
          <p className="text-sm">
            <Link href={`${base}/${key}/definition`}>Edit the definition</Link>
          </p>
        ) : null}
        {cluster.isStartingPoint ? <p className="text-sm text-slate-800">These codes are the shipped starting point, to be adjusted by the plan&apos;s staff.</p> : null}
        {cluster.note ? <p className="max-w-3xl text-sm text-slate-800">{cluster.note}</p> : null}
        <ul className="list-disc pl-5 text-sm">
          {cluster.codes.map((c) => (
            <li key={c.code}>
              <span className="font-mono">{c.code}</span> {titles.get(c.code) ?? ""}
              {c.component ? <span className="text-slate-700"> ({c.component})</span> : null}
            </li>
          ))}
        </ul>
      </section>
      <AnalyticsMethod />
    </div>
  );
}
