"use client";

import { useActionState } from "react";
import { FormMessage, TextAreaField, formKey } from "@/components/forms/fields";
import type { FormState } from "@/lib/forms/form-action";

// Staff accept an update or return it with a note saying what to fix.
export function ReviewForm({ action, update, label }: { action: (s: FormState, f: FormData) => Promise<FormState>; update: { id: number; version: number; reviewState: string }; label: string }) {
  const [state, submit, pending] = useActionState(action, null);
  // A returned update waits for its author: only the outcome message remains.
  if (update.reviewState === "returned" || update.reviewState === "draft") return <FormMessage state={state} />;
  return (
    <form action={submit} key={formKey(state)} className="space-y-2" aria-label={`Review ${label}`}>
      <input type="hidden" name="updateId" value={update.id} />
      <input type="hidden" name="version" value={update.version} />
      <TextAreaField idPrefix={`review-${update.id}`} label="Note to the author" name="note" state={state} hint="Required when returning: say what to fix." rows={2} />
      <FormMessage state={state} />
      <div className="flex flex-wrap gap-2">
        {update.reviewState === "submitted" && (
          <button type="submit" name="decision" value="accept" disabled={pending} className="rounded bg-green-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-green-900 disabled:opacity-70">
            Accept<span className="sr-only"> {label}</span>
          </button>
        )}
        <button type="submit" name="decision" value="return" disabled={pending} className="rounded border border-red-700 bg-white px-3 py-1.5 text-sm font-medium text-red-800 hover:bg-red-50 disabled:opacity-70">
          Return to author<span className="sr-only"> {label}</span>
        </button>
      </div>
    </form>
  );
}
