"use client";

import { useActionState } from "react";
import { FormMessage, formKey, inputClass } from "@/components/forms/fields";
import type { FormState } from "@/lib/forms/form-action";

type Action = (s: FormState, f: FormData) => Promise<FormState>;

export function AddMemberForm({ action, workGroupId, people }: { action: Action; workGroupId: number; people: { id: number; name: string }[] }) {
  const [state, submit, pending] = useActionState(action, null);
  return (
    <form action={submit} key={formKey(state)} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="workGroupId" value={workGroupId} />
      <div>
        <label htmlFor="member-user" className="block text-sm font-medium text-slate-800">
          Person
        </label>
        <select id="member-user" name="userId" className={inputClass} required>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="member-role" className="block text-sm font-medium text-slate-800">
          Role in the group
        </label>
        <select id="member-role" name="role" defaultValue="member" className={inputClass}>
          <option value="member">Member</option>
          <option value="lead">Lead</option>
        </select>
      </div>
      <button type="submit" disabled={pending} className="rounded bg-blue-800 px-4 py-2 text-sm font-medium text-white hover:bg-blue-900">
        Add to group
      </button>
      <div className="w-full">
        <FormMessage state={state} />
      </div>
    </form>
  );
}

export function RemoveMemberButton({ action, workGroupId, userId, name }: { action: Action; workGroupId: number; userId: number; name: string }) {
  const [state, submit, pending] = useActionState(action, null);
  return (
    <form action={submit}>
      <input type="hidden" name="workGroupId" value={workGroupId} />
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="role" value="none" />
      <button type="submit" disabled={pending} className="rounded border border-slate-400 px-3 py-1 text-sm">
        Remove<span className="sr-only"> {name}</span>
      </button>
      <FormMessage state={state} />
    </form>
  );
}
