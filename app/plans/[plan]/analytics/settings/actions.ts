"use server";

import { revalidatePath } from "next/cache";
import { savePlanRegion, saveRegion } from "@/lib/analytics/definitions";
import { formAction } from "@/lib/forms/form-action";

// Thin callers: the services validate, authorize and audit. A region may be
// shared by several plans, so every plan's pages are refreshed.
const refresh = () => revalidatePath("/plans/[plan]", "layout");

export const savePlanRegionAction = formAction((input, actor) => {
  const { changed } = savePlanRegion(actor, input);
  refresh();
  return { ok: true, message: changed ? "Saved. The plan's figures now use this region and reference area." : "Nothing to save: no field changed." };
});

export const saveRegionAction = formAction((input, actor) => {
  const { changed } = saveRegion(actor, input);
  refresh();
  return { ok: true, message: changed ? "Region saved." : "Nothing to save: no field changed." };
});
