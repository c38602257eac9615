"use server";

import { revalidatePath } from "next/cache";
import { addAttachments } from "@/lib/attachments/service";
import { validateUploads } from "@/lib/attachments/validate";
import { getCurrentActor } from "@/lib/auth/session";
import { formAction, formDataToObject, toFormState, type FormState } from "@/lib/forms/form-action";
import { plural } from "@/lib/format";
import { countAttachments, getUpdateFor } from "@/lib/updates/queries";
import { reviewUpdate, saveUpdate, submitDrafts } from "@/lib/updates/service";

// The update server actions shared by the action page, "My quarter" and the
// review queue. Thin callers: the services validate, authorize and audit.

function refresh(actionId?: number) {
  if (actionId) revalidatePath(`/actions/${actionId}`);
  revalidatePath("/my-quarter");
  revalidatePath("/plans/[plan]", "layout");
}

// Files ride along with the update. They are checked before anything is
// written, so a refused file leaves both the update and the files unsaved.
export async function saveUpdateAction(_state: FormState, form: FormData): Promise<FormState> {
  const input = formDataToObject(form);
  try {
    const actor = await getCurrentActor();
    const files = form.getAll("attachments").filter((f): f is File => typeof f !== "string" && f.size > 0);
    if (files.length > 0) {
      const existing = getUpdateFor(Number(input.actionId), Number(input.periodId));
      await validateUploads(files, { alreadyAttached: existing ? countAttachments(existing.id) : 0 });
    }
    const row = saveUpdate(actor, input);
    const added = files.length > 0 ? await addAttachments(actor, { updateId: row.id, files }) : [];
    refresh(row.actionId);
    const saved = row.reviewState === "draft" ? "Draft saved. It is not submitted yet." : "Update submitted for review.";
    return { ok: true, message: added.length ? `${saved} ${plural(added.length, "file")} attached.` : saved, result: { version: String(row.version) } };
  } catch (error) {
    return toFormState(error, input);
  }
}

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
