"use server";

import { revalidatePath } from "next/cache";
import { updateAction } from "@/lib/actions/service";
import { formDataToObject, toFormState, type FormState } from "@/lib/forms/form-action";
import { getCurrentActor } from "@/lib/auth/session";

// On any refusal the submitted values go back to the form, so nothing typed is lost.
export async function saveActionAction(_state: FormState, form: FormData): Promise<FormState> {
  const values = Object.fromEntries(Object.entries(formDataToObject(form)).map(([k, v]) => [k, String(v)]));
  try {
    const result = updateAction(await getCurrentActor(), values);
    revalidatePath(`/actions/${values.actionId}`);
    return { ok: true, message: result.changed ? "Saved." : "Nothing to save: no field changed.", result: { version: String(result.version) } };
  } catch (error) {
    return toFormState(error, values);
  }
}

