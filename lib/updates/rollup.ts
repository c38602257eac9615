import { and, desc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { actions, plans, progressUpdates, reportingPeriods } from "@/db/schema";

// An action's status and percent come from its latest *counted* update: an
// accepted one, or also a submitted one when the plan counts updates before
// review. "Latest" follows the periods' order, not the typing order, so a late
// correction to last quarter does not override this quarter. With no counted
// update the action keeps the status the plan gave it.
//
// The roll-up writes the action's status columns without bumping its version:
// those columns are not part of the action edit form, so an editor holding the
// form open is not in conflict with a review.
export function rollUpAction(tx: DbOrTx, actionId: number) {
  const action = tx.select({ id: actions.id, planId: actions.planId, status: actions.status, percent: actions.percentComplete }).from(actions).where(eq(actions.id, actionId)).get();
  if (!action) return;
  const plan = tx.select({ countSubmitted: plans.countSubmittedUpdates }).from(plans).where(eq(plans.id, action.planId)).get();
  const counted = plan?.countSubmitted ? (["accepted", "submitted"] as const) : (["accepted"] as const);
  const latest = tx
    .select({ status: progressUpdates.status, percent: progressUpdates.percentComplete })
    .from(progressUpdates)
    .innerJoin(reportingPeriods, eq(reportingPeriods.id, progressUpdates.periodId))
    .where(and(eq(progressUpdates.actionId, actionId), inArray(progressUpdates.reviewState, [...counted])))
    .orderBy(desc(reportingPeriods.endDate), desc(reportingPeriods.startDate), desc(progressUpdates.updatedAt))
    .get();
  if (!latest || (latest.status === action.status && latest.percent === action.percent)) return;
  tx.update(actions).set({ status: latest.status, percentComplete: latest.percent }).where(eq(actions.id, actionId)).run();
}

export function rollUpPlan(tx: DbOrTx, planId: number) {
  for (const { id } of tx.select({ id: actions.id }).from(actions).where(eq(actions.planId, planId)).all()) rollUpAction(tx, id);
}
