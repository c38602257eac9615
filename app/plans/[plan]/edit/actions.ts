"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/forms/form-action";
import { createSection, moveSection, setSectionRetired, updateSection } from "@/lib/sections/service";

// Every plan page shows sections (dashboard, filters, cluster pages).
const refresh = () => revalidatePath("/plans/[plan]", "layout");

export const createSectionAction = formAction((input, actor) => {
  const row = createSection(actor, input);
  refresh();
  return { ok: true, message: `Added “${row.title}”.` };
});

export const updateSectionAction = formAction((input, actor) => {
  const { changed } = updateSection(actor, input);
  refresh();
  return { ok: true, message: changed ? "Saved." : "Nothing to save: no field changed." };
});

export const moveSectionAction = formAction((input, actor) => {
  moveSection(actor, input);
  refresh();
});

export const retireSectionAction = formAction((input, actor) => {
  const { section } = setSectionRetired(actor, input);
  refresh();
  return { ok: true, message: section.retiredAt ? "Retired." : "Brought back." };
});
