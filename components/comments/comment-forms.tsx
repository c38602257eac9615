"use client";

import { useActionState, useState } from "react";
import { FormMessage, SubmitButton, fieldError, formKey, inputClass } from "@/components/forms/fields";
import type { FormState } from "@/lib/forms/form-action";

type Action = (state: FormState, form: FormData) => Promise<FormState>;

const MARKDOWN_HINT = "Markdown works: **bold**, *italic*, lists and links.";

function BodyField({ id, label, state, defaultValue, rows = 4 }: { id: string; label: string; state: FormState; defaultValue: string; rows?: number }) {
  const error = fieldError(state, "body");
  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <p id={`${id}-hint`} className="text-xs text-slate-700">
        {MARKDOWN_HINT}
      </p>
      <textarea id={id} name="body" rows={rows} required defaultValue={(state && !state.ok ? state.values?.body : undefined) ?? defaultValue} aria-invalid={error ? true : undefined} aria-describedby={describedBy} className={inputClass} />
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}

// A new comment; the form empties after each posted comment (its key changes).
export function NewCommentForm({ action, subject }: { action: Action; subject: { actionId: number } | { reportId: number } }) {
  const [state, submit, pending] = useActionState(action, null);
  return (
    <form action={submit} key={formKey(state)} className="space-y-3">
      {"actionId" in subject ? <input type="hidden" name="actionId" value={subject.actionId} /> : <input type="hidden" name="reportId" value={subject.reportId} />}
      <BodyField id="new-comment-body" label="Your comment" state={state} defaultValue="" />
      <FormMessage state={state} />
      <SubmitButton pending={pending}>Post comment</SubmitButton>
    </form>
  );
}

// The author's edit: closed until asked for. The thread remounts it with each
// saved version, which closes it again; after a refusal it stays open with the
// person's text and the reason.
export function CommentEditor({ action, commentId, version, body }: { action: Action; commentId: number; version: number; body: string }) {
  const [open, setOpen] = useState(false);
  const [state, submit, pending] = useActionState(action, null);
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} className="text-sm text-blue-800 underline underline-offset-2">
        Edit<span className="sr-only"> your comment</span>
      </button>
    );
  }
  return (
    <form action={submit} key={formKey(state)} className="mt-2 space-y-3">
      <input type="hidden" name="commentId" value={commentId} />
      <input type="hidden" name="version" value={version} />
      <BodyField id={`comment-${commentId}-body`} label="Edit your comment" state={state} defaultValue={body} />
      <FormMessage state={state} />
      <div className="flex gap-3">
        <SubmitButton pending={pending}>Save comment</SubmitButton>
        <button type="button" onClick={() => setOpen(false)} className="rounded border border-slate-400 bg-white px-4 py-2 text-sm font-medium text-slate-900 hover:bg-slate-100">
          Cancel
        </button>
      </div>
    </form>
  );
}

export function DeleteCommentForm({ action, commentId, authorName }: { action: Action; commentId: number; authorName: string }) {
  const [state, submit, pending] = useActionState(action, null);
  return (
    <form action={submit} className="space-y-2">
      <input type="hidden" name="commentId" value={commentId} />
      <button type="submit" disabled={pending} className="text-sm text-red-800 underline underline-offset-2 disabled:opacity-70">
        Delete<span className="sr-only"> comment by {authorName}</span>
      </button>
      {state && !state.ok && <FormMessage state={state} />}
    </form>
  );
}
