import type { Metadata } from "next";
import Link from "next/link";
import { submitDraftsAction } from "@/app/updates/actions";
import { ActionButton } from "@/components/forms/action-button";
import { Pagination } from "@/components/ui/pagination";
import { MyMetricList } from "@/components/metrics/my-metric-list";
import { MyQuarterRowCard } from "@/components/updates/my-quarter-row";
import { GROUP_METRICS_PAGE_SIZE, myQuarterMetrics } from "@/lib/metrics/my-quarter";
import { requireUser } from "@/lib/auth/session";
import { daysUntil } from "@/lib/periods/queries";
import { listMyQuarter, listReturnedFor, quarterProgress } from "@/lib/updates/queries";

export const metadata: Metadata = { title: "My quarter" };

const PAGE_SIZE = 20;

// One page for a lead or contributor to report on every action of their work
// groups for the current period, in one sitting.
export default async function MyQuarterPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const query = await searchParams;
  const blocks = listMyQuarter(user, { pageSize: PAGE_SIZE, pageOf: (planId) => Number(query[`page-${planId}`]) || 1 });
  const returned = listReturnedFor(user.userId);
  return (
    <div className="space-y-8">
      <header>
        <h1>My quarter</h1>
        <p className="mt-2 max-w-3xl text-slate-700">Every action of the work groups you lead or belong to, and actions assigned to you, for the current reporting period. Save drafts as you go; submit each update, or all drafts at once.</p>
      </header>

      {returned.length > 0 && (
        <section aria-labelledby="returned-heading" className="rounded-lg border-2 border-red-300 bg-red-50 p-4">
          <h2 id="returned-heading">Returned to you for changes</h2>
          <ul className="mt-2 space-y-2 text-sm">
            {returned.map((r) => (
              <li key={r.id}>
                <a href={`/actions/${r.actionId}#updates-heading`} className="font-medium">
                  {r.code}: {r.title ?? r.text.slice(0, 80)}
                </a>{" "}
                ({r.periodLabel}) — <span className="text-red-900">{r.note}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {blocks.length === 0 && (
        <p className="rounded border border-slate-200 bg-white p-4 text-slate-700">
          {user.memberOf.length === 0 ? "You are not a member of any work group yet, and no actions are assigned to you. A work group lead or OCED staff can add you." : "None of your plans has a current reporting period. OCED staff open one on the plan's Reporting periods page."}
        </p>
      )}

      {blocks.map(({ plan, period, previous, all, rows: shown, page, pageCount }) => {
        const progress = quarterProgress(all);
        const drafts = all.flatMap((r) => (r.update?.reviewState === "draft" ? [`${r.update.id}@${r.update.version}`] : []));
        const days = daysUntil(period.deadline);
        // A usual lead has a dozen actions and sees them all with their forms
        // open. Someone answerable for a whole plan (hundreds) gets them 20 at
        // a time, with the forms folded but for the first still to do; the
        // progress count and "submit all drafts" always cover every action.
        const pageParam = `page-${plan.id}`;
        const needsWork = shown.filter((r) => r.update?.reviewState !== "submitted" && r.update?.reviewState !== "accepted").map((r) => r.id);
        const open = new Set(all.length <= PAGE_SIZE ? needsWork : needsWork.slice(0, 1));
        const groups = [...new Set(shown.map((r) => r.workGroupName ?? "Assigned to you"))];
        // Metric forms follow the same rule: all open (if a value is due) for
        // a usual list, folded behind a button for a whole plan's worth.
        const metricsOpen = all.length <= PAGE_SIZE;
        const groupPageParam = `group-metrics-${plan.id}`;
        const { byAction, groupMetrics, groupTotal, groupPage, groupPages } = myQuarterMetrics(user, plan.id, shown.map((r) => r.id), undefined, Number(query[groupPageParam]) || 1);
        const groupNames = [...new Set(groupMetrics.map((m) => m.groupName))];
        return (
          <section key={plan.id} aria-labelledby={`plan-${plan.id}`} className="space-y-4">
            <div className="rounded-lg border border-slate-200 bg-white p-4">
              <h2 id={`plan-${plan.id}`}>
                {period.label}: <Link href={`/plans/${plan.slug}`}>{plan.title}</Link>
              </h2>
              <p className="mt-1 text-sm text-slate-700">
                Updates due <time dateTime={period.deadline}>{period.deadline}</time> ({days >= 0 ? `${days} day${days === 1 ? "" : "s"} left` : `${-days} day${days === -1 ? "" : "s"} overdue`})
                {period.status !== "open" && ` · this period is ${period.status}`}
              </p>
              <p className="mt-3 text-lg font-semibold" role="status">
                {progress.done} of {progress.total} updated
              </p>
              <progress className="mt-1 h-2 w-full" max={progress.total} value={progress.done} aria-label={`${progress.done} of ${progress.total} actions updated`} />
              <p className="mt-1 text-sm text-slate-700">
                {progress.drafts} draft{progress.drafts === 1 ? "" : "s"} not yet submitted · {progress.returned} returned for changes
              </p>
              {drafts.length > 0 && (
                <div className="mt-3">
                  <ActionButton action={submitDraftsAction} fields={{ updateIds: drafts }} variant="primary">
                    Submit all {drafts.length} draft{drafts.length === 1 ? "" : "s"}
                  </ActionButton>
                </div>
              )}
            </div>
            {groups.map((g) => (
              <section key={g} aria-label={g} className="space-y-3">
                <h3 className="text-base font-semibold">{g}</h3>
                <ol className="space-y-3">
                  {shown
                    .filter((r) => (r.workGroupName ?? "Assigned to you") === g)
                    .map((r) => (
                      <MyQuarterRowCard key={r.id} row={r} period={period} previousLabel={previous?.label} initiallyOpen={open.has(r.id)}>
                        {byAction.has(r.id) && (
                          <div className="mt-4 border-t border-slate-200 pt-3">
                            <h4 className="text-sm font-semibold">
                              Metrics<span className="sr-only"> of {r.code}</span>
                            </h4>
                            <div className="mt-2">
                              <MyMetricList items={byAction.get(r.id)!} planSlug={plan.slug} open={metricsOpen} label={`Metrics of ${r.code}`} />
                            </div>
                          </div>
                        )}
                      </MyQuarterRowCard>
                    ))}
                </ol>
              </section>
            ))}
            <Pagination page={page} pageCount={pageCount} hrefFor={(n) => `/my-quarter?${pageParam}=${n}`} />
            {groupMetrics.length > 0 && (
              <section aria-labelledby={`group-metrics-${plan.id}`} className="space-y-3">
                <h3 id={`group-metrics-${plan.id}`} className="text-base font-semibold">
                  Your groups&apos; metrics{groupPages > 1 ? ` (${groupTotal})` : ""}
                </h3>
                {groupNames.map((name) => (
                  <div key={name} className="space-y-2">
                    {groupNames.length > 1 && <h4 className="text-sm font-semibold">{name}</h4>}
                    <MyMetricList items={groupMetrics.filter((m) => m.groupName === name)} planSlug={plan.slug} open={groupTotal <= GROUP_METRICS_PAGE_SIZE} label={`Metrics of ${name}`} />
                  </div>
                ))}
                <Pagination page={groupPage} pageCount={groupPages} hrefFor={(n) => `/my-quarter?${groupPageParam}=${n}`} label="Pages of your groups' metrics" />
              </section>
            )}
          </section>
        );
      })}
    </div>
  );
}
