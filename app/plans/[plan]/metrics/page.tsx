import type { Metadata } from "next";
import Link from "next/link";
import { inputClass } from "@/components/forms/fields";
import { MetricOverviewTable } from "@/components/metrics/metric-overview-table";
import { DownloadLinks } from "@/components/spreadsheets/download-links";
import { Pagination } from "@/components/ui/pagination";
import { requireReader } from "@/lib/auth/guards";
import { canAddMetrics } from "@/lib/metrics/edit-queries";
import { parseOverviewFilters } from "@/lib/metrics/filters";
import { getMetricsOverview, listRetiredMetrics, type StatusFilter } from "@/lib/metrics/queries";
import { METRIC_STATUS_LABELS, METRIC_STATUSES } from "@/lib/metrics/status";
import { listSections } from "@/lib/plans/queries";
import { loadPlanOr404 } from "@/lib/plans/load";

export const metadata: Metadata = { title: "Metrics" };

type Props = { params: Promise<{ plan: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const FILTER_LABELS: Record<StatusFilter, string> = { ...METRIC_STATUS_LABELS, stale: "Stale" };
const STATUS_FILTERS: StatusFilter[] = [...METRIC_STATUSES, "stale"];

// Every metric of the plan with its status and trend, filterable by cluster
// and status. Statuses are judged for all metrics; only the shown page reads
// full histories (for the sparklines).
export default async function MetricsPage({ params, searchParams }: Props) {
  const plan = await loadPlanOr404((await params).plan);
  const user = await requireReader();
  const query = await searchParams;
  const filters = parseOverviewFilters(query);
  const showRetired = query.retired === "1";
  const { rows, counts, matching, page, pages } = getMetricsOverview(plan, filters);
  const clusters = listSections(plan.id).filter((s) => s.parentId === null && !s.retiredAt);
  const base = `/plans/${plan.slug}/metrics`;
  const hrefWith = (extra: Record<string, string | null>) => {
    const all = { cluster: filters.cluster ? String(filters.cluster) : null, status: filters.status, ...extra };
    const q = new URLSearchParams(Object.entries(all).filter((e): e is [string, string] => Boolean(e[1])));
    return q.size ? `${base}?${q.toString()}` : base;
  };
  const clusterName = clusters.find((c) => c.id === filters.cluster)?.title;

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1>Metrics</h1>
        <p className="max-w-3xl text-slate-800">
          Whether the plan is working: each metric&apos;s latest value against the straight path from its baseline to its target. Within the tolerance short of the path is “behind”; further is “off track”. <a href="#how-status">How status is worked out</a>.
        </p>
        {canAddMetrics(user, plan.id) && (
          <p>
            <Link href={`${base}/new`}>Add a metric</Link>
          </p>
        )}
      </header>

      <section aria-labelledby="counts-heading">
        <h2 id="counts-heading">{clusterName ? `Status of the ${clusterName} metrics` : "Status of all metrics"}</h2>
        <ul className="mt-2 flex flex-wrap gap-2 text-sm">
          {STATUS_FILTERS.map((s) => (
            <li key={s}>
              <Link href={hrefWith({ status: s, page: null })} aria-current={filters.status === s ? "true" : undefined} className="inline-block rounded border border-slate-300 bg-white px-3 py-1">
                {FILTER_LABELS[s]}: <span className="font-semibold">{counts[s]}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <form method="get" action={base} role="search" aria-label="Filter the metrics" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3">
        <div>
          <label htmlFor="m-cluster" className="block text-sm font-medium">Cluster or section</label>
          <select id="m-cluster" name="cluster" defaultValue={filters.cluster ? String(filters.cluster) : ""} className={inputClass}>
            <option value="">All</option>
            {clusters.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="m-status" className="block text-sm font-medium">Status</label>
          <select id="m-status" name="status" defaultValue={filters.status ?? ""} className={inputClass}>
            <option value="">Any status</option>
            {STATUS_FILTERS.map((s) => (
              <option key={s} value={s}>
                {FILTER_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="flex items-end gap-3 pb-1">
          <button type="submit" className="rounded bg-blue-800 px-4 py-2 text-sm font-medium text-white hover:bg-blue-900">
            Apply
          </button>
          <Link href={base} className="text-sm">Clear</Link>
        </div>
      </form>

      <section aria-labelledby="list-heading" className="space-y-3">
        <h2 id="list-heading">
          {matching} {matching === 1 ? "metric" : "metrics"}
          {filters.status ? ` ${FILTER_LABELS[filters.status].toLowerCase()}` : ""}
        </h2>
        <DownloadLinks href={`${base}/export`} params={{ cluster: filters.cluster ? String(filters.cluster) : undefined, status: filters.status ?? undefined }} what="these metrics' values" />
        {rows.length > 0 ? <MetricOverviewTable rows={rows} planSlug={plan.slug} /> : <p className="text-slate-700">No metric matches these filters.</p>}
        <Pagination page={page} pageCount={pages} hrefFor={(n) => hrefWith({ page: String(n) })} />
      </section>

      <section aria-labelledby="retired-heading" className="space-y-2">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="retired-heading">Retired metrics</h2>
          <Link href={showRetired ? base : `${base}?retired=1#retired-heading`} className="text-sm">
            {showRetired ? "Hide retired metrics" : "Show retired metrics"}
          </Link>
        </div>
        {showRetired && <RetiredMetrics planId={plan.id} base={base} />}
      </section>

      <section aria-labelledby="how-status" className="max-w-3xl space-y-2 text-sm text-slate-800">
        <h2 id="how-status">How status is worked out</h2>
        <p>
          The target path runs in straight lines from the baseline through any interim targets to the target. At the end of the latest measured period, the path gives an expected value; the latest value is compared with it, taking the good direction (up or down) into account. At or beyond the
          expected value is <strong>on track</strong>; short of it by no more than the metric&apos;s tolerance (a percent of the expected value) is <strong>behind</strong>; further short is <strong>off track</strong>. Before the baseline date the baseline is expected, after the target
          date the target.
        </p>
        <p>
          A metric without a baseline and a target shows its values but is not judged (<strong>no target</strong>); one with no values has <strong>no data</strong>. A metric is <strong>stale</strong> when its latest value is for a period that ended more than six months ago (quarterly
          metrics) or two years ago (annual ones).
        </p>
      </section>
    </div>
  );
}

// Retired metrics keep their values; listed here so staff can open one and bring it back.
function RetiredMetrics({ planId, base }: { planId: number; base: string }) {
  const retired = listRetiredMetrics(planId);
  if (retired.length === 0) return <p className="text-sm text-slate-700">No metric of this plan is retired.</p>;
  return (
    <ul className="list-disc pl-5 text-sm">
      {retired.map((m) => (
        <li key={m.id}>
          <Link href={`${base}/${m.key}`}>{m.name}</Link> (retired {m.retiredAt!.slice(0, 10)})
        </li>
      ))}
    </ul>
  );
}
