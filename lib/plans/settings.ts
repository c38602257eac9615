import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { plans } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { diffFields } from "@/lib/editing/changes";
import { AppError } from "@/lib/errors";
import { rollUpPlan } from "@/lib/updates/rollup";

// Shared by the reporting settings form and updateReportingSettings().
export const reportingSettingsSchema = z.object({
  planId: z.coerce.number().int().positive(),
  version: z.coerce.number().int().positive(),
  countSubmittedUpdates: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  reminderDaysBefore: z.coerce.number({ message: "Enter a number of days from 0 to 60." }).int("Use a whole number of days.").min(0, "Use 0 to 60 days.").max(60, "Use 0 to 60 days."),
});

export function updateReportingSettings(actor: Actor, input: unknown) {
  const data = reportingSettingsSchema.parse(input);
  authorize(actor, "period.manage");
  return getDb().transaction((tx) => {
    const plan = tx.select().from(plans).where(eq(plans.id, data.planId)).get();
    if (!plan) throw new AppError("NOT_FOUND", "No such plan.");
    if (plan.version !== data.version) throw new AppError("CONFLICT", "Someone else changed this plan's settings after you opened them. Reload to see their change, then apply yours again.");
    const before = { countSubmittedUpdates: plan.countSubmittedUpdates, reminderDaysBefore: plan.reminderDaysBefore };
    const after = { countSubmittedUpdates: data.countSubmittedUpdates, reminderDaysBefore: data.reminderDaysBefore };
    if (before.countSubmittedUpdates === after.countSubmittedUpdates && before.reminderDaysBefore === after.reminderDaysBefore) return plan;
    const row = tx.update(plans).set({ ...after, version: plan.version + 1, updatedAt: new Date().toISOString() }).where(eq(plans.id, plan.id)).returning().get();
    // Whether submitted updates count changes every action's current status.
    if (before.countSubmittedUpdates !== after.countSubmittedUpdates) rollUpPlan(tx, plan.id);
    // Only the fields that changed, so a stale form elsewhere lists just those (lib/editing/conflict.ts).
    recordAudit(tx, actor, { action: "plan.reporting_settings", entityType: "plan", entityId: plan.id, ...diffFields(before, after) });
    return row;
  });
}
