import { StatusBadge } from "@/components/ui/status-badge";
import type { listActionUpdates } from "@/lib/updates/queries";
import type { FormState } from "@/lib/forms/form-action";
import { Markdown } from "./markdown";
import { ReviewForm } from "./review-form";
import { ReviewStateBadge } from "./review-state-badge";

type Entry = ReturnType<typeof listActionUpdates>[number];

const when = (iso: string | null) => (iso ? `${iso.replace("T", " ").slice(0, 16)} UTC` : "");

// Every update of an action, newest period first, with who wrote it and when.
// Drafts are shown only to those who may edit them (the caller filters).
export function UpdateTimeline({ entries, reviewAction, attachments }: { entries: Entry[]; reviewAction?: (s: FormState, f: FormData) => Promise<FormState>; attachments?: (entry: Entry) => React.ReactNode }) {
  if (entries.length === 0) return <p className="mt-2 text-slate-700">No progress updates yet.</p>;
  return (
    <ol className="mt-2 space-y-3">
      {entries.map((e) => {
        const u = e.update;
        const label = `the ${e.periodLabel ?? ""} update`;
        return (
          <li key={u.id} className="rounded-lg border border-slate-200 bg-white p-4">
            <article aria-label={`Update for ${e.periodLabel ?? "no period"}`}>
              <header className="flex flex-wrap items-center gap-2">
                <h3 className="text-base font-semibold">{e.periodLabel ?? "No period"}</h3>
                <StatusBadge status={u.status} />
                <span className="text-sm text-slate-800">{u.percentComplete}% complete</span>
                <ReviewStateBadge state={u.reviewState} />
              </header>
              <p className="mt-1 text-xs text-slate-700">
                By {e.authorName ?? "a former user"}
                {e.editorName && e.editorName !== e.authorName ? `, last edited by ${e.editorName}` : ""}
                {u.submittedAt ? <> · submitted <time dateTime={u.submittedAt}>{when(u.submittedAt)}</time></> : <> · saved <time dateTime={u.updatedAt}>{when(u.updatedAt)}</time></>}
                {u.reviewedAt && e.reviewerName ? <> · {u.reviewState === "returned" ? "returned" : "reviewed"} by {e.reviewerName} <time dateTime={u.reviewedAt}>{when(u.reviewedAt)}</time></> : null}
              </p>
              {u.narrative ? <Markdown source={u.narrative} className="mt-2" /> : <p className="mt-2 text-sm text-slate-700">No narrative.</p>}
              {e.links.length > 0 && (
                <ul className="mt-2 list-disc pl-5 text-sm">
                  {e.links.map((l, i) => (
                    <li key={i}>
                      <a href={l.url} rel="nofollow noopener noreferrer">
                        {l.label}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
              {attachments?.(e)}
              {u.reviewState === "returned" && u.reviewNote && (
                <p className="mt-2 rounded border border-red-200 bg-red-50 p-2 text-sm text-red-900">
                  <span className="font-medium">Staff note:</span> {u.reviewNote}
                </p>
              )}
              {u.reviewState === "accepted" && u.reviewNote && <p className="mt-2 text-sm text-slate-800">Staff note: {u.reviewNote}</p>}
              {reviewAction && (u.reviewState === "submitted" || u.reviewState === "accepted") && (
                <div className="mt-3 border-t border-slate-200 pt-3">
                  <ReviewForm action={reviewAction} update={u} label={label} />
                </div>
              )}
            </article>
          </li>
        );
      })}
    </ol>
  );
}
