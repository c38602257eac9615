import Link from "next/link";
import { chartInput, type OverviewRow } from "@/lib/metrics/queries";
import { formatValue } from "@/lib/metrics/units";
import { MetricStatusBadge } from "./metric-status-badge";
import { Sparkline } from "./sparkline";

// One row per metric: what it is, where it belongs, its status with the
// figures behind it, and a sparkline of its values against the target path.
export function MetricOverviewTable({ rows, planSlug }: { rows: OverviewRow[]; planSlug: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[44rem] border-collapse bg-white text-sm">
        <caption className="sr-only">Metrics with their latest value, status and trend</caption>
        <thead>
          <tr className="border-b border-slate-300 text-left">
            <th scope="col" className="p-2">Metric</th>
            <th scope="col" className="p-2">Status</th>
            <th scope="col" className="p-2">Latest value</th>
            <th scope="col" className="p-2">Trend</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ metric, judgement, attached, points }) => (
            <tr key={metric.id} className="border-b border-slate-200 align-top">
              <th scope="row" className="p-2 text-left font-normal">
                <Link href={`/plans/${planSlug}/metrics/${metric.key}`} className="font-medium">
                  {metric.name}
                </Link>
                <p className="text-xs text-slate-700">{attached.label}</p>
              </th>
              <td className="p-2">
                <MetricStatusBadge status={judgement.status} stale={judgement.stale} />
                {(judgement.expected !== null || (!judgement.latest && metric.baselineValue !== null)) && <p className="mt-1 text-xs text-slate-800">{judgement.summary}</p>}
              </td>
              <td className="p-2 tabular-nums">{judgement.latest ? `${formatValue(judgement.latest.value, metric.unit, metric.unitLabel)} (${judgement.latest.label})` : "None yet"}</td>
              <td className="p-2">{points.length > 0 ? <Sparkline series={chartInput(metric, points)} /> : <span className="text-xs text-slate-700">No values</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
