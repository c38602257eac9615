import type { Measurement, Metric } from "@/db/schema";
import { formatAuditTime } from "@/lib/editing/conflict";
import { formatExact, unitName } from "@/lib/metrics/units";

// Values that a correction replaced: kept and shown, never overwritten.
export function CorrectionHistory({ metric, corrected, reasons }: { metric: Metric; corrected: { m: Measurement; enteredBy: string | null }[]; reasons: Map<number, string | null> }) {
  if (corrected.length === 0) return <p className="text-sm text-slate-700">No value has been corrected.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">Earlier values of {metric.name} that were corrected</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-2 pr-4">Period</th>
            <th scope="col" className="py-2 pr-4">Earlier value ({unitName(metric.unit, metric.unitLabel)})</th>
            <th scope="col" className="py-2 pr-4">Entered</th>
            <th scope="col" className="py-2 pr-4">Replaced</th>
            <th scope="col" className="py-2 pr-4">Why</th>
          </tr>
        </thead>
        <tbody>
          {corrected.map(({ m, enteredBy }) => (
            <tr key={m.id} className="border-b border-slate-200 align-top">
              <th scope="row" className="py-2 pr-4 font-medium">{m.periodLabel}</th>
              <td className="py-2 pr-4 tabular-nums">{formatExact(m.value)}</td>
              <td className="py-2 pr-4">
                {enteredBy ?? "An import or script"}, {formatAuditTime(m.createdAt)}
              </td>
              <td className="py-2 pr-4">{m.supersededAt ? formatAuditTime(m.supersededAt) : ""}</td>
              <td className="py-2 pr-4">{(m.supersededById && reasons.get(m.supersededById)) || ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
