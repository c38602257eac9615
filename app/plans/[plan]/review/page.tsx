import type { Metadata } from "next";
import Link from "next/link";
import { reviewUpdateAction } from "@/app/updates/actions";
import { StatusBadge } from "@/components/ui/status-badge";
import { Markdown } from "@/components/updates/markdown";
import { ReviewForm } from "@/components/updates/review-form";
import { ReviewStateBadge } from "@/components/updates/review-state-badge";
import { requirePermission, requireReader } from "@/lib/auth/guards";
import { loadPlanOr404 } from "@/lib/plans/load";
import { Pagination } from "@/components/ui/pagination";
import { REVIEW_PAGE_SIZE, listAwaitingReview } from "@/lib/updates/queries";

export const metadata: Metadata = { title: "Review updates" };

// Staff work through submitted updates oldest first: accept, or return with a note.
export default async function ReviewPage({ params, searchParams }: { params: Promise<{ plan: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const plan = await loadPlanOr404((await params).plan);
  const user = await requireReader();
  requirePermission(user, "update.review");
  const page = Math.min(10_000, Math.max(1, Number((await searchParams).page) || 1));
  const items = listAwaitingReview(plan.id, { reviewerId: user.userId, withinMinutes: 60 }, page);
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
      <Pagination page={page} pageCount={items.pageCount} hrefFor={(n) => `/plans/${plan.slug}/review?page=${n}`} />
    </div>
  );
}
