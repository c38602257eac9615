import type { Measurement, Metric } from "@/db/schema";
import { correctMeasurementAction } from "@/app/plans/[plan]/metrics/actions";
import { formatAuditTime } from "@/lib/editing/conflict";
import { formatExact, unitName } from "@/lib/metrics/units";
import { FoldedCorrectionForm } from "./folded-correction-form";

// The current values, newest period first. People who may record see a
// "Correct" button under each value that opens its form.
export function MeasurementTable({ metric, values, canCorrect }: { metric: Metric; values: { m: Measurement; enteredBy: string | null }[]; canCorrect: boolean }) {
  if (values.length === 0) return <p className="text-sm text-slate-700">No values recorded yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">Recorded values of {metric.name}, newest first</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-2 pr-4">Period</th>
            <th scope="col" className="py-2 pr-4">Value ({unitName(metric.unit, metric.unitLabel)})</th>
            <th scope="col" className="py-2 pr-4">Note and source</th>
            <th scope="col" className="py-2 pr-4">Entered</th>
          </tr>
        </thead>
        <tbody>
          {values.map(({ m, enteredBy }) => (
            // Keyed by period: after a correction the row (and its open form with the outcome message) stays in place.
            <tr key={m.periodLabel} className="border-b border-slate-200 align-top">
              <th scope="row" className="py-2 pr-4 font-medium">{m.periodLabel}</th>
              <td className="py-2 pr-4 tabular-nums">{formatExact(m.value)}</td>
              <td className="py-2 pr-4">
                {m.note && <p>{m.note}</p>}
                {m.source && <p className="text-slate-700">Source: {m.source}</p>}
                {m.correctionNote && <p className="text-slate-700">Corrected: {m.correctionNote}</p>}
              </td>
              <td className="py-2 pr-4">
                <p>
                  {enteredBy ?? "An import or script"}, {formatAuditTime(m.createdAt)}
                </p>
                {canCorrect && !metric.retiredAt && (
                  <FoldedCorrectionForm period={m.periodLabel} form={{ action: correctMeasurementAction, measurement: { id: m.id, value: m.value, note: m.note, source: m.source }, label: `the ${m.periodLabel} value of ${metric.name}` }} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
