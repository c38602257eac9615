"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/forms/form-action";
import { correctMeasurement, recordMeasurement } from "@/lib/metrics/service";
import { formatValue } from "@/lib/metrics/units";
import { getDb } from "@/db";
import { metrics } from "@/db/schema";
import { eq } from "drizzle-orm";

// Measurement forms post here from the metric page, My quarter and action
// pages. The services authorise; these only report back and refresh.

function refresh() {
  // Statuses show on the dashboard, cluster, action, overview and My quarter pages.
  revalidatePath("/plans/[plan]", "layout");
  revalidatePath("/actions/[id]", "page");
  revalidatePath("/my-quarter");
}

const unitOf = (metricId: number) => getDb().select({ unit: metrics.unit, unitLabel: metrics.unitLabel, name: metrics.name }).from(metrics).where(eq(metrics.id, metricId)).get()!;

export const recordMeasurementAction = formAction((input, actor) => {
  const row = recordMeasurement(actor, input);
  refresh();
  const m = unitOf(row.metricId);
  return { ok: true, message: `Recorded ${m.name} for ${row.periodLabel}: ${formatValue(row.value, m.unit, m.unitLabel)}.` };
});

export const correctMeasurementAction = formAction((input, actor) => {
  const row = correctMeasurement(actor, input);
  refresh();
  const m = unitOf(row.metricId);
  return { ok: true, message: `Corrected ${m.name} for ${row.periodLabel} to ${formatValue(row.value, m.unit, m.unitLabel)}; the earlier value stays in the history.` };
});
