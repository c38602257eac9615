"use client";

import { useActionState, useId } from "react";
import type { FormState } from "@/lib/forms/form-action";

type ServerAction = (state: FormState, form: FormData) => Promise<FormState>;

// The values a form started from and the version they belong to.
export interface Baseline {
  version: number;
  values: Record<string, string>;
}

export type EditState = null | (Exclude<FormState, null> & { baseline?: Baseline; clashes?: string[] });

// A refused save's baseline (the record as the other person left it) wins
// until the page itself brings a newer version.
function current(state: EditState, start: Baseline): Baseline {
  return state && !state.ok && state.baseline && state.baseline.version > start.version ? state.baseline : start;
}

// Every edit form of the plan editor. It carries the version the person
// started from; when a save is refused because someone else saved first, the
// form is merged: fields the person left alone take the other person's
// values, fields they typed in keep their text (and are flagged when the
// other person changed them too), and the version moves on so the next save
// applies the person's text on top of the other change they have now seen.
export function useEditForm(action: ServerAction, start: Baseline) {
  const idPrefix = useId();
  const [state, submit, pending] = useActionState<EditState, FormData>(async (previous, form) => {
    const baseline = current(previous, start);
    const result = await action(null, form);
    if (!result || result.ok) return result;
    // An unticked checkbox posts nothing: read it as "".
    const typed: Record<string, string> = { ...result.values };
    for (const key of Object.keys(baseline.values)) typed[key] ??= "";
    if (!result.conflict) return { ...result, values: typed, baseline };
    const theirs = result.conflict.current;
    const values = { ...typed };
    const clashes: string[] = [];
    for (const [key, value] of Object.entries(theirs)) {
      const base = baseline.values[key] ?? "";
      if (typed[key] === base) values[key] = value;
      else if (value !== base && value !== typed[key]) clashes.push(key);
    }
    return { ...result, values, clashes, baseline: { version: result.conflict.version, values: theirs } };
  }, null);

  const baseline = current(state, start);
  const typed = state && !state.ok ? state.values : undefined;
  return {
    state,
    submit,
    pending,
    idPrefix,
    version: baseline.version,
    // Remount the inputs with each answer, so they show the values sent back.
    key: JSON.stringify([state, start.version]),
    value: (name: string) => typed?.[name] ?? baseline.values[name] ?? "",
    clash: (name: string) => (state && !state.ok && state.conflict && state.clashes?.includes(name) ? { by: state.conflict.by, value: state.conflict.current[name] ?? "" } : undefined),
  };
}

export type EditForm = ReturnType<typeof useEditForm>;
