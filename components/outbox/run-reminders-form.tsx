"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/fields";
import type { FormState } from "@/lib/forms/form-action";

export function RunRemindersForm({ action }: { action: (s: FormState, f: FormData) => Promise<FormState> }) {
  const [state, submit, pending] = useActionState(action, null);
  return (
    <form action={submit} className="space-y-3">
      <button type="submit" disabled={pending} className="rounded bg-blue-800 px-4 py-2 text-sm font-medium text-white hover:bg-blue-900 disabled:opacity-70">
        {pending ? "Sending…" : "Send due reminders now"}
      </button>
      <FormMessage state={state} />
    </form>
  );
}
