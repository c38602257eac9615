import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { actions, type Metric } from "@/db/schema";
import type { Resource } from "@/lib/auth/permissions";

// Who answers for a metric: an action's metric belongs to the action's work
// group (and its assigned lead account); any other metric to the work group it
// names, if any. Plan and section metrics without one are staff's alone.
export function metricResource(db: DbOrTx, metric: Pick<Metric, "scope" | "actionId" | "workGroupId">): Resource {
  if (metric.scope === "action" && metric.actionId !== null) {
    const action = db.select({ workGroupId: actions.workGroupId, leadUserId: actions.leadUserId }).from(actions).where(eq(actions.id, metric.actionId)).get();
    return { workGroupId: action?.workGroupId ?? null, assigneeUserId: action?.leadUserId ?? null };
  }
  return { workGroupId: metric.workGroupId, assigneeUserId: null };
}
