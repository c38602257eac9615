import Link from "next/link";
import { plural } from "@/lib/format";
import { metricsForSection } from "@/lib/metrics/queries";
import { formatValue } from "@/lib/metrics/units";
import { MetricCard } from "./metric-card";
import { METRIC_STATUS_LABELS } from "@/lib/metrics/status";

// Charts are the heaviest thing on the page (each carries its data table), so
// the first few are drawn and every metric is listed below them with its
// status and latest value; the overview has sparklines and filters for more.
const CHARTED = 4;
// The list below the charts stops here too, for the same reason; the overview pages through the rest.
const LISTED = 40;

// A cluster or section page's metrics: its own, its sub-sections', its
// actions' and those of the work groups on it. The overview filters by
// cluster (the top of the section tree), so a sub-section links to its
// cluster's list.
export function SectionMetrics({ plan, section, cluster }: { plan: { id: number; slug: string }; section: { id: number; title: string }; cluster: { id: number; title: string } }) {
  const { charted, all } = metricsForSection(plan.id, section.id, CHARTED);
  const overview = `/plans/${plan.slug}/metrics?cluster=${cluster.id}`;
  return (
    <section aria-labelledby="metrics-heading" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="metrics-heading">Metrics</h2>
        <span className="text-sm text-slate-700">{plural(all.length, "metric")}</span>
      </div>
      {all.length === 0 ? (
        <p className="text-slate-700">No metric measures {section.title} yet.</p>
      ) : (
        <ul className="grid gap-4 lg:grid-cols-2">
          {charted.map((item) => (
            <MetricCard key={item.metric.id} item={item} planSlug={plan.slug} />
          ))}
        </ul>
      )}
      {all.length > CHARTED && (
        <>
          <div className="overflow-x-auto">
            <table className="w-full min-w-[32rem] border-collapse bg-white text-sm">
              <caption className="p-2 text-left font-medium text-slate-900">
                {all.length > LISTED ? `The first ${LISTED} of ${all.length} metrics` : `All ${all.length} metrics`} of {section.title}; the first {CHARTED} are charted above
              </caption>
              <thead>
                <tr className="border-b border-slate-300 text-left">
                  <th scope="col" className="p-2">Metric</th>
                  <th scope="col" className="p-2">Status</th>
                  <th scope="col" className="p-2">Latest value</th>
                </tr>
              </thead>
              <tbody>
                {all.slice(0, LISTED).map(({ metric, judgement }) => (
                  <tr key={metric.id} className="border-b border-slate-200">
                    <th scope="row" className="p-2 text-left font-normal">
                      <Link href={`/plans/${plan.slug}/metrics/${metric.key}`} prefetch={false}>
                        {metric.name}
                      </Link>
                    </th>
                    <td className="p-2">
                      {METRIC_STATUS_LABELS[judgement.status]}
                      {judgement.stale && ", stale"}
                    </td>
                    <td className="p-2 tabular-nums">{judgement.latest ? `${formatValue(judgement.latest.value, metric.unit, metric.unitLabel)} (${judgement.latest.label})` : "None yet"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {all.length > LISTED && (
            <p className="text-sm">
              <a href={overview}>See all {all.length} metrics of {cluster.title} in the metrics overview</a>
            </p>
          )}
        </>
      )}
      {all.length > 0 && (
        <p className="text-sm">
          <a href={overview}>{`Metrics overview for ${cluster.title}`}</a>
        </p>
      )}
    </section>
  );
}
