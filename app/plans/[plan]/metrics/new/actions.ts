"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { plans } from "@/db/schema";
import { eq } from "drizzle-orm";
import { formAction } from "@/lib/forms/form-action";
import { createMetric } from "@/lib/metrics/service";

export const createMetricAction = formAction((input, actor) => {
  const row = createMetric(actor, input);
  const slug = getDb().select({ slug: plans.slug }).from(plans).where(eq(plans.id, row.planId)).get()!.slug;
  revalidatePath("/plans/[plan]", "layout");
  revalidatePath("/actions/[id]", "page");
  redirect(`/plans/${slug}/metrics/${row.key}`);
});
