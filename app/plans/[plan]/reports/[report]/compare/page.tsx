import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StatusBadge } from "@/components/ui/status-badge";
import { compareReports, getReport, previousPublishedReport } from "@/lib/reports/queries";
import { loadReportPage } from "../load";

export const metadata: Metadata = { title: "Compare reports" };

type Props = { params: Promise<{ plan: string; report: string }> };

// What changed since the previous report: each action whose status differs,
// both read from the two frozen snapshots, so the comparison never moves.
export default async function CompareReportsPage({ params }: Props) {
  const { plan, manage, report, period, content, base } = await loadReportPage(params);
  if (report.status === "draft") notFound();
  const previousRow = previousPublishedReport(report, period.startDate);
  const previous = previousRow ? getReport(plan.id, previousRow.id, manage) : null;
  const href = `${base}/${report.id}`;
  if (!previous) {
    return (
      <div className="space-y-4">
        <h1>Compare with the previous report</h1>
        <p>There is no earlier published report to compare {content.compiled.period.label} with.</p>
        <p>
          <Link href={href}>Back to the report</Link>
        </p>
      </div>
    );
  }
  const before = previous.content.compiled.period.label;
  const now = content.compiled.period.label;
  const { changed, unchanged } = compareReports(content.compiled, previous.content.compiled);
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1>
          Status changes: {before} to {now}
        </h1>
        <p className="text-slate-800">
          <Link href={href}>{content.title}</Link> compared with <Link href={`${base}/${previous.report.id}`}>{previous.content.title}</Link>. {changed.length} {changed.length === 1 ? "action changed" : "actions changed"} status; {unchanged} did not.
        </p>
      </header>
      {changed.length === 0 ? (
        <p>No action changed status.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-sm">
            <caption className="mb-1 text-left font-semibold">Actions whose status changed</caption>
            <thead>
              <tr className="border-b-2 border-slate-400 text-left">
                <th scope="col" className="px-2 py-1">Action</th>
                <th scope="col" className="px-2 py-1">Cluster</th>
                <th scope="col" className="px-2 py-1">{before}</th>
                <th scope="col" className="px-2 py-1">{now}</th>
                <th scope="col" className="px-2 py-1 text-right">% complete</th>
              </tr>
            </thead>
            <tbody>
              {changed.map((c) => (
                <tr key={c.actionId} className="border-b border-slate-200">
                  <th scope="row" className="px-2 py-1 text-left font-medium">
                    <Link href={`/actions/${c.actionId}`}>{c.code}</Link> {c.title}
                  </th>
                  <td className="px-2 py-1">{c.cluster ?? "Next steps"}</td>
                  <td className="px-2 py-1">{c.before ? <StatusBadge status={c.before} /> : "Not in that report"}</td>
                  <td className="px-2 py-1">
                    <StatusBadge status={c.after} />
                  </td>
                  <td className="px-2 py-1 text-right tabular-nums">
                    {c.percentBefore ?? "–"}% → {c.percentAfter}%
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
