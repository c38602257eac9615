"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/forms/form-action";
import { createOrganization, setOrganizationRetired, updateOrganization } from "@/lib/organizations/service";

// Organizations appear on partner pages and in every plan's champion lists.
const refresh = () => {
  revalidatePath("/organizations", "layout");
  revalidatePath("/plans/[plan]", "layout");
};

export const createOrganizationAction = formAction((input, actor) => {
  const row = createOrganization(actor, input);
  refresh();
  redirect(`/organizations/${row.slug}`);
});

export const updateOrganizationAction = formAction((input, actor) => {
  const { changed } = updateOrganization(actor, input);
  refresh();
  return { ok: true, message: changed ? "Saved." : "Nothing to save: no field changed." };
});

export const retireOrganizationAction = formAction((input, actor) => {
  const { organization } = setOrganizationRetired(actor, input);
  refresh();
  return { ok: true, message: organization.retiredAt ? "Retired." : "Brought back." };
});
