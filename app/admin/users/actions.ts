"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/forms/form-action";
import { changeUserRole, inviteUser, issuePasswordReset, setUserActive } from "@/lib/users/service";

// Thin callers: the services validate and authorize.
export const inviteAction = formAction(async (input, actor) => {
  const result = await inviteUser(actor, input);
  revalidatePath("/admin/users");
  return {
    ok: true,
    message: result.emailed ? "Invitation sent by email. You can also copy the link below." : "Invitation created. Copy the link below and send it to the person.",
    result: { url: result.url, expiresAt: result.expiresAt },
  };
});

export const setActiveAction = formAction(async (input, actor) => {
  setUserActive(actor, input);
  revalidatePath("/admin/users");
  return { ok: true, message: input.isActive === "true" ? "Account reactivated." : "Account deactivated; their sessions have ended." };
});

export const changeRoleAction = formAction(async (input, actor) => {
  changeUserRole(actor, input);
  revalidatePath("/admin/users");
  return { ok: true, message: "Role changed; their sessions have ended so the new role applies at once." };
});

export const resetLinkAction = formAction(async (input, actor) => {
  const result = await issuePasswordReset(actor, input);
  return { ok: true, message: result.emailed ? "Reset link sent by email." : "Reset link created. Copy it and send it to the person.", result: { url: result.url, expiresAt: result.expiresAt } };
});
