"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton, TextField, formKey } from "@/components/forms/fields";
import type { FormState } from "@/lib/forms/form-action";

export function ReportingSettingsForm({ action, plan }: { action: (s: FormState, f: FormData) => Promise<FormState>; plan: { id: number; version: number; countSubmittedUpdates: boolean; reminderDaysBefore: number } }) {
  const [state, submit, pending] = useActionState(action, null);
  const typed = state && !state.ok ? state.values : undefined;
  return (
    <form action={submit} key={`${formKey(state)}-${plan.version}`} className="space-y-3">
      <input type="hidden" name="planId" value={plan.id} />
      <input type="hidden" name="version" value={plan.version} />
      <div className="flex items-start gap-2">
        <input id="settings-count" name="countSubmittedUpdates" type="checkbox" defaultChecked={typed ? typed.countSubmittedUpdates === "on" : plan.countSubmittedUpdates} className="mt-1 h-4 w-4" aria-describedby="settings-count-hint" />
        <div>
          <label htmlFor="settings-count" className="text-sm font-medium">
            Count submitted updates before review
          </label>
          <p id="settings-count-hint" className="text-xs text-slate-700">
            When on, an action&apos;s status moves as soon as its update is submitted; when off, only once staff accept it.
          </p>
        </div>
      </div>
      <div className="max-w-xs">
        <TextField idPrefix="settings" label="Reminder days before the deadline" name="reminderDaysBefore" type="number" state={state} defaultValue={String(plan.reminderDaysBefore)} hint="People with missing updates get one e-mail this many days before the deadline." required />
      </div>
      <FormMessage state={state} />
      <SubmitButton pending={pending}>Save settings</SubmitButton>
    </form>
  );
}
