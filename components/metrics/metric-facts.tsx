import Link from "next/link";
import type { Metric } from "@/db/schema";
import { readInterimTargets } from "@/lib/metrics/interim";
import { formatValue, unitName } from "@/lib/metrics/units";
import type { AttachedTo } from "@/lib/metrics/queries";

const date = (iso: string | null) => iso ?? "";

// The definition of a metric as a description list: what a board member needs
// to read a figure (unit, direction, baseline, target, source, owner).
export function MetricFacts({ metric, attached, owner, owningGroup }: { metric: Metric; attached: AttachedTo; owner: string | null; owningGroup: { name: string } | null }) {
  const v = (n: number) => formatValue(n, metric.unit, metric.unitLabel);
  const interim = readInterimTargets(metric.interimTargets);
  const rows: [string, React.ReactNode][] = [
    ["Attached to", attached.href ? <Link href={attached.href}>{attached.label}</Link> : attached.label],
    ["Unit", unitName(metric.unit, metric.unitLabel)],
    ["Good direction", metric.direction === "up" ? "Up (higher is better)" : "Down (lower is better)"],
    ["Measured", metric.frequency === "annual" ? "Every year" : "Every quarter"],
    ["Baseline", metric.baselineValue !== null ? `${v(metric.baselineValue)} on ${date(metric.baselineDate)}` : "None"],
    ["Target", metric.targetValue !== null ? `${v(metric.targetValue)} by ${date(metric.targetDate)}` : "None"],
  ];
  if (interim.length) rows.push(["Interim targets", interim.map((t) => `${v(t.value)} by ${t.date}`).join("; ")]);
  if (metric.targetValue !== null) rows.push(["Tolerance", `Up to ${metric.tolerancePercent}% short of the target path counts as behind; more is off track`]);
  rows.push(["Data source", metric.source ?? "Not given"]);
  if (metric.method) rows.push(["Method", metric.method]);
  rows.push(["Owner", [owner, metric.ownerPerson].filter(Boolean).join(" · ") || "Not given"]);
  rows.push(["Owning work group", owningGroup?.name ?? "None: staff manage it"]);
  return (
    <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
      {rows.map(([term, detail]) => (
        <div key={term} className="contents">
          <dt className="font-medium text-slate-900">{term}</dt>
          <dd className="text-slate-800">{detail}</dd>
        </div>
      ))}
    </dl>
  );
}
