import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { getCurrentActor } from "@/lib/auth/session";
import { isAppError, type ConflictDetail } from "@/lib/errors";

export type FormState =
  | null
  | { ok: true; message?: string; result?: Record<string, string> }
  | { ok: false; message: string; fieldErrors?: Record<string, string[] | undefined>; values?: Record<string, string>; conflict?: ConflictDetail };

// FormData -> plain object; a repeated field (checkbox group) becomes an array.
export function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = form.getAll(key).map((v) => (typeof v === "string" ? v : v.name));
    out[key] = values.length > 1 ? values : values[0];
  }
  return out;
}

// The one wrapper for server actions: who is asking (checked by the service,
// never here alone), the form as an object, and errors turned into state the
// form shows next to its fields. Anything else is a real bug and is rethrown.
export function formAction(handler: (input: Record<string, unknown>, actor: Actor) => Promise<FormState | void> | FormState | void) {
  return async (_previous: FormState, form: FormData): Promise<FormState> => {
    const input = formDataToObject(form);
    try {
      const actor = await getCurrentActor();
      return (await handler(input, actor)) ?? { ok: true };
    } catch (error) {
      return toFormState(error, input);
    }
  };
}

// The typed values go back with a refusal so the form can show them again
// (React resets a form after its action); secrets are never echoed.
export function toFormState(error: unknown, input: Record<string, unknown> = {}): FormState {
  const values = Object.fromEntries(Object.entries(input).filter(([k, v]) => typeof v === "string" && !/password|token/i.test(k))) as Record<string, string>;
  if (error instanceof z.ZodError) {
    return { ok: false, message: "Please correct the highlighted fields.", fieldErrors: z.flattenError(error).fieldErrors as Record<string, string[]>, values };
  }
  if (isAppError(error)) return { ok: false, message: error.message, fieldErrors: error.fieldErrors, values, ...(error.conflict ? { conflict: error.conflict } : {}) };
  throw error;
}
