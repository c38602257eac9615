"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/forms/form-action";
import { reviewUpdate, saveUpdate, submitDrafts } from "@/lib/updates/service";

// The update server actions shared by the action page, "My quarter" and the
// review queue. Thin callers: the services validate, authorize and audit.

function refresh(actionId?: number) {
  if (actionId) revalidatePath(`/actions/${actionId}`);
  revalidatePath("/my-quarter");
  revalidatePath("/plans/[plan]", "layout");
}

export const saveUpdateAction = formAction((input, actor) => {
  const row = saveUpdate(actor, input);
  refresh(row.actionId);
  return { ok: true, message: row.reviewState === "draft" ? "Draft saved. It is not submitted yet." : "Update submitted for review.", result: { version: String(row.version) } };
});

export const submitDraftsAction = formAction((input, actor) => {
  const { submitted } = submitDrafts(actor, input);
  refresh();
  return { ok: true, message: submitted === 1 ? "1 draft submitted." : `${submitted} drafts submitted.` };
});

export const reviewUpdateAction = formAction((input, actor) => {
  const row = reviewUpdate(actor, input);
  refresh(row.actionId);
  return { ok: true, message: row.reviewState === "accepted" ? "Update accepted." : "Update returned to its author." };
});
