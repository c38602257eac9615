import Link from "next/link";
import { saveUpdateAction, reviewUpdateAction } from "@/app/updates/actions";
import type { Action } from "@/db/schema";
import type { UserActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getCurrentPeriod, listPeriods } from "@/lib/periods/queries";
import { getUpdateFor, listActionUpdates } from "@/lib/updates/queries";
import { addAttachmentsAction, removeAttachmentAction } from "@/app/actions/[id]/attachment-actions";
import { canAttach } from "@/lib/attachments/rules";
import { MAX_ATTACHMENTS_PER_UPDATE } from "@/lib/attachments/limits";
import { AttachmentForm } from "./attachment-form";
import { AttachmentList } from "./attachment-list";
import { DownloadLinks } from "@/components/spreadsheets/download-links";
import { ReturnedNote, updateFormValues } from "./form-values";
import { UpdateForm } from "./update-form";
import { UpdateTimeline } from "./update-timeline";

// The action page's progress section: the update form for the current period
// (staff may pick any period, closed ones included) and the timeline.
export function ActionUpdates({ user, action, requestedPeriod }: { user: UserActor; action: Action; requestedPeriod?: number }) {
  const resource = { workGroupId: action.workGroupId, assigneeUserId: action.leadUserId };
  const canPost = can(user, "update.post", resource) && !action.retiredAt;
  const anyPeriod = can(user, "update.post_closed");
  const periods = anyPeriod ? listPeriods(action.planId) : [];
  const current = getCurrentPeriod(action.planId);
  const period = (anyPeriod && requestedPeriod ? periods.find((p) => p.id === requestedPeriod) : undefined) ?? current;
  const existing = period ? getUpdateFor(action.id, period.id) : undefined;
  // Drafts are work in progress: only the people who may edit them see them.
  const entries = listActionUpdates(action.id).filter((e) => e.update.reviewState !== "draft" || canPost);

  return (
    <section aria-labelledby="updates-heading" className="space-y-4">
      <h2 id="updates-heading">Progress updates</h2>
      {canPost && (
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          {!period ? (
            <p className="text-slate-700">No reporting period is current yet. OCED staff set one up on the plan&apos;s Reporting periods page.</p>
          ) : period.status !== "open" && !anyPeriod ? (
            <p className="text-slate-700">{period.label} is {period.status === "closed" ? "closed" : "not open yet"}; updates can be added when staff open it.</p>
          ) : (
            <>
              <h3 className="text-base font-semibold" id="update-form-heading">
                {existing ? "Edit the update" : "Add an update"} for {period.label}
              </h3>
              <p className="mb-3 text-sm text-slate-700">
                Deadline {period.deadline}
                {period.status !== "open" && <> · this period is {period.status}; as staff you can still add to it, and that is recorded in the audit log</>}
              </p>
              {anyPeriod && periods.length > 1 && (
                <nav aria-label="Choose the period to update" className="mb-3 flex flex-wrap gap-2 text-sm">
                  {periods.map((p) => (
                    <Link key={p.id} href={`/actions/${action.id}?period=${p.id}#updates-heading`} aria-current={p.id === period.id ? "true" : undefined} className={p.id === period.id ? "font-semibold no-underline" : ""}>
                      {p.label}
                    </Link>
                  ))}
                </nav>
              )}
              <ReturnedNote update={existing} className="mb-3" />
              <UpdateForm
                attachmentsRemaining={MAX_ATTACHMENTS_PER_UPDATE - (existing ? (entries.find((e) => e.update.id === existing.id)?.attachments.length ?? 0) : 0)}
                action={saveUpdateAction}
                actionId={action.id}
                periodId={period.id}
                periodLabel={period.label}
                idPrefix="update"
                current={updateFormValues(existing, action)}
              />
            </>
          )}
        </div>
      )}
      <div>
        <h3 className="sr-only">Timeline</h3>
        {entries.length > 0 && <DownloadLinks href={`/actions/${action.id}/updates/export`} what={`the progress updates of ${action.code}`} />}
        <UpdateTimeline
          entries={entries}
          reviewAction={can(user, "update.review") ? reviewUpdateAction : undefined}
          attachments={(e) => {
            const editable = canAttach(user, { actionCode: action.code, workGroupId: action.workGroupId, leadUserId: action.leadUserId, retiredAt: action.retiredAt, periodLabel: e.periodLabel, periodStatus: e.periodStatus });
            if (!editable && e.attachments.length === 0) return null;
            return (
              <section aria-labelledby={`files-${e.update.id}`} className="mt-3 space-y-2 border-t border-slate-200 pt-3">
                <h4 id={`files-${e.update.id}`} className="text-sm font-semibold">
                  Files
                </h4>
                <AttachmentList files={e.attachments} removeAction={editable ? removeAttachmentAction : undefined} />
                {editable && <AttachmentForm action={addAttachmentsAction} updateId={e.update.id} attachedCount={e.attachments.length} />}
              </section>
            );
          }}
        />
      </div>
    </section>
  );
}
