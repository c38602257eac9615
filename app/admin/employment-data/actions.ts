"use server";

import { acceptEmploymentUploads } from "@/lib/analytics/upload";
import type { ImportJob } from "@/lib/analytics/import-jobs";
import { getCurrentActor } from "@/lib/auth/session";
import { toFormState } from "@/lib/forms/form-action";

export type UploadState = { ok: true; jobs: ImportJob[] } | { ok: false; message: string; fieldErrors?: Record<string, string[] | undefined> };

// Thin caller: acceptEmploymentUploads authorizes (analytics.manage), checks
// each file and queues the imports, which are audited when they commit.
export async function uploadEmploymentFilesAction(form: FormData): Promise<UploadState> {
  try {
    const files = form.getAll("files").filter((f): f is File => f instanceof File);
    return { ok: true, jobs: await acceptEmploymentUploads(await getCurrentActor(), files) };
  } catch (error) {
    const state = toFormState(error);
    return state && !state.ok ? { ok: false, message: state.message, fieldErrors: state.fieldErrors } : { ok: false, message: "The upload failed." };
  }
}
