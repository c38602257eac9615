import type { Metadata } from "next";
import { ActionButton } from "@/components/forms/action-button";
import { PeriodForm } from "@/components/periods/period-form";
import { ReportingSettingsForm } from "@/components/periods/reporting-settings-form";
import { requireReader } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { daysUntil, listPeriods } from "@/lib/periods/queries";
import { loadPlanOr404 } from "@/lib/plans/load";
import { createPeriodAction, makeCurrentAction, reportingSettingsAction, setPeriodStatusAction, updatePeriodAction } from "./actions";

export const metadata: Metadata = { title: "Reporting periods" };

const STATUS_TEXT = { planned: "Planned", open: "Open", closed: "Closed" } as const;

export default async function PeriodsPage({ params }: { params: Promise<{ plan: string }> }) {
  const plan = await loadPlanOr404((await params).plan);
  const user = await requireReader();
  const manage = can(user, "period.manage");
  const periods = listPeriods(plan.id);
  return (
    <div className="space-y-8">
      <header>
        <h1>Reporting periods</h1>
        <p className="mt-2 max-w-3xl text-slate-700">
          Each quarter, work group leads report on their actions by the period&apos;s update deadline. The current period is the one &ldquo;My quarter&rdquo; and the submission tracker show. A closed period takes no new updates except from staff.
        </p>
      </header>

      {periods.length === 0 ? (
        <p className="rounded border border-slate-200 bg-white p-4 text-slate-700">No reporting periods yet.{manage ? " Add the first one below." : " OCED staff add them."}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[40rem] border-collapse bg-white text-sm">
            <caption className="sr-only">Reporting periods, newest first</caption>
            <thead>
              <tr className="border-b border-slate-300 text-left">
                <th scope="col" className="p-2">Period</th>
                <th scope="col" className="p-2">Dates</th>
                <th scope="col" className="p-2">Update deadline</th>
                <th scope="col" className="p-2">State</th>
                {manage && <th scope="col" className="p-2">Manage</th>}
              </tr>
            </thead>
            <tbody>
              {periods.map((p) => {
                const days = daysUntil(p.deadline);
                return (
                  <tr key={p.id} className="border-b border-slate-200 align-top">
                    <th scope="row" className="p-2 text-left font-medium">
                      {p.label}
                      {p.isCurrent && <span className="ml-2 rounded bg-blue-100 px-2 py-0.5 text-xs font-medium text-blue-900">Current</span>}
                    </th>
                    <td className="p-2">
                      {p.startDate} to {p.endDate}
                    </td>
                    <td className="p-2">
                      <time dateTime={p.deadline}>{p.deadline}</time>
                      {p.status === "open" && <span className="block text-xs text-slate-700">{days >= 0 ? `${days} day${days === 1 ? "" : "s"} left` : `${-days} day${days === -1 ? "" : "s"} overdue`}</span>}
                    </td>
                    <td className="p-2">{STATUS_TEXT[p.status]}</td>
                    {manage && (
                      <td className="space-y-2 p-2">
                        <div className="flex flex-wrap gap-2">
                          {!p.isCurrent && (
                            <ActionButton action={makeCurrentAction} fields={{ periodId: p.id }}>
                              Make current<span className="sr-only"> {p.label}</span>
                            </ActionButton>
                          )}
                          {p.status !== "open" && (
                            <ActionButton action={setPeriodStatusAction} fields={{ periodId: p.id, status: "open" }}>
                              Open<span className="sr-only"> {p.label}</span>
                            </ActionButton>
                          )}
                          {p.status === "open" && (
                            <ActionButton action={setPeriodStatusAction} fields={{ periodId: p.id, status: "closed" }}>
                              Close<span className="sr-only"> {p.label}</span>
                            </ActionButton>
                          )}
                        </div>
                        <details>
                          <summary className="cursor-pointer text-sm text-blue-800 underline">
                            Edit<span className="sr-only"> {p.label}</span>
                          </summary>
                          <div className="mt-2">
                            <PeriodForm action={updatePeriodAction} period={p} idPrefix={`period-${p.id}`} />
                          </div>
                        </details>
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      {manage && (
        <>
          <section aria-labelledby="add-period" className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="add-period">Add a reporting period</h2>
            <div className="mt-3">
              <PeriodForm action={createPeriodAction} planId={plan.id} idPrefix="new-period" />
            </div>
          </section>
          <section aria-labelledby="settings" className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="settings">Reporting settings</h2>
            <div className="mt-3">
              <ReportingSettingsForm action={reportingSettingsAction} plan={plan} />
            </div>
          </section>
        </>
      )}
    </div>
  );
}
