"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/forms/form-action";

export function AttachmentRemoveButton({ action, attachmentId, fileName }: { action: (state: FormState, form: FormData) => Promise<FormState>; attachmentId: number; fileName: string }) {
  const [state, submit, pending] = useActionState(action, null);
  return (
    <form action={submit} className="inline">
      <input type="hidden" name="attachmentId" value={attachmentId} />
      <button type="submit" disabled={pending} className="text-sm text-red-800 underline hover:text-red-900 disabled:opacity-70">
        {pending ? "Removing…" : "Remove"}
        <span className="sr-only"> {fileName}</span>
      </button>
      <span aria-live="polite" role="status" className="ml-2 text-sm text-red-800">
        {state && !state.ok ? state.message : null}
      </span>
    </form>
  );
}
