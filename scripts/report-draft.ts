import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { plans } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { getCurrentPeriod, listPeriods } from "@/lib/periods/queries";
import { getReport, listReports } from "@/lib/reports/queries";
import { createReportDraft, refreshReportDraft } from "@/lib/reports/service";

// The draft report of a plan's period, made or refreshed through the report
// service (same checks, compilation and audit entries as the Reports page).
// Shared by `npm run report` and the benchmark.

export interface DraftResult {
  reportId: number;
  planSlug: string;
  periodLabel: string;
  // "created": a new draft; "refreshed": the existing draft's figures compiled again.
  action: "created" | "refreshed";
  version: number;
  path: string;
  // Wall time of the service call: compiling the report plus writing it.
  ms: number;
}

export function draftReport(actor: Actor, planSlug: string, periodLabel: string): DraftResult {
  const plan = getDb().select({ id: plans.id, slug: plans.slug }).from(plans).where(eq(plans.slug, planSlug)).get();
  if (!plan) throw new AppError("NOT_FOUND", `No plan "${planSlug}".`);
  const period =
    periodLabel === "current"
      ? getCurrentPeriod(plan.id)
      : listPeriods(plan.id).find((p) => p.label.toLowerCase() === periodLabel.toLowerCase());
  if (!period) {
    const labels = listPeriods(plan.id).map((p) => p.label);
    const known = labels.length ? `Its periods: ${labels.join(", ")}.` : "It has no reporting periods.";
    throw new AppError("NOT_FOUND", `${plan.slug} has ${periodLabel === "current" ? "no current period" : `no period "${periodLabel}"`}. ${known}`);
  }
  const draft = listReports(plan.id, true).find((r) => r.periodId === period.id && r.status === "draft");
  const t0 = performance.now();
  let result: Omit<DraftResult, "ms" | "planSlug" | "periodLabel" | "path">;
  if (draft) {
    const { report } = getReport(plan.id, draft.id, true)!;
    result = { reportId: report.id, action: "refreshed", version: refreshReportDraft(actor, { reportId: report.id, version: report.version }).version };
  } else {
    const row = createReportDraft(actor, { periodId: period.id });
    result = { reportId: row.id, action: "created", version: row.version };
  }
  const ms = performance.now() - t0;
  return { ...result, planSlug: plan.slug, periodLabel: period.label, path: `/plans/${plan.slug}/reports/${result.reportId}`, ms };
}
