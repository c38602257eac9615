"use server";

import { redirect } from "next/navigation";
import { toFormState, formDataToObject, type FormState } from "@/lib/forms/form-action";
import { resetPassword } from "@/lib/users/service";

export async function resetPasswordAction(_state: FormState, form: FormData): Promise<FormState> {
  const input = formDataToObject(form);
  try {
    await resetPassword(input);
  } catch (error) {
    return toFormState(error, input);
  }
  redirect("/login?reset=1");
}
