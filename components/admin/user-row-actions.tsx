"use client";

import { useActionState } from "react";
import { FormMessage, inputClass } from "@/components/forms/fields";
import type { UserRole } from "@/db/schema/enums";
import type { FormState } from "@/lib/forms/form-action";
import { RoleOptions } from "./role-options";
import { CopyableLink } from "./invite-form";

type Action = (state: FormState, form: FormData) => Promise<FormState>;

export function UserRowActions({
  user,
  actions,
}: {
  user: { id: number; name: string; role: UserRole; isActive: boolean };
  actions: { setActive: Action; changeRole: Action; resetLink: Action };
}) {
  const [activeState, setActive, activePending] = useActionState(actions.setActive, null);
  const [roleState, changeRole, rolePending] = useActionState(actions.changeRole, null);
  const [resetState, resetLink, resetPending] = useActionState(actions.resetLink, null);
  return (
    <div className="space-y-2">
      <form action={changeRole} className="flex items-end gap-2">
        <input type="hidden" name="userId" value={user.id} />
        <div>
          <label htmlFor={`role-${user.id}`} className="sr-only">
            Role for {user.name}
          </label>
          <select id={`role-${user.id}`} name="role" defaultValue={user.role} className={`${inputClass} mt-0`}>
            <RoleOptions />
          </select>
        </div>
        <button type="submit" disabled={rolePending} className="rounded border border-slate-400 px-3 py-2 text-sm">
          Change role<span className="sr-only"> for {user.name}</span>
        </button>
      </form>
      <div className="flex flex-wrap gap-2">
        <form action={setActive}>
          <input type="hidden" name="userId" value={user.id} />
          <input type="hidden" name="isActive" value={user.isActive ? "false" : "true"} />
          <button type="submit" disabled={activePending} className="rounded border border-slate-400 px-3 py-1.5 text-sm">
            {user.isActive ? "Deactivate" : "Reactivate"}
            <span className="sr-only"> {user.name}</span>
          </button>
        </form>
        <form action={resetLink}>
          <input type="hidden" name="userId" value={user.id} />
          <button type="submit" disabled={resetPending} className="rounded border border-slate-400 px-3 py-1.5 text-sm">
            Password reset link<span className="sr-only"> for {user.name}</span>
          </button>
        </form>
      </div>
      <FormMessage state={activeState} />
      <FormMessage state={roleState} />
      <FormMessage state={resetState} />
      {resetState?.ok && resetState.result?.url && <CopyableLink url={resetState.result.url} label={`Reset link for ${user.name}`} />}
    </div>
  );
}
