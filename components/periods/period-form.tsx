"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton, TextField, formKey } from "@/components/forms/fields";
import type { FormState } from "@/lib/forms/form-action";

type Action = (state: FormState, form: FormData) => Promise<FormState>;
interface Period {
  id: number;
  version: number;
  label: string;
  startDate: string;
  endDate: string;
  deadline: string;
}

// Adds a period (planId) or edits one (period, with the version it was opened at).
export function PeriodForm({ action, planId, period, idPrefix }: { action: Action; planId?: number; period?: Period; idPrefix: string }) {
  const [state, submit, pending] = useActionState(action, null);
  const version = state?.ok && state.result?.version ? state.result.version : String(period?.version ?? "");
  return (
    <form action={submit} key={formKey(state)} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" aria-label={period ? `Edit ${period.label}` : "Add a reporting period"}>
      {planId !== undefined && <input type="hidden" name="planId" value={planId} />}
      {period && <input type="hidden" name="periodId" value={period.id} />}
      {period && <input type="hidden" name="version" value={version} />}
      <TextField idPrefix={idPrefix} label="Name" name="label" state={state} defaultValue={period?.label} hint="For example 2013 Q1" required />
      <TextField idPrefix={idPrefix} label="Start date" name="startDate" type="date" state={state} defaultValue={period?.startDate} required />
      <TextField idPrefix={idPrefix} label="End date" name="endDate" type="date" state={state} defaultValue={period?.endDate} required />
      <TextField idPrefix={idPrefix} label="Update deadline" name="deadline" type="date" state={state} defaultValue={period?.deadline} required />
      <div className="sm:col-span-2 lg:col-span-4">
        <FormMessage state={state} />
      </div>
      <div className="sm:col-span-2 lg:col-span-4">
        <SubmitButton pending={pending}>{period ? "Save period" : "Add period"}</SubmitButton>
      </div>
    </form>
  );
}

