import type { EmploymentFigure } from "@/lib/analytics/figure";
import { percent } from "./format";

// How much of a figure BLS disclosed: the share of its establishments whose
// employment is published, and whether the jobs of the rest are left out
// (partial) or estimated. Never hidden: a figure without it would mislead.
export function CoverageCell({ figure }: { figure: EmploymentFigure }) {
  const note = figure.estimated ? "suppressed cells estimated" : figure.partial ? `${figure.suppressedCells} suppressed cells left out` : "all disclosed";
  return (
    <td className="px-3 py-2 text-right tabular-nums">
      {percent(figure.coverage)}
      <span className="block text-xs text-slate-700">{note}</span>
      {!figure.complete ? <span className="block text-xs text-amber-800">incomplete year ({figure.months} months)</span> : null}
    </td>
  );
}
