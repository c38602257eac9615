import type { ChartSeriesInput } from "@/lib/metrics/chart";
import { chartTableRows } from "@/lib/metrics/chart-text";
import { formatExact, unitName } from "@/lib/metrics/units";

// The chart's data as a table, behind a native <details> toggle (no script).
// Stored values are shown exactly; the target path's value is interpolated,
// so it is rounded to two decimals rather than showing float noise.

const expectedFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

export function MetricChartTable({ series }: { series: ChartSeriesInput }) {
  const rows = chartTableRows(series);
  const unit = unitName(series.unit, series.unitLabel);
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-blue-800 underline">Show the data as a table</summary>
      <div className="mt-2 overflow-x-auto">
        <table className="data-table">
          <caption className="p-2 text-left font-medium text-slate-900">
            {series.title}: actual values and the target path, in {unit}
          </caption>
          <thead>
            <tr className="border-b border-slate-300 text-left">
              <th scope="col" className="p-2">Period</th>
              <th scope="col" className="p-2 text-right">Actual ({unit})</th>
              <th scope="col" className="p-2 text-right">Target path ({unit})</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.kind}-${r.date}`}>
                <th scope="row">{r.heading}</th>
                <td>{r.actual === null ? "None" : formatExact(r.actual)}</td>
                <td>{r.expected === null ? "No target" : expectedFormat.format(r.expected)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
