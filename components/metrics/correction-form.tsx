"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton, TextField, formKey, pointToField } from "@/components/forms/fields";
import type { FormState } from "@/lib/forms/form-action";

// Correct one recorded value. The earlier value is kept as history, so the
// reason is required; the form names the value it corrects, and a value
// corrected by someone else meanwhile is refused rather than overwritten.
export function CorrectionForm({
  action,
  measurement,
  label,
}: {
  action: (s: FormState, f: FormData) => Promise<FormState>;
  measurement: { id: number; value: number; note: string | null; source: string | null };
  label: string;
}) {
  const [state, submit, pending] = useActionState(action, null);
  const idPrefix = `correct-${measurement.id}`;
  return (
    <form action={submit} key={formKey(state)} className="space-y-3" aria-label={`Correct ${label}`}>
      <input type="hidden" name="measurementId" value={measurement.id} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField idPrefix={idPrefix} label="Corrected value" name="value" state={state} defaultValue={String(measurement.value)} required />
        <TextField idPrefix={idPrefix} label="Why it is corrected" name="correctionNote" state={state} required />
        <TextField idPrefix={idPrefix} label="Note" name="note" state={state} defaultValue={measurement.note ?? ""} />
        <TextField idPrefix={idPrefix} label="Source" name="source" state={state} defaultValue={measurement.source ?? ""} />
      </div>
      <FormMessage state={pointToField(state, "The correction was not saved: see why under the field.")} />
      <SubmitButton pending={pending}>
        Save correction<span className="sr-only"> of {label}</span>
      </SubmitButton>
    </form>
  );
}
