import type { ActionStatus } from "@/db/schema/enums";
import { STATUS_LABELS } from "@/lib/format";

// Colours are paired with a text label (never colour alone) and meet 4.5:1.
export const STATUS_STYLES: Record<ActionStatus, { badge: string; bar: string }> = {
  not_started: { badge: "bg-slate-100 text-slate-800 ring-slate-300", bar: "bg-slate-400" },
  on_track: { badge: "bg-green-100 text-green-900 ring-green-300", bar: "bg-green-600" },
  at_risk: { badge: "bg-amber-100 text-amber-900 ring-amber-300", bar: "bg-amber-500" },
  off_track: { badge: "bg-red-100 text-red-900 ring-red-300", bar: "bg-red-600" },
  completed: { badge: "bg-blue-100 text-blue-900 ring-blue-300", bar: "bg-blue-700" },
  deferred: { badge: "bg-purple-100 text-purple-900 ring-purple-300", bar: "bg-purple-500" },
};

export function StatusBadge({ status }: { status: ActionStatus }) {
  return (
    <span className={`badge ${STATUS_STYLES[status].badge}`}>
      {STATUS_LABELS[status]}
    </span>
  );
}

export function PriorityBadge() {
  return (
    <span className="inline-flex items-center rounded-full bg-yellow-50 px-2 py-0.5 text-xs font-medium whitespace-nowrap text-yellow-900 ring-1 ring-yellow-400 ring-inset">
      Priority
    </span>
  );
}
