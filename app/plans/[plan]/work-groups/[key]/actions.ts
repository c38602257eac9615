"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/forms/form-action";
import { setMembership } from "@/lib/users/service";

export const setMembershipAction = formAction(async (input, actor) => {
  setMembership(actor, input);
  revalidatePath("/plans/[plan]/work-groups/[key]", "page");
  return { ok: true, message: input.role === "none" ? "Removed from the work group." : "Membership saved." };
});
