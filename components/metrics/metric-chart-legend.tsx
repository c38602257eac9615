import { CHART_COLORS as C } from "./chart-colors";

// The key to the chart's marks. Each swatch repeats the mark's shape, not only
// its colour, so the key reads in greyscale print as well.

const swatch = { width: 28, height: 12, viewBox: "0 0 28 12", "aria-hidden": true, focusable: false } as const;

export function MetricChartLegend({ actual, target, baseline }: { actual: boolean; target: boolean; baseline: boolean }) {
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700">
      {actual && (
        <li className="flex items-center gap-1">
          <svg {...swatch}>
            <line x1={1} y1={6} x2={27} y2={6} stroke={C.actual} strokeWidth={2} />
            <circle cx={14} cy={6} r={3.5} fill={C.actual} />
          </svg>
          Actual
        </li>
      )}
      {target && (
        <li className="flex items-center gap-1">
          <svg {...swatch}>
            <line x1={1} y1={6} x2={27} y2={6} stroke={C.target} strokeWidth={2} strokeDasharray="6 4" />
          </svg>
          Target path
        </li>
      )}
      {baseline && (
        <li className="flex items-center gap-1">
          <svg {...swatch}>
            <path d="M14 1 L19 6 L14 11 L9 6 Z" fill="#fff" stroke={C.baseline} strokeWidth={2} />
          </svg>
          Baseline
        </li>
      )}
    </ul>
  );
}
