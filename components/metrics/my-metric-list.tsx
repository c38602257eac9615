import { recordMeasurementAction } from "@/app/plans/[plan]/metrics/actions";
import type { MyMetric } from "@/lib/metrics/my-quarter";
import { formatValue } from "@/lib/metrics/units";
import { FoldedMeasurementForm } from "./folded-measurement-form";
import { MetricStatusBadge } from "./metric-status-badge";
import { judgementSentence } from "./metric-summary";

// Metrics on "My quarter": where each stands and a form to record its next
// value. The page decides which forms start open (see app/my-quarter/page.tsx);
// of those, only metrics with a value due open, the way only updates still to
// write do.
export function MyMetricList({ items, planSlug, open, label }: { items: MyMetric[]; planSlug: string; open: boolean; label: string }) {
  return (
    <ul aria-label={label} className="space-y-2">
      {items.map(({ metric, judgement, entry }) => (
        <li key={metric.id} className="rounded border border-slate-200 bg-slate-50 p-3">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <a href={`/plans/${planSlug}/metrics/${metric.key}`} className="font-medium">
              {metric.name}
            </a>
            <MetricStatusBadge status={judgement.status} stale={judgement.stale} />
          </div>
          <p className="mt-1 text-sm text-slate-700">
            {judgement.latest ? (
              <>
                Latest: {formatValue(judgement.latest.value, metric.unit, metric.unitLabel)} in {judgement.latest.label}. {judgementSentence(judgement)}
              </>
            ) : (
              "No value recorded yet."
            )}
          </p>
          <FoldedMeasurementForm
            initiallyOpen={open && entry.due}
            form={{ action: recordMeasurementAction, metric: { id: metric.id, name: metric.name, unitHint: entry.unitHint }, periods: entry.periods, defaultPeriod: entry.defaultPeriod, idPrefix: `metric-${metric.id}` }}
          />
        </li>
      ))}
    </ul>
  );
}
