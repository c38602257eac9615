import type { Metadata } from "next";
import Link from "next/link";
import { reviewUpdateAction } from "@/app/updates/actions";
import { StatusBadge } from "@/components/ui/status-badge";
import { Markdown } from "@/components/updates/markdown";
import { ReviewForm } from "@/components/updates/review-form";
import { ReviewStateBadge } from "@/components/updates/review-state-badge";
import { requirePermission, requireReader } from "@/lib/auth/guards";
import { inputClass } from "@/components/forms/fields";
import { loadPlanOr404 } from "@/lib/plans/load";
import { listWorkGroups } from "@/lib/plans/queries";
import { Pagination } from "@/components/ui/pagination";
import { REVIEW_PAGE_SIZE, listAwaitingReview } from "@/lib/updates/queries";

export const metadata: Metadata = { title: "Review updates" };

// Staff work through submitted updates oldest first: accept, or return with a note.
export default async function ReviewPage({ params, searchParams }: { params: Promise<{ plan: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const plan = await loadPlanOr404((await params).plan);
  const user = await requireReader();
  requirePermission(user, "update.review");
  const query = await searchParams;
  const page = Math.min(10_000, Math.max(1, Number(query.page) || 1));
  const groups = listWorkGroups(plan.id);
  const group = groups.find((g) => g.key === query.group);
  const items = listAwaitingReview(plan.id, { reviewerId: user.userId, withinMinutes: 60 }, page, group?.id);
  const base = `/plans/${plan.slug}/review`;
  const href = (n: number) => `${base}?${new URLSearchParams(Object.entries({ group: group?.key, page: String(n) }).filter((e): e is [string, string] => Boolean(e[1]))).toString()}`;
  const waiting = items.waitingTotal;
  return (
    <div className="space-y-6">
      <header>
        <h1>Review updates</h1>
        <p className="mt-2 text-slate-700">
          {waiting === 0 ? "Nothing is waiting for review." : `${waiting} update${waiting === 1 ? "" : "s"} waiting, oldest first, ${REVIEW_PAGE_SIZE} a page.`}{" "}
          {plan.countSubmittedUpdates ? "This plan counts submitted updates before review." : "An action's status changes only when its update is accepted."}
        </p>
      </header>
      <form method="get" action={base} role="search" aria-label="Filter the review queue" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <div>
          <label htmlFor="r-group" className="block text-sm font-medium">
            Work group
          </label>
          <select id="r-group" name="group" defaultValue={group?.key ?? ""} className={inputClass}>
            <option value="">All work groups</option>
            {groups.map((g) => (
              <option key={g.key} value={g.key}>
                {g.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded bg-blue-800 px-4 py-2 text-sm font-medium text-white hover:bg-blue-900">
          Show
        </button>
      </form>
      <ol className="space-y-4">
        {items.map((w) => {
          const name = `${w.code}: ${w.title ?? w.text.slice(0, 80)}`;
          return (
            <li key={w.id} className="rounded-lg border border-slate-200 bg-white p-4">
              <article aria-label={`${w.periodLabel} update for ${w.code}`}>
                <h2 className="text-base">
                  <Link href={`/actions/${w.actionId}`}>{name}</Link>
                </h2>
                {w.reviewState !== "submitted" && (
                  <p className="mt-1">
                    <ReviewStateBadge state={w.reviewState} /> <span className="text-sm text-slate-700">by you in the last hour</span>
                  </p>
                )}
                <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-700">
                  {w.periodLabel} · <StatusBadge status={w.status} /> {w.percentComplete}% · by {w.authorName ?? "a former user"}
                  {w.submittedAt && <> · submitted <time dateTime={w.submittedAt}>{w.submittedAt.slice(0, 10)}</time></>}
                </p>
                <Markdown source={w.narrative} className="mt-2" />
                <div className="mt-3 border-t border-slate-200 pt-3">
                  <ReviewForm action={reviewUpdateAction} update={w} label={`the ${w.periodLabel} update for ${w.code}`} />
                </div>
              </article>
            </li>
          );
        })}
      </ol>
      <Pagination page={page} pageCount={items.pageCount} hrefFor={href} />
    </div>
  );
}
