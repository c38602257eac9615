import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { actions, type Metric } from "@/db/schema";
import type { Resource } from "@/lib/auth/permissions";

type Owned = Pick<Metric, "scope" | "actionId" | "workGroupId">;

// Who answers for a metric: an action's metric belongs to the action's work
// group (and its assigned lead account); any other metric to the work group it
// names, if any. Plan and section metrics without one are staff's alone.
export function metricResource(db: DbOrTx, metric: Owned): Resource {
  const action = metric.scope === "action" && metric.actionId !== null ? db.select({ workGroupId: actions.workGroupId, leadUserId: actions.leadUserId }).from(actions).where(eq(actions.id, metric.actionId)).get() : null;
  return metricResourceOf(metric, action);
}

/** The same rule for lists that have already read each metric's action (its group and lead) in their own query. */
export function metricResourceOf(metric: Owned, action: { workGroupId: number | null; leadUserId: number | null } | null | undefined): Resource {
  if (metric.scope === "action" && metric.actionId !== null) return { workGroupId: action?.workGroupId ?? null, assigneeUserId: action?.leadUserId ?? null };
  return { workGroupId: metric.workGroupId, assigneeUserId: null };
}
