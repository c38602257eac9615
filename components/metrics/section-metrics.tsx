import { metricsForSection } from "@/lib/metrics/queries";
import { plural } from "@/lib/format";
import { MetricCard } from "./metric-card";

// Charts are the heaviest thing on the page; past this many, the rest are one
// click away on the overview (as the section's action table links on to the
// action list).
const SHOWN = 20;

// A cluster or section page's metrics: its own, its sub-sections', its
// actions' and those of the work groups on it, each charted with its status.
// The overview filters by cluster (the top of the section tree), so a
// sub-section links to its cluster's list.
export function SectionMetrics({ plan, section, cluster }: { plan: { id: number; slug: string }; section: { id: number; title: string }; cluster: { id: number; title: string } }) {
  const items = metricsForSection(plan.id, section.id);
  const overview = `/plans/${plan.slug}/metrics?cluster=${cluster.id}`;
  return (
    <section aria-labelledby="metrics-heading" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="metrics-heading">Metrics</h2>
        <span className="text-sm text-slate-700">{plural(items.length, "metric")}</span>
      </div>
      {items.length === 0 ? (
        <p className="text-slate-700">No metric measures {section.title} yet.</p>
      ) : (
        <ul className="grid gap-4 lg:grid-cols-2">
          {items.slice(0, SHOWN).map((item) => (
            <MetricCard key={item.metric.id} item={item} planSlug={plan.slug} />
          ))}
        </ul>
      )}
      {items.length > 0 && (
        <p className="text-sm">
          {items.length > SHOWN && `Showing the first ${SHOWN}. `}
          <a href={overview}>{items.length > SHOWN ? `See every metric of ${cluster.title} in the metrics overview` : `Metrics overview for ${cluster.title}`}</a>
        </p>
      )}
    </section>
  );
}
