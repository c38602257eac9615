import Link from "next/link";
import type { MetricStatusCounts, StatusFilter } from "@/lib/metrics/queries";
import { METRIC_STATUS_LABELS } from "@/lib/metrics/status";
import { formatCount, plural } from "@/lib/format";

// The dashboard's metrics panel: how many metrics stand where, each count a
// link to the overview filtered to them. Stale cuts across the statuses, so it
// comes last and is counted on its own.
const SHOWN: { filter: StatusFilter; label: string }[] = [
  { filter: "on_track", label: METRIC_STATUS_LABELS.on_track },
  { filter: "behind", label: METRIC_STATUS_LABELS.behind },
  { filter: "off_track", label: METRIC_STATUS_LABELS.off_track },
  { filter: "no_target", label: METRIC_STATUS_LABELS.no_target },
  { filter: "no_data", label: METRIC_STATUS_LABELS.no_data },
  { filter: "stale", label: "Stale" },
];

export function MetricStatusCounts({ counts, planSlug }: { counts: MetricStatusCounts; planSlug: string }) {
  const overview = `/plans/${planSlug}/metrics`;
  return (
    <section aria-labelledby="metrics-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="metrics-heading">Metrics</h2>
        <Link href={overview} className="text-sm">
          See all {plural(counts.total, "metric")}
        </Link>
      </div>
      {counts.total === 0 ? (
        <p className="mt-2 text-slate-700">This plan has no metrics yet.</p>
      ) : (
        <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
          {SHOWN.map(({ filter, label }) => (
            <div key={filter} className="rounded border border-slate-200 p-3">
              <dt className="text-sm text-slate-700">{label}</dt>
              <dd className="mt-1 text-xl font-semibold">
                <Link href={`${overview}?status=${filter}`}>
                  {formatCount(counts[filter])}
                  <span className="sr-only">
                    {" "}
                    {counts[filter] === 1 ? "metric" : "metrics"} {label.toLowerCase()}: list them
                  </span>
                </Link>
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
