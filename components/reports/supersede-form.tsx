"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton, TextAreaField, formKey } from "@/components/forms/fields";
import type { FormState } from "@/lib/forms/form-action";

type Action = (state: FormState, form: FormData) => Promise<FormState>;

// Starts a corrected version (a new draft edition) of a published report.
export function SupersedeForm({ action, reportId, nextEdition }: { action: Action; reportId: number; nextEdition: number }) {
  const [state, submit, pending] = useActionState(action, null);
  return (
    <form action={submit} key={formKey(state)} aria-label="Correct this report" className="space-y-3">
      <input type="hidden" name="reportId" value={reportId} />
      <TextAreaField idPrefix="supersede" label="What does the corrected version change?" name="changeNote" state={state} rows={3} required hint={`Shown at the top of version ${nextEdition}. This version stays readable.`} />
      <FormMessage state={state} />
      <SubmitButton pending={pending}>Start version {nextEdition}</SubmitButton>
    </form>
  );
}
