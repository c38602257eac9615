"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { LINK_COOKIE, signLinkIntent } from "@/lib/auth/sso";
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

// Step one of linking an SSO identity: a signed, 10-minute cookie naming this
// user; the browser then goes to the provider, and the sign-in callback links it.
export async function startSsoLinkAction(): Promise<{ ok: boolean }> {
  const actor = await getCurrentActor();
  if (actor.kind !== "user") return { ok: false };
  const store = await cookies();
  store.set(LINK_COOKIE, signLinkIntent(actor.userId), { httpOnly: true, sameSite: "lax", secure: process.env.NEXTAUTH_URL?.startsWith("https://") ?? false, maxAge: 600, path: "/" });
  return { ok: true };
}
