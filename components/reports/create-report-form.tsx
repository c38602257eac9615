"use client";

import { useActionState } from "react";
import { FormMessage, SelectField, SubmitButton, TextField, formKey } from "@/components/forms/fields";
import type { FormState } from "@/lib/forms/form-action";

type Action = (state: FormState, form: FormData) => Promise<FormState>;

// Staff start a report for a period; the figures are compiled at once.
export function CreateReportForm({ action, periods, defaultPeriodId }: { action: Action; periods: { id: number; label: string }[]; defaultPeriodId?: number }) {
  const [state, submit, pending] = useActionState(action, null);
  return (
    <form action={submit} key={formKey(state)} aria-label="Start a report" className="grid gap-3 sm:grid-cols-2">
      <SelectField idPrefix="new-report" label="Reporting period" name="periodId" state={state} defaultValue={defaultPeriodId ? String(defaultPeriodId) : undefined} options={periods.map((p) => ({ value: String(p.id), label: p.label }))} />
      <TextField idPrefix="new-report" label="Title (optional)" name="title" state={state} hint="Leave empty for “<plan>: progress report, <period>”." />
      <div className="sm:col-span-2">
        <FormMessage state={state} />
      </div>
      <div className="sm:col-span-2">
        <SubmitButton pending={pending}>Compile a draft report</SubmitButton>
      </div>
    </form>
  );
}
