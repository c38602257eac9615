import { useId } from "react";
import { X_TICK_LENGTH, buildChart, type ChartSeriesInput, type ChartSize } from "@/lib/metrics/chart";
import { CHART_COLORS as C } from "./chart-colors";
import { MetricChartLegend } from "./metric-chart-legend";
import { MetricChartTable } from "./metric-chart-table";

// A metric's actuals, target path and baseline as a server-rendered SVG. No
// client script: the legend is plain markup and the data table opens with a
// native <details>. The SVG scales to its column (viewBox) but stops growing
// at MAX_WIDTH so its text does not balloon on wide screens; strokes keep their
// width whatever the scale (non-scaling-stroke).

const MAX_WIDTH = 560;
const MAX_DOTS = 24;
const stroke = { fill: "none", vectorEffect: "non-scaling-stroke" } as const;

export function MetricChart({ series, id, size }: { series: ChartSeriesInput; id?: string; size?: ChartSize }) {
  const reactId = useId();
  const base = id ?? `metric-chart-${reactId.replace(/[^a-zA-Z0-9_-]/g, "")}`;
  if (series.actuals.length === 0 && series.targetPath.length === 0) {
    return <p className="text-sm text-slate-700">No measurements yet.</p>;
  }

  const g = buildChart(series, size);
  const { plot } = g;
  const titleId = `${base}-title`;
  const descId = `${base}-desc`;
  return (
    <figure className="space-y-2">
      <figcaption>
        {/* The figure's accessible name: the metric, then the legend. */}
        <span className="sr-only">{series.title}. </span>
        <MetricChartLegend actual={g.points.length > 0} target={g.targetPath !== ""} baseline={g.baseline !== null} />
      </figcaption>
      <svg
        viewBox={`0 0 ${g.width} ${g.height}`}
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descId}
        style={{ display: "block", width: "100%", maxWidth: MAX_WIDTH, height: "auto" }}
        fontSize={g.fontSize}
        fill={C.text}
      >
        <title id={titleId}>{g.title}</title>
        <desc id={descId}>{g.description}</desc>

        {g.yTicks.map((t) => (
          <g key={t.value}>
            <line x1={plot.left} x2={plot.right} y1={t.y} y2={t.y} stroke={t.zero ? C.axis : C.grid} strokeWidth={1} {...stroke} />
            <text x={g.yLabelX} y={t.y} dy="0.32em" textAnchor="end">
              {t.label}
            </text>
          </g>
        ))}
        {g.yAxisTitle && (
          <text x={0} y={g.fontSize} fontWeight={600}>
            {g.yAxisTitle}
          </text>
        )}

        <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} stroke={C.axis} strokeWidth={1} {...stroke} />
        {g.xTicks.map((t) => (
          <g key={t.date}>
            <line x1={t.x} x2={t.x} y1={plot.bottom} y2={plot.bottom + X_TICK_LENGTH} stroke={C.axis} strokeWidth={1} {...stroke} />
            <text x={t.x} y={g.xLabelY} textAnchor="middle">
              {t.label}
            </text>
          </g>
        ))}

        {g.targetPath && <path d={g.targetPath} stroke={C.target} strokeWidth={2} strokeDasharray="6 4" {...stroke} />}
        {g.actualPath && <path d={g.actualPath} stroke={C.actual} strokeWidth={2.5} strokeLinejoin="round" {...stroke} />}
        {/* A dot per value while they stay apart; a long series is its line, with the latest value marked. */}
        <g fill={C.actual} stroke="#fff" strokeWidth={1.5} vectorEffect="non-scaling-stroke">
          {(g.points.length <= MAX_DOTS ? g.points : g.points.slice(-1)).map((p) => (
            <circle key={p.date} cx={p.x} cy={p.y} r={4} />
          ))}
        </g>
        {g.baseline && (
          <path
            d={`M${g.baseline.x} ${g.baseline.y - 6} L${g.baseline.x + 6} ${g.baseline.y} L${g.baseline.x} ${g.baseline.y + 6} L${g.baseline.x - 6} ${g.baseline.y} Z`}
            fill="#fff"
            stroke={C.baseline}
            strokeWidth={2}
            vectorEffect="non-scaling-stroke"
          />
        )}
      </svg>
      <MetricChartTable series={series} />
    </figure>
  );
}
