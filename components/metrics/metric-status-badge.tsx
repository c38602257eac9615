import { METRIC_STATUS_LABELS, type MetricStatus } from "@/lib/metrics/status";

// Text and colour together (never colour alone); all pairs meet WCAG AA.
const STYLES: Record<MetricStatus, string> = {
  on_track: "border-green-700 bg-green-50 text-green-900",
  behind: "border-amber-700 bg-amber-50 text-amber-950",
  off_track: "border-red-700 bg-red-50 text-red-900",
  no_target: "border-slate-500 bg-slate-50 text-slate-800",
  no_data: "border-slate-500 bg-white text-slate-800",
};

export function MetricStatusBadge({ status, stale = false }: { status: MetricStatus; stale?: boolean }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <span className={`rounded border px-2 py-0.5 text-xs font-semibold ${STYLES[status]}`}>{METRIC_STATUS_LABELS[status]}</span>
      {stale && <span className="rounded border border-purple-700 bg-purple-50 px-2 py-0.5 text-xs font-semibold text-purple-900">Stale</span>}
    </span>
  );
}
