import { METRIC_STATUS_LABELS, type MetricStatus } from "@/lib/metrics/status";

// A metric's status against its target, in words and colour (never colour
// alone); dark text on pale fills keeps every pair above 4.5:1. "Stale" is a
// separate marker because a stale metric still has a status: the last known one.
export const METRIC_STATUS_STYLES: Record<MetricStatus, string> = {
  on_track: "bg-green-100 text-green-900 ring-green-300",
  behind: "bg-amber-100 text-amber-900 ring-amber-300",
  off_track: "bg-red-100 text-red-900 ring-red-300",
  no_target: "bg-slate-100 text-slate-800 ring-slate-300",
  no_data: "bg-white text-slate-800 ring-slate-400",
};

export function MetricStatusBadge({ status, stale = false }: { status: MetricStatus; stale?: boolean }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <span className={`badge ${METRIC_STATUS_STYLES[status]}`}>{METRIC_STATUS_LABELS[status]}</span>
      {stale && (
        <span className="badge bg-purple-50 text-purple-900 ring-purple-300">
          Stale<span className="sr-only">: no recent measurement</span>
        </span>
      )}
    </span>
  );
}
