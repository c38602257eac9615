import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { actions, plans, progressUpdates, reportingPeriods, reports, sections, workGroups } from "@/db/schema";
import { systemActor } from "@/lib/auth/actor";
import { createReportDraft, publishReport } from "@/lib/reports/service";

// The report spec's own plan: one cluster, one work group, three actions, two
// quarters of updates, and the 2026 Q3 report already published, so the Q4
// report the spec compiles has figures to compare. Written into the server's
// database like the other e2e data; idempotent.

export const REPORT_PLAN = { slug: "e2e-reports", title: "E2E reports plan" };
export const NARRATIVE = "The solar permitting pilot cleared its county review in November.";
export const Q3 = { label: "2026 Q3", startDate: "2026-07-01", endDate: "2026-09-30", deadline: "2026-10-15" };
export const Q4 = { label: "2026 Q4", startDate: "2026-10-01", endDate: "2026-12-31", deadline: "2027-01-15" };

export function ensureReportPlan() {
  const db = getDb();
  const existing = db.select().from(plans).where(eq(plans.slug, REPORT_PLAN.slug)).get();
  if (existing) return existing;
  const plan = db.transaction(
    (tx) => {
      const p = tx.insert(plans).values({ ...REPORT_PLAN, region: "Test valley", status: "draft", periodStart: "2026-01-01", periodEnd: "2030-12-31" }).returning().get();
      const cluster = tx.insert(sections).values({ planId: p.id, key: "energy", kind: "cluster", title: "Energy", position: 1 }).returning().get();
      const group = tx.insert(workGroups).values({ planId: p.id, key: "energy-wg", name: "Energy work group", status: "active" }).returning().get();
      const q3 = tx.insert(reportingPeriods).values({ planId: p.id, ...Q3, status: "closed" }).returning().get();
      const q4 = tx.insert(reportingPeriods).values({ planId: p.id, ...Q4, status: "open", isCurrent: true }).returning().get();
      const act = (code: string, title: string, position: number) => tx.insert(actions).values({ planId: p.id, sectionId: cluster.id, workGroupId: group.id, code, title, text: `${title}.`, position }).returning().get();
      const solar = act("EN-1", "Speed up solar permitting", 1);
      const grid = act("EN-2", "Plan grid upgrades with the utilities", 2);
      act("EN-3", "Train solar installers", 3);
      const update = (actionId: number, periodId: number, status: "on_track" | "at_risk", percentComplete: number, narrative: string) =>
        tx.insert(progressUpdates).values({ actionId, periodId, status, percentComplete, narrative, reviewState: "accepted", submittedAt: "2026-10-10T00:00:00.000Z", reviewedAt: "2026-10-11T00:00:00.000Z" }).run();
      update(solar.id, q3.id, "on_track", 20, "Permit templates drafted.");
      update(grid.id, q3.id, "on_track", 10, "First meeting with the utilities.");
      update(solar.id, q4.id, "at_risk", 35, NARRATIVE);
      update(grid.id, q4.id, "on_track", 25, "Upgrade list agreed with two utilities.");
      return p;
    },
    { behavior: "immediate" },
  );
  // The previous quarter's report, published as staff would.
  const q3 = db.select().from(reportingPeriods).where(and(eq(reportingPeriods.planId, plan.id), eq(reportingPeriods.label, Q3.label))).get()!;
  if (!db.select().from(reports).where(eq(reports.periodId, q3.id)).get()) {
    const staff = systemActor("e2e setup");
    const draft = createReportDraft(staff, { periodId: q3.id });
    publishReport(staff, { reportId: draft.id, version: draft.version });
  }
  return plan;
}
