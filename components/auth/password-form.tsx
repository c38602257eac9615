"use client";

import { useActionState } from "react";
import { FormMessage, formKey, SubmitButton, TextField } from "@/components/forms/fields";
import type { FormState } from "@/lib/forms/form-action";

// Used by the invitation page (with a name) and the password-reset page.
export function TokenPasswordForm({ action, token, askName, submitLabel }: { action: (s: FormState, f: FormData) => Promise<FormState>; token: string; askName: boolean; submitLabel: string }) {
  const [state, submit, pending] = useActionState(action, null);
  return (
    <form action={submit} key={formKey(state)} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      {askName && <TextField label="Your name" name="name" state={state} autoComplete="name" required />}
      <TextField label="Password" name="password" type="password" state={state} autoComplete="new-password" required hint="8 to 128 characters. A few unrelated words make a strong password." />
      <FormMessage state={state} />
      <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
    </form>
  );
}
