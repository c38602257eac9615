"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/fields";
import type { FormState } from "@/lib/forms/form-action";

export function CommitImportForm({ action, plan, batchId, label }: { action: (s: FormState, f: FormData) => Promise<FormState>; plan: string; batchId: number; label: string }) {
  const [state, submit, pending] = useActionState(action, null);
  return (
    <form action={submit} className="space-y-3">
      <input type="hidden" name="plan" value={plan} />
      <input type="hidden" name="batchId" value={batchId} />
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className="rounded bg-blue-800 px-4 py-2 text-sm font-medium text-white hover:bg-blue-900 disabled:opacity-70">
        {pending ? "Importing…" : label}
      </button>
    </form>
  );
}
