import type { MetricFrequency, MetricUnit } from "@/db/schema/enums";

// What a metric chart draws: the same shape for pages, reports and PDFs.
export interface ChartSeriesInput {
  title: string;
  unit: MetricUnit;
  unitLabel: string | null;
  frequency: MetricFrequency;
  actuals: { label: string; date: string; value: number }[];
  baseline: { date: string; value: number } | null;
  targetPath: { date: string; value: number }[];
}
