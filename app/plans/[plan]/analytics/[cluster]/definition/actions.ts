"use server";

import { revalidatePath } from "next/cache";
import { eq } from "drizzle-orm";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { plans } from "@/db/schema";
import { removeClusterDefinition, saveClusterDefinition } from "@/lib/analytics/definitions";
import { formAction } from "@/lib/forms/form-action";

// Thin callers: the services validate, authorize and audit.
const refresh = () => revalidatePath("/plans/[plan]", "layout");

export const saveDefinitionAction = formAction((input, actor) => {
  const { created, changed, warnings } = saveClusterDefinition(actor, input);
  refresh();
  const said = created ? "Defined as a cluster." : changed ? "Saved." : "Nothing to save: no field changed.";
  return { ok: true, message: [said, ...warnings].join(" ") };
});

export const removeDefinitionAction = formAction((input, actor) => {
  const { planId } = removeClusterDefinition(actor, input);
  const slug = getDb().select({ slug: plans.slug }).from(plans).where(eq(plans.id, planId)).get()!.slug;
  refresh();
  redirect(`/plans/${slug}/analytics/settings`);
});
