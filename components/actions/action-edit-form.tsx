"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton, TextField, fieldError, inputClass } from "@/components/forms/fields";
import { ACTION_STATUSES, type ActionStatus } from "@/db/schema/enums";
import type { FormState } from "@/lib/forms/form-action";
import { STATUS_LABELS } from "@/lib/format";

interface Current {
  id: number;
  version: number;
  status: ActionStatus;
  percentComplete: number;
  leadPerson: string | null;
  isPriority: boolean;
  startDate: string | null;
  dueDate: string | null;
}

export function ActionEditForm({ action, current }: { action: (s: FormState, f: FormData) => Promise<FormState>; current: Current }) {
  const [state, submit, pending] = useActionState(action, null);
  // After a refusal the form shows what the person typed, not the stored values.
  const typed = state && !state.ok ? state.values : undefined;
  const v = {
    status: typed?.status ?? current.status,
    percentComplete: typed?.percentComplete ?? String(current.percentComplete),
    leadPerson: typed?.leadPerson ?? current.leadPerson ?? "",
    isPriority: typed ? typed.isPriority === "on" : current.isPriority,
    startDate: typed?.startDate ?? current.startDate ?? "",
    dueDate: typed?.dueDate ?? current.dueDate ?? "",
  };
  const statusError = fieldError(state, "status");
  return (
    <form action={submit} key={JSON.stringify([state, current.version])} className="grid gap-4 sm:grid-cols-2">
      <input type="hidden" name="actionId" value={current.id} />
      <input type="hidden" name="version" value={current.version} />
      <div>
        <label htmlFor="field-status" className="block text-sm font-medium text-slate-800">
          Status
        </label>
        <select id="field-status" name="status" defaultValue={v.status} className={inputClass} aria-invalid={statusError ? true : undefined}>
          {ACTION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <TextField label="Percent complete" name="percentComplete" type="number" state={state} defaultValue={v.percentComplete} required />
      <TextField label="Lead person" name="leadPerson" state={state} defaultValue={v.leadPerson} />
      <div className="flex items-center gap-2 pt-6">
        <input id="field-isPriority" name="isPriority" type="checkbox" defaultChecked={v.isPriority} className="h-4 w-4" />
        <label htmlFor="field-isPriority" className="text-sm">
          Priority action (“few big things”)
        </label>
      </div>
      <TextField label="Start date" name="startDate" type="date" state={state} defaultValue={v.startDate} />
      <TextField label="Due date" name="dueDate" type="date" state={state} defaultValue={v.dueDate} />
      <div className="sm:col-span-2">
        <FormMessage state={state} />
      </div>
      <div className="sm:col-span-2">
        <SubmitButton pending={pending}>Save changes</SubmitButton>
      </div>
    </form>
  );
}
