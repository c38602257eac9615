import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { actions, type Metric } from "@/db/schema";
import type { UserActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { organizationOptions, sectionOptions, workGroupOptions, type Option } from "@/lib/editing/options";
import { METRIC_SCOPES, type MetricScope } from "@/db/schema/enums";

export const SCOPE_LABELS: Record<MetricScope, string> = {
  plan: "The whole plan",
  section: "A section (cluster)",
  work_group: "A work group",
  action: "An action",
};

// The pickers of the metric form. A lead is offered only their own groups
// and those groups' actions, and only the scopes they may use; the service
// refuses anything else.
export function metricFormOptions(user: UserActor, planId: number, current?: Pick<Metric, "sectionId" | "ownerOrganizationId" | "actionId" | "workGroupId">) {
  const admin = can(user, "metric.manage", { workGroupId: null });
  const groups = workGroupOptions(planId, admin ? undefined : user.leadOf).filter((g) => can(user, "metric.manage", { workGroupId: Number(g.value) }));
  const groupIds = groups.map((g) => Number(g.value));
  const actionRows = getDb()
    .select({ id: actions.id, code: actions.code, title: actions.title, workGroupId: actions.workGroupId })
    .from(actions)
    .where(and(eq(actions.planId, planId), isNull(actions.retiredAt), admin ? undefined : inArray(actions.workGroupId, groupIds.length ? groupIds : [-1])))
    .orderBy(asc(actions.code))
    .all();
  const actionOptions: Option[] = actionRows.map((a) => ({ value: String(a.id), label: `${a.code}${a.title ? `: ${a.title}` : ""}` }));
  if (current?.actionId && !actionOptions.some((o) => o.value === String(current.actionId))) actionOptions.push({ value: String(current.actionId), label: "(the current action)" });
  // Plan and section metrics need an owning group a lead leads; without one they are staff's.
  const scopes = METRIC_SCOPES.filter((s) => admin || s !== "plan" || groups.length > 0).map((s) => ({ value: s, label: SCOPE_LABELS[s] }));
  return {
    scopes,
    sections: sectionOptions(planId, current?.sectionId ? [current.sectionId] : []),
    groups,
    groupOptional: admin,
    actions: actionOptions,
    organizations: organizationOptions(current?.ownerOrganizationId ? [current.ownerOrganizationId] : []),
  };
}

export type MetricFormOptions = ReturnType<typeof metricFormOptions>;

/** Whether to offer "Add a metric": admins, and leads of one of the plan's groups. */
export function canAddMetrics(user: UserActor, planId: number): boolean {
  if (can(user, "metric.manage", { workGroupId: null })) return true;
  return user.leadOf.length > 0 && workGroupOptions(planId, user.leadOf).some((g) => can(user, "metric.manage", { workGroupId: Number(g.value) }));
}
