"use client";

import { useActionState } from "react";
import { CopyableLink } from "@/components/admin/invite-form";
import { FormMessage } from "@/components/forms/fields";
import type { FormState } from "@/lib/forms/form-action";

const button = "rounded px-4 py-2 text-sm font-medium disabled:opacity-70";

// One form, two buttons (intent=create|remove), so the link shown is always
// the outcome of the last thing the person did.
export function CalendarLinkForm({ action, hasLink }: { action: (s: FormState, f: FormData) => Promise<FormState>; hasLink: boolean }) {
  const [state, submit, pending] = useActionState(action, null);
  const url = state?.ok ? state.result?.url : undefined;
  return (
    <form action={submit} className="space-y-3">
      <FormMessage state={state} />
      {url && (
        <div className="space-y-1">
          <CopyableLink url={url} label="Calendar link" />
          <p className="text-sm text-slate-700">Copy it now: it is shown only once. Add it to your calendar app as a subscription (“From URL”).</p>
        </div>
      )}
      {!url && <p className="text-sm text-slate-800">{hasLink ? "You have a calendar link. If you lost it, or someone else has it, reset it: the old link stops working." : "You have no calendar link yet."}</p>}
      <div className="flex flex-wrap gap-3">
        <button type="submit" name="intent" value="create" disabled={pending} className={`${button} bg-blue-800 text-white hover:bg-blue-900`}>
          {hasLink ? "Reset calendar link" : "Create calendar link"}
        </button>
        {hasLink && (
          <button type="submit" name="intent" value="remove" disabled={pending} className={`${button} border border-slate-400 bg-white text-slate-900 hover:bg-slate-100`}>
            Turn off calendar link
          </button>
        )}
      </div>
    </form>
  );
}
