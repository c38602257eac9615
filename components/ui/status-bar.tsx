import { ACTION_STATUSES, type ActionStatus } from "@/db/schema/enums";
import { STATUS_LABELS, formatCount } from "@/lib/format";
import { STATUS_STYLES } from "./status-badge";

// A stacked bar of action statuses. The bar itself is decorative: the same
// numbers are always printed beside it as text for screen readers and print.
export function StatusBar({ counts, total }: { counts: Record<ActionStatus, number>; total: number }) {
  return (
    <div>
      <div className="flex h-3 w-full overflow-hidden rounded-full bg-slate-200" aria-hidden="true">
        {total > 0 &&
          ACTION_STATUSES.filter((s) => counts[s] > 0).map((s) => (
            <div key={s} className={STATUS_STYLES[s].bar} style={{ width: `${(counts[s] / total) * 100}%` }} />
          ))}
      </div>
      <ul className="mt-2 flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-700">
        {ACTION_STATUSES.filter((s) => counts[s] > 0).map((s) => (
          <li key={s} className="flex items-center gap-1">
            <span className={`inline-block h-2 w-2 rounded-full ${STATUS_STYLES[s].bar}`} aria-hidden="true" />
            {STATUS_LABELS[s]}: {formatCount(counts[s])}
          </li>
        ))}
        {total === 0 && <li>No actions yet</li>}
      </ul>
    </div>
  );
}

export function PercentBar({ percent, label }: { percent: number; label: string }) {
  return (
    <div className="flex items-center gap-2">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-2 w-24 overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full bg-blue-700" style={{ width: `${percent}%` }} />
      </div>
      <span className="text-xs text-slate-700">{percent}%</span>
    </div>
  );
}
