"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/components/forms/fields";
import { MAX_ATTACHMENTS_PER_UPDATE } from "@/lib/attachments/limits";
import type { FormState } from "@/lib/forms/form-action";
import { AttachmentInput } from "./attachment-input";

// "Add files" on one progress update.
export function AttachmentForm({ action, updateId, attachedCount }: { action: (state: FormState, form: FormData) => Promise<FormState>; updateId: number; attachedCount: number }) {
  const [state, submit, pending] = useActionState(action, null);
  const remaining = MAX_ATTACHMENTS_PER_UPDATE - attachedCount;
  if (remaining <= 0) return <p className="text-sm text-slate-700">This update has the most files it can take ({MAX_ATTACHMENTS_PER_UPDATE}); remove one to add another.</p>;
  return (
    // Remounts after each answer so the file input is cleared and the count is fresh.
    <form action={submit} key={JSON.stringify([state, attachedCount])} className="space-y-3">
      <input type="hidden" name="updateId" value={updateId} />
      <AttachmentInput state={state} remaining={remaining} />
      <FormMessage state={state} />
      <SubmitButton pending={pending}>Attach files</SubmitButton>
    </form>
  );
}
