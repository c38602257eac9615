"use server";

import { revalidatePath } from "next/cache";
import { addAttachments, removeAttachment } from "@/lib/attachments/service";
import { getCurrentActor } from "@/lib/auth/session";
import { toFormState, type FormState } from "@/lib/forms/form-action";
import { plural } from "@/lib/format";

// Action pages are rendered per request; this refreshes the one on screen.
const refresh = () => revalidatePath("/actions/[id]", "page");

export async function addAttachmentsAction(_state: FormState, form: FormData): Promise<FormState> {
  const values = { updateId: String(form.get("updateId") ?? "") };
  try {
    const added = await addAttachments(await getCurrentActor(), { updateId: values.updateId, files: form.getAll("attachments") });
    if (added.length === 0) return { ok: false, message: "Choose a file to attach.", fieldErrors: { attachments: ["Choose a file to attach."] }, values };
    refresh();
    return { ok: true, message: `Attached ${plural(added.length, "file")}.` };
  } catch (error) {
    return toFormState(error, values);
  }
}

export async function removeAttachmentAction(_state: FormState, form: FormData): Promise<FormState> {
  const values = { attachmentId: String(form.get("attachmentId") ?? "") };
  try {
    removeAttachment(await getCurrentActor(), values);
    refresh();
    return { ok: true, message: "Removed." };
  } catch (error) {
    return toFormState(error, values);
  }
}
