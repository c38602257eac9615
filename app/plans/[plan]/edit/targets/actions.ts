"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/forms/form-action";
import { createTarget, moveTarget, setTargetRetired, updateTarget } from "@/lib/targets/service";

const refresh = () => revalidatePath("/plans/[plan]", "layout");

export const createTargetAction = formAction((input, actor) => {
  createTarget(actor, input);
  refresh();
  return { ok: true, message: "Target added." };
});

export const updateTargetAction = formAction((input, actor) => {
  const { changed } = updateTarget(actor, input);
  refresh();
  return { ok: true, message: changed ? "Saved." : "Nothing to save: no field changed." };
});

export const moveTargetAction = formAction((input, actor) => {
  moveTarget(actor, input);
  refresh();
});

export const retireTargetAction = formAction((input, actor) => {
  const { target } = setTargetRetired(actor, input);
  refresh();
  return { ok: true, message: target.retiredAt ? "Retired." : "Brought back." };
});
