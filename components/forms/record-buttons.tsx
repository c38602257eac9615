"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/forms/form-action";
import { EditMessage } from "./edit-fields";
import { useEditForm } from "./use-edit-form";

type ServerAction = (state: FormState, form: FormData) => Promise<FormState>;

const small = "rounded border border-slate-500 bg-white px-2 py-1 text-xs font-medium text-slate-900 hover:bg-slate-100 disabled:opacity-60";

// Up and down among the record's siblings. Each button is its own tiny form;
// `what` names the record for screen readers ("Move Energy up").
export function MoveButtons({ action, idName, id, what, first, last }: { action: ServerAction; idName: string; id: number; what: string; first: boolean; last: boolean }) {
  const [state, submit, pending] = useActionState(action, null);
  return (
    <div className="flex flex-wrap items-center gap-1">
      {(["up", "down"] as const).map((direction) => (
        <form key={direction} action={submit}>
          <input type="hidden" name={idName} value={id} />
          <input type="hidden" name="direction" value={direction} />
          <button type="submit" className={small} disabled={pending || (direction === "up" ? first : last)}>
            <span aria-hidden="true">{direction === "up" ? "↑" : "↓"}</span> Move {direction}
            <span className="sr-only"> {what}</span>
          </button>
        </form>
      ))}
      {state && !state.ok && (
        <p role="alert" className="text-xs text-red-800">
          {state.message}
        </p>
      )}
    </div>
  );
}

// Retire or bring back, carrying the version the page was showing: a record
// someone changed in the meantime is refused with their name and change.
export function RetireButton({ action, idName, id, version, retired, what }: { action: ServerAction; idName: string; id: number; version: number; retired: boolean; what: string }) {
  const f = useEditForm(action, { version, values: {} });
  return (
    <div>
      <form action={f.submit}>
        <input type="hidden" name={idName} value={id} />
        <input type="hidden" name="version" value={f.version} />
        <input type="hidden" name="retired" value={retired ? "false" : "true"} />
        <button type="submit" className={small} disabled={f.pending}>
          {retired ? "Bring back" : "Retire"}
          <span className="sr-only"> {what}</span>
        </button>
      </form>
      {f.state && !f.state.ok && (
        <div className="mt-1 max-w-md">
          <EditMessage f={f} />
        </div>
      )}
    </div>
  );
}
