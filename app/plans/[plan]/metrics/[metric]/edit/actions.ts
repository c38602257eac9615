"use server";

import { eq } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { metrics, plans } from "@/db/schema";
import { formAction } from "@/lib/forms/form-action";
import { setMetricRetired, updateMetric } from "@/lib/metrics/service";

function refresh() {
  revalidatePath("/plans/[plan]", "layout");
  revalidatePath("/actions/[id]", "page");
  revalidatePath("/my-quarter");
}

export const updateMetricAction = formAction((input, actor) => {
  const { changed } = updateMetric(actor, input);
  refresh();
  // A new key is a new address: follow it so a reload does not 404.
  const m = getDb().select({ key: metrics.key, slug: plans.slug }).from(metrics).innerJoin(plans, eq(plans.id, metrics.planId)).where(eq(metrics.id, Number(input.metricId))).get();
  if (m && typeof input.pageKey === "string" && m.key !== input.pageKey) redirect(`/plans/${m.slug}/metrics/${m.key}/edit`);
  return { ok: true, message: changed ? "Saved." : "Nothing had changed." };
});

export const retireMetricAction = formAction((input, actor) => {
  const { changed } = setMetricRetired(actor, input);
  refresh();
  return { ok: true, message: changed ? (input.retired === "true" ? "Retired." : "Brought back.") : "No change." };
});
