import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { getCurrentPeriod, getPeriod } from "@/lib/periods/queries";
import { getPlanBySlug } from "@/lib/plans/queries";
import { getTracker, parseTrackerFilters } from "@/lib/tracker/queries";
import type { Table } from "@/lib/spreadsheets/write";
import { utcStamp, yesNo } from "./format";

const STATE_LABELS = { updated: "Updated", returned: "Returned", missing: "Missing" } as const;

// The submission tracker of one period (the current one unless ?period=<id>),
// with the tracker page's group and state filters.
export function exportTracker(actor: Actor, planSlug: string, params: Record<string, string | undefined>): { table: Table; fileName: string } {
  authorize(actor, "tracker.read");
  const plan = getPlanBySlug(planSlug);
  if (!plan) throw new AppError("NOT_FOUND", `No plan with the slug "${planSlug}".`);
  const periodId = params.period && /^\d{1,12}$/.test(params.period) ? Number(params.period) : null;
  if (params.period && periodId === null) throw new AppError("NOT_FOUND", "No such reporting period.");
  const period = periodId === null ? getCurrentPeriod(plan.id) : getPeriod(periodId);
  if (!period || period.planId !== plan.id) throw new AppError("NOT_FOUND", periodId === null ? "This plan has no current reporting period." : "No such reporting period in this plan.");

  const { rows } = getTracker(period, parseTrackerFilters(params));
  return {
    fileName: `${plan.slug}-tracker-${period.label}`,
    table: {
      sheetName: `Tracker ${period.label}`,
      columns: [
        { header: "Work group", width: 28 },
        { header: "Code", width: 10 },
        { header: "Action", width: 60 },
        { header: "State", width: 10 },
        { header: "Review state", width: 12 },
        { header: "Draft saved", width: 10 },
        { header: "Last update", width: 20 },
        { header: "Updated by", width: 20 },
        { header: "Stale", width: 8 },
      ],
      rows: rows.map((r) => [r.workGroupName ?? "No work group", r.code, r.title, STATE_LABELS[r.state], r.reviewState, yesNo(r.hasDraft), utcStamp(r.lastUpdateAt), r.updatedBy, yesNo(r.stale)]),
    },
  };
}
