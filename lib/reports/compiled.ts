import type { ActionStatus, ChampionRole } from "@/db/schema/enums";
import type { ChartSeriesInput } from "@/lib/metrics/chart";
import type { MetricStatus } from "@/lib/metrics/status";

// What a quarterly report shows, compiled from the plan's data for one
// reporting period (issue #6). It is plain JSON: a draft re-compiles it on
// demand, and publishing freezes a copy of it (with the staff's texts) as the
// report's snapshot, from which the web view, the PDF and the XLSX are drawn.

export type StatusCounts = Record<ActionStatus, number>;

export interface ReportAction {
  id: number;
  code: string;
  title: string | null;
  /** The action's text as the plan words it. */
  text: string;
  /** Status and percent as of the report's period: from the latest counted update with a period ending on or before it. */
  status: ActionStatus;
  percentComplete: number;
  /** This period's update, if any (its review state tells whether it counts). */
  update: { id: number; reviewState: "draft" | "submitted" | "accepted" | "returned"; narrative: string; authorName: string | null } | null;
  workGroup: string | null;
  isPriority: boolean;
}

export interface ReportMetric {
  key: string;
  name: string;
  status: MetricStatus;
  stale: boolean;
  /** The figures behind the status, as on the metric page. */
  summary: string;
  chart: ChartSeriesInput;
}

export interface ReportCluster {
  key: string;
  title: string;
  counts: StatusCounts;
  /** Change in each count since the previous period. */
  deltas: StatusCounts;
  actions: ReportAction[];
  metrics: ReportMetric[];
  champions: { name: string; role: ChampionRole; actions: number }[];
}

export interface CompiledReport {
  plan: { id: number; slug: string; title: string; region: string };
  period: { id: number; label: string; startDate: string; endDate: string };
  previousPeriod: { id: number; label: string } | null;
  /** When the data were read (ISO timestamp). */
  compiledAt: string;
  summary: {
    counts: StatusCounts;
    deltas: StatusCounts;
    totalActions: number;
    /** Actions with a submitted or accepted update for the period. */
    updated: number;
    metrics: Record<MetricStatus, number> & { stale: number; total: number };
  };
  /** The plan's priority actions ("few big things"). */
  priorities: ReportAction[];
  clusters: ReportCluster[];
  attention: {
    /** Off track or at risk as of the period. */
    atRisk: ReportAction[];
    /** No submitted or accepted update in this period nor in the previous one. */
    silentTwoPeriods: ReportAction[];
    staleMetrics: ReportMetric[];
  };
  /** Plan-level actions (the SJV "next steps"). */
  nextSteps: ReportAction[];
  appendix: { workGroups: { name: string; actions: number; updated: number }[] };
}
