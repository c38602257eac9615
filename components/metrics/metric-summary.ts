import type { MetricJudgement } from "@/lib/metrics/status";

/** The judgement's figures as a sentence of their own: "Expected 1,240 jobs by 2014, actual 1,180 jobs, −4.8%." */
export function judgementSentence(j: Pick<MetricJudgement, "summary">): string {
  const s = j.summary.trim();
  return s ? `${s[0]!.toUpperCase()}${s.slice(1)}${s.endsWith(".") ? "" : "."}` : "";
}
