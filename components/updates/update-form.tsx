"use client";

import { useActionState } from "react";
import { FormMessage, SelectField, TextAreaField, TextField, formKey } from "@/components/forms/fields";
import { ACTION_STATUSES, type ActionStatus } from "@/db/schema/enums";
import type { FormState } from "@/lib/forms/form-action";
import { STATUS_LABELS } from "@/lib/format";
import { AttachmentInput } from "./attachment-input";

type Action = (state: FormState, form: FormData) => Promise<FormState>;

export interface UpdateFormValues {
  id: number | null;
  version: number;
  status: ActionStatus;
  percentComplete: number;
  narrative: string;
  links: string;
  reviewState: string | null;
}

const STATUS_OPTIONS = ACTION_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }));

// One action's update for one period: saved as a draft or submitted for review.
// After a refusal (a conflict included) the form keeps what the person typed.
export function UpdateForm({
  action,
  actionId,
  periodId,
  periodLabel,
  current,
  idPrefix,
  actionLabel,
  attachmentsRemaining,
}: {
  action: Action;
  actionId: number;
  periodId: number;
  periodLabel: string;
  current: UpdateFormValues;
  idPrefix: string;
  // Names the action in button labels when many forms share a page.
  actionLabel?: string;
  // How many more files the update can take; omit to leave files out of the form.
  attachmentsRemaining?: number;
}) {
  const [state, submit, pending] = useActionState(action, null);
  const suffix = actionLabel ? <span className="sr-only"> for {actionLabel}</span> : null;
  return (
    <form action={submit} key={`${formKey(state)}-${current.version}`} className="space-y-3" encType="multipart/form-data">
      <input type="hidden" name="actionId" value={actionId} />
      <input type="hidden" name="periodId" value={periodId} />
      <input type="hidden" name="version" value={current.version} />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField idPrefix={idPrefix} label={`Status for ${periodLabel}`} name="status" state={state} defaultValue={current.status} options={STATUS_OPTIONS} />
        <TextField idPrefix={idPrefix} label="Percent complete" name="percentComplete" type="number" state={state} defaultValue={String(current.percentComplete)} required />
      </div>
      <TextAreaField idPrefix={idPrefix} label="What happened this period" name="narrative" state={state} defaultValue={current.narrative} hint="Markdown: **bold**, *italic*, lists with -, links as [text](https://…)." rows={4} />
      <TextAreaField idPrefix={idPrefix} label="Links (optional)" name="links" state={state} defaultValue={current.links} hint="One per line: https://… or Label | https://…" rows={2} />
      {attachmentsRemaining !== undefined && attachmentsRemaining > 0 && <AttachmentInput state={state} remaining={attachmentsRemaining} label="Attach files (optional)" />}
      <FormMessage state={state} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" name="intent" value="submit" disabled={pending} className="rounded bg-blue-800 px-4 py-2 text-sm font-medium text-white hover:bg-blue-900 disabled:opacity-70">
          {pending ? "Saving…" : current.reviewState === "returned" ? "Resubmit update" : "Submit update"}
          {suffix}
        </button>
        <button type="submit" name="intent" value="draft" disabled={pending} className="rounded border border-slate-400 bg-white px-4 py-2 text-sm font-medium text-slate-900 hover:bg-slate-50 disabled:opacity-70">
          Save draft{suffix}
        </button>
      </div>
    </form>
  );
}
