"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { LINK_COOKIE, signLinkIntent } from "@/lib/auth/sso";
import { redirect } from "next/navigation";
import { getCurrentActor } from "@/lib/auth/session";
import { formAction, formDataToObject, toFormState, type FormState } from "@/lib/forms/form-action";
import { changePassword, signOutEverywhere, updateProfile } from "@/lib/users/service";
import { createCalendarLink, removeCalendarLink } from "@/lib/calendar/service";

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

// Create, reset or turn off the secret calendar (ICS) link. The full URL goes
// back to this form once; only its hash is kept.
export const calendarLinkAction = formAction(async (input, actor) => {
  if (input.intent === "remove") {
    removeCalendarLink(actor);
    revalidatePath("/profile");
    return { ok: true, message: "Your calendar link is turned off; the old link no longer works." };
  }
  const { url, replaced } = createCalendarLink(actor);
  revalidatePath("/profile");
  return { ok: true, message: replaced ? "New calendar link created; the old one no longer works." : "Calendar link created.", result: { url } };
});
