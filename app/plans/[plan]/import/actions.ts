"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getCurrentActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { toFormState, type FormState } from "@/lib/forms/form-action";
import { commitImport, previewImport } from "@/lib/imports/service";
import { formatMegabytes, SPREADSHEET_LIMITS } from "@/lib/spreadsheets/limits";

const text = (v: FormDataEntryValue | null) => (typeof v === "string" ? v : "");

// Step 1 → 2: check the uploaded file (a dry run) and show its preview.
export async function previewImportAction(_state: FormState, form: FormData): Promise<FormState> {
  const values = { plan: text(form.get("plan")), kind: text(form.get("kind")), periodId: text(form.get("periodId")) };
  let batchId: number;
  try {
    const file = form.get("file");
    if (!(file instanceof File) || file.name === "") throw new AppError("INVALID_INPUT", "Choose a file to upload.", { file: ["Choose a file to upload."] });
    // Refused before its bytes are copied out of the request.
    if (file.size > SPREADSHEET_LIMITS.maxBytes) {
      const message = `The file is ${formatMegabytes(file.size)}; the limit is ${formatMegabytes(SPREADSHEET_LIMITS.maxBytes)}.`;
      throw new AppError("INVALID_INPUT", message, { file: [message] });
    }
    const result = await previewImport(await getCurrentActor(), values, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    batchId = result.batchId;
  } catch (error) {
    const state = toFormState(error, values);
    // The reason is shown under the file field; the summary just points there.
    if (state && !state.ok && state.fieldErrors?.file) return { ...state, message: "This file was not accepted: see why under the file field." };
    return state;
  }
  redirect(`/plans/${encodeURIComponent(values.plan)}/import/${batchId}`);
}

// Step 3: write a checked batch, all of it or nothing.
export async function commitImportAction(_state: FormState, form: FormData): Promise<FormState> {
  const values = { plan: text(form.get("plan")), batchId: text(form.get("batchId")) };
  try {
    commitImport(await getCurrentActor(), values);
  } catch (error) {
    return toFormState(error, values);
  }
  // Actions, statuses and the dashboard may all have changed.
  revalidatePath(`/plans/${values.plan}`, "layout");
  revalidatePath("/actions/[id]", "page");
  redirect(`/plans/${encodeURIComponent(values.plan)}/import/${values.batchId}`);
}
