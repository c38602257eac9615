"use server";

import { redirect } from "next/navigation";
import { toFormState, formDataToObject, type FormState } from "@/lib/forms/form-action";
import { acceptInvitation } from "@/lib/users/service";

// No session is needed: the single-use token is the credential.
export async function acceptInvitationAction(_state: FormState, form: FormData): Promise<FormState> {
  const input = formDataToObject(form);
  try {
    await acceptInvitation(input);
  } catch (error) {
    return toFormState(error, input);
  }
  redirect("/login?welcome=1");
}
