"use client";

import { useActionState } from "react";
import { FormMessage, formKey, SubmitButton, TextField, fieldError, inputClass } from "@/components/forms/fields";
import type { FormState } from "@/lib/forms/form-action";
import { RoleOptions } from "./role-options";

type Action = (state: FormState, form: FormData) => Promise<FormState>;

export function InviteForm({ action, groups }: { action: Action; groups: { id: number; name: string; planTitle: string }[] }) {
  const [state, submit, pending] = useActionState(action, null);
  const roleError = fieldError(state, "role");
  return (
    <form action={submit} key={formKey(state)} className="space-y-4">
      <TextField label="Email" name="email" type="email" state={state} autoComplete="off" required />
      <div>
        <label htmlFor="invite-role" className="block text-sm font-medium text-slate-800">
          Role
        </label>
        <select id="invite-role" name="role" defaultValue={(state && !state.ok ? state.values?.role : undefined) ?? "contributor"} className={inputClass} aria-invalid={roleError ? true : undefined}>
          <RoleOptions />
        </select>
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Work groups</legend>
        {groups.length === 0 && <p className="text-sm text-slate-700">No work groups yet.</p>}
        <ul className="mt-1 max-h-48 space-y-1 overflow-y-auto text-sm">
          {groups.map((g) => (
            <li key={g.id} className="flex items-center gap-2">
              <input type="checkbox" id={`invite-group-${g.id}`} name="workGroupIds" value={g.id} className="h-4 w-4" />
              <label htmlFor={`invite-group-${g.id}`}>
                {g.name} <span className="text-slate-700">({g.planTitle})</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <FormMessage state={state} />
      {state?.ok && state.result?.url && <CopyableLink url={state.result.url} label="Invitation link" />}
      <SubmitButton pending={pending}>Create invitation</SubmitButton>
    </form>
  );
}

export function CopyableLink({ url, label }: { url: string; label: string }) {
  return (
    <div>
      <label htmlFor={`link-${label}`} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input id={`link-${label}`} readOnly value={url} className={`${inputClass} font-mono`} onFocus={(e) => e.currentTarget.select()} />
    </div>
  );
}
