"use client";

import { useActionState } from "react";
import { FormMessage, formKey, SubmitButton, TextField } from "@/components/forms/fields";
import type { FormState } from "@/lib/forms/form-action";

type Action = (s: FormState, f: FormData) => Promise<FormState>;

export function NameForm({ action, name }: { action: Action; name: string }) {
  const [state, submit, pending] = useActionState(action, null);
  return (
    <form action={submit} key={formKey(state)} className="space-y-4">
      <TextField label="Name" name="name" state={state} defaultValue={name} autoComplete="name" required />
      <FormMessage state={state} />
      <SubmitButton pending={pending}>Save name</SubmitButton>
    </form>
  );
}

export function ChangePasswordForm({ action }: { action: Action }) {
  const [state, submit, pending] = useActionState(action, null);
  return (
    <form action={submit} key={formKey(state)} className="space-y-4">
      <TextField label="Current password" name="currentPassword" type="password" state={state} autoComplete="current-password" required />
      <TextField label="New password" name="newPassword" type="password" state={state} autoComplete="new-password" required hint="8 to 128 characters. Very common passwords are refused." />
      <TextField label="Repeat the new password" name="confirmPassword" type="password" state={state} autoComplete="new-password" required />
      <FormMessage state={state} />
      <SubmitButton pending={pending}>Change password</SubmitButton>
    </form>
  );
}

export function SignOutEverywhereForm({ action }: { action: Action }) {
  const [state, submit, pending] = useActionState(action, null);
  return (
    <form action={submit} key={formKey(state)} className="space-y-2">
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className="rounded border border-slate-400 px-4 py-2 text-sm">
        Sign out everywhere
      </button>
    </form>
  );
}
