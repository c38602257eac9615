import type { ChartedMetric } from "@/lib/metrics/queries";
import { MetricChart } from "./metric-chart";
import { MetricStatusBadge } from "./metric-status-badge";
import { judgementSentence } from "./metric-summary";

// One metric on an action or cluster page: its name (a link to its page), its
// status with the figures behind it, and its chart. A metric with neither
// values nor a target has nothing to draw, so it says so once, in words.
export function MetricCard({ item, planSlug, headingLevel = 3, children }: { item: ChartedMetric; planSlug: string; headingLevel?: 3 | 4; children?: React.ReactNode }) {
  const { metric, judgement, chart } = item;
  const Heading = `h${headingLevel}` as const;
  const nothingToDraw = chart.actuals.length === 0 && chart.targetPath.length === 0;
  return (
    <li className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Heading className="text-base font-semibold">
          <a href={`/plans/${planSlug}/metrics/${metric.key}`}>{metric.name}</a>
        </Heading>
        <MetricStatusBadge status={judgement.status} stale={judgement.stale} />
      </div>
      <p className="text-sm text-slate-700">{nothingToDraw ? "No values have been entered yet, and there is no target to chart." : judgementSentence(judgement)}</p>
      {!nothingToDraw && <MetricChart series={chart} id={`metric-${metric.id}-chart`} />}
      {children}
    </li>
  );
}
