import { buildSparkline, type ChartSeriesInput, type ChartSize } from "@/lib/metrics/chart";
import { CHART_COLORS as C } from "./chart-colors";

// A word-sized trend for lists: the actuals over a thin dashed target path.
// It names itself ("1,100 to 1,180 jobs, 2013–2016") unless the caller already
// says the same in text nearby and passes `decorative`.

export function Sparkline({ series, decorative = false, size }: { series: ChartSeriesInput; decorative?: boolean; size?: ChartSize }) {
  const g = buildSparkline(series, size);
  const a11y = decorative ? { "aria-hidden": true } : { role: "img", "aria-label": g.label };
  return (
    <svg viewBox={`0 0 ${g.width} ${g.height}`} width={g.width} height={g.height} focusable="false" className="inline-block align-middle" {...a11y}>
      {g.targetPath && <path d={g.targetPath} fill="none" stroke={C.target} strokeWidth={1} strokeDasharray="3 2" vectorEffect="non-scaling-stroke" />}
      {g.actualPath && <path d={g.actualPath} fill="none" stroke={C.actual} strokeWidth={1.5} strokeLinejoin="round" vectorEffect="non-scaling-stroke" />}
      {g.last && <circle cx={g.last.x} cy={g.last.y} r={2} fill={C.actual} />}
    </svg>
  );
}
