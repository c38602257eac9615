import { notFound } from "next/navigation";
import { requireReader } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { loadPlanOr404 } from "@/lib/plans/load";
import { getReport } from "@/lib/reports/queries";

// Every report page: the plan, the reader, and the report they may see (a
// draft only with report.manage; anything else is a 404, not a 403, so drafts'
// existence does not leak).
export async function loadReportPage(params: Promise<{ plan: string; report: string }>) {
  const { plan: slug, report: id } = await params;
  const plan = await loadPlanOr404(slug);
  const user = await requireReader();
  const manage = can(user, "report.manage");
  const view = /^\d+$/.test(id) ? getReport(plan.id, Number(id), manage) : null;
  if (!view) notFound();
  return { plan, user, manage, ...view, base: `/plans/${plan.slug}/reports` };
}
