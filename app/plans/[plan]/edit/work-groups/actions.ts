"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/forms/form-action";
import { createWorkGroup, moveWorkGroup, setWorkGroupRetired, updateWorkGroup } from "@/lib/work-groups/service";

const refresh = () => revalidatePath("/plans/[plan]", "layout");

export const createWorkGroupAction = formAction((input, actor) => {
  const row = createWorkGroup(actor, input);
  refresh();
  return { ok: true, message: `Added “${row.name}”.` };
});

export const updateWorkGroupAction = formAction((input, actor) => {
  const { changed } = updateWorkGroup(actor, input);
  refresh();
  return { ok: true, message: changed ? "Saved." : "Nothing to save: no field changed." };
});

export const moveWorkGroupAction = formAction((input, actor) => {
  moveWorkGroup(actor, input);
  refresh();
});

export const retireWorkGroupAction = formAction((input, actor) => {
  const { group } = setWorkGroupRetired(actor, input);
  refresh();
  return { ok: true, message: group.retiredAt ? "Retired." : "Brought back." };
});
