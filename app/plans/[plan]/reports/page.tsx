import type { Metadata } from "next";
import Link from "next/link";
import { CreateReportForm } from "@/components/reports/create-report-form";
import { requireReader } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { listPeriods } from "@/lib/periods/queries";
import { loadPlanOr404 } from "@/lib/plans/load";
import { listReports, type ReportListItem } from "@/lib/reports/queries";
import { createReportAction } from "./actions";

export const metadata: Metadata = { title: "Reports" };

const STATUS: Record<ReportListItem["status"], string> = { draft: "Draft", published: "Published", superseded: "Replaced by a corrected version" };
const day = (iso: string | null) => (iso ? iso.slice(0, 10) : "–");

// Quarterly reports to the Executive Committee. Board members see what was
// published (corrected editions included); staff also see and start drafts.
export default async function ReportsPage({ params }: { params: Promise<{ plan: string }> }) {
  const plan = await loadPlanOr404((await params).plan);
  const user = await requireReader();
  const manage = can(user, "report.manage");
  const reports = listReports(plan.id, manage);
  const withReport = new Set(reports.map((r) => r.periodId));
  const periods = manage ? listPeriods(plan.id).filter((p) => p.status !== "planned" && !withReport.has(p.id)) : [];
  const base = `/plans/${plan.slug}/reports`;
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1>Reports</h1>
        <p className="max-w-3xl text-slate-800">
          Quarterly progress reports to the Partnership&apos;s Executive Committee, compiled from the work groups&apos; updates and the metrics. A published report is frozen: it stays exactly as the board read it, and a correction is published as a new version.
        </p>
      </header>

      {manage && (
        <section aria-labelledby="start-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="start-heading">Start a report</h2>
          {periods.length === 0 ? (
            <p className="mt-2 text-slate-800">Every open or closed reporting period already has a report. Add or open a period on the Reporting periods page first.</p>
          ) : (
            <div className="mt-2">
              <CreateReportForm action={createReportAction} periods={periods} defaultPeriodId={periods.find((p) => p.isCurrent)?.id} />
            </div>
          )}
        </section>
      )}

      <section aria-labelledby="list-heading">
        <h2 id="list-heading">{manage ? "All reports" : "Published reports"}</h2>
        {reports.length === 0 ? (
          <p className="mt-2 text-slate-800">{manage ? "No reports yet." : "No report has been published yet."}</p>
        ) : (
          <div className="mt-2 overflow-x-auto">
            <table className="w-full border-collapse text-sm">
              <thead>
                <tr className="border-b-2 border-slate-400 text-left">
                  <th scope="col" className="px-2 py-1">Period</th>
                  <th scope="col" className="px-2 py-1">Report</th>
                  <th scope="col" className="px-2 py-1">Version</th>
                  <th scope="col" className="px-2 py-1">Status</th>
                  <th scope="col" className="px-2 py-1">Published</th>
                  <th scope="col" className="px-2 py-1 text-right">Acknowledged by</th>
                  <th scope="col" className="px-2 py-1 text-right">Comments</th>
                </tr>
              </thead>
              <tbody>
                {reports.map((r) => (
                  <tr key={r.id} className="border-b border-slate-200">
                    <th scope="row" className="px-2 py-1 text-left font-medium">{r.periodLabel}</th>
                    <td className="px-2 py-1">
                      <Link href={`${base}/${r.id}${r.status === "draft" ? "/edit" : ""}`}>{r.title}</Link>
                    </td>
                    <td className="px-2 py-1">{r.edition}</td>
                    <td className="px-2 py-1">{STATUS[r.status]}</td>
                    <td className="px-2 py-1">
                      {day(r.publishedAt)}
                      {r.publishedBy && <> by {r.publishedBy}</>}
                    </td>
                    <td className="px-2 py-1 text-right tabular-nums">{r.status === "draft" ? "–" : r.acknowledgements}</td>
                    <td className="px-2 py-1 text-right tabular-nums">{r.status === "draft" ? "–" : r.comments}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
