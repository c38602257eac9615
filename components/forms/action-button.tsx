"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/forms/form-action";
import { FormMessage } from "./fields";

type Action = (state: FormState, form: FormData) => Promise<FormState>;

// A one-button form (open, close, accept…) with its hidden fields and its own
// live message, so a row of such buttons reports each result where it happened.
export function ActionButton({ action, fields, children, variant = "secondary" }: { action: Action; fields: Record<string, string | number | (string | number)[]>; children: React.ReactNode; variant?: "primary" | "secondary" }) {
  const [state, submit, pending] = useActionState(action, null);
  const style = variant === "primary" ? "bg-blue-800 text-white hover:bg-blue-900" : "border border-slate-400 bg-white text-slate-900 hover:bg-slate-50";
  return (
    <form action={submit} className="inline-block">
      {Object.entries(fields).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((one, i) => <input key={`${k}-${i}`} type="hidden" name={k} value={one} />))}
      <button type="submit" disabled={pending} className={`rounded px-3 py-1.5 text-sm font-medium disabled:opacity-70 ${style}`}>
        {children}
      </button>
      <FormMessage state={state} />
    </form>
  );
}
