"use server";

import { revalidatePath } from "next/cache";
import { moveAction, setActionRetired, updateAction } from "@/lib/actions/service";
import { formAction, formDataToObject, toFormState, type FormState } from "@/lib/forms/form-action";
import { getCurrentActor } from "@/lib/auth/session";

// The action's page and the plan's lists and dashboard show what changes here.
function refresh() {
  revalidatePath("/actions/[id]", "page");
  revalidatePath("/plans/[plan]", "layout");
}

// On any refusal the submitted values go back to the form, so nothing typed is lost.
export async function saveActionAction(_state: FormState, form: FormData): Promise<FormState> {
  const values = Object.fromEntries(Object.entries(formDataToObject(form)).map(([k, v]) => [k, String(v)]));
  try {
    const result = updateAction(await getCurrentActor(), values);
    refresh();
    return { ok: true, message: result.changed ? "Saved." : "Nothing to save: no field changed.", result: { version: String(result.version) } };
  } catch (error) {
    return toFormState(error, values);
  }
}

export const moveActionAction = formAction((input, actor) => {
  moveAction(actor, input);
  refresh();
});

export const retireActionAction = formAction((input, actor) => {
  setActionRetired(actor, input);
  refresh();
});
