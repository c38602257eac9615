"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getCurrentActor } from "@/lib/auth/session";
import { formAction, formDataToObject, toFormState, type FormState } from "@/lib/forms/form-action";
import { changePassword, signOutEverywhere, updateProfile } from "@/lib/users/service";

export const updateProfileAction = formAction(async (input, actor) => {
  updateProfile(actor, input);
  revalidatePath("/", "layout");
  return { ok: true, message: "Your name is saved." };
});

// Changing the password ends every session, this one included: sign in again.
export async function changePasswordAction(_state: FormState, form: FormData): Promise<FormState> {
  const input = formDataToObject(form);
  try {
    await changePassword(await getCurrentActor(), input);
  } catch (error) {
    return toFormState(error, input);
  }
  redirect("/login?changed=1");
}

export async function signOutEverywhereAction(_state: FormState, _form: FormData): Promise<FormState> {
  try {
    signOutEverywhere(await getCurrentActor());
  } catch (error) {
    return toFormState(error);
  }
  redirect("/login?signedout=1");
}
