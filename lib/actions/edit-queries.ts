import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { actionChampions, actions, type Action } from "@/db/schema";
import type { UserActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { accountOptions, organizationOptions, sectionOptions, workGroupOptions } from "@/lib/editing/options";
import { actionFormValues } from "./schema";

export function championIdsFor(actionId: number) {
  return getDb()
    .select({ organizationId: actionChampions.organizationId, role: actionChampions.role })
    .from(actionChampions)
    .where(eq(actionChampions.actionId, actionId))
    .orderBy(sql`"action_champions"."rowid"`)
    .all();
}

// The pickers of the action form. A lead is offered only the groups they
// lead (the service refuses any other); an admin may also leave it empty.
export function actionFormOptions(user: UserActor, planId: number, current?: { sectionId: number | null; leadUserId: number | null; champions: number[] }) {
  const groups = workGroupOptions(planId, user.role === "admin" ? undefined : user.leadOf);
  return {
    sections: sectionOptions(planId, current?.sectionId ? [current.sectionId] : []),
    groups: groups.filter((g) => can(user, "action.update", { workGroupId: Number(g.value) })),
    groupOptional: can(user, "action.update", { workGroupId: null }),
    organizations: organizationOptions(current?.champions ?? []),
    accounts: accountOptions(current?.leadUserId ?? null),
  };
}

// Whether to offer "Add an action": admins, and leads of one of the plan's groups.
export function canAddActions(user: UserActor, planId: number): boolean {
  if (can(user, "action.update", { workGroupId: null })) return true;
  if (user.leadOf.length === 0) return false;
  return workGroupOptions(planId, user.leadOf).some((g) => can(user, "action.update", { workGroupId: Number(g.value) }));
}

// Where the action sits among the live actions of its section (1-based).
export function actionPlace(action: Pick<Action, "id" | "planId" | "sectionId">) {
  const siblings = getDb()
    .select({ id: actions.id })
    .from(actions)
    .where(and(eq(actions.planId, action.planId), action.sectionId === null ? isNull(actions.sectionId) : eq(actions.sectionId, action.sectionId), isNull(actions.retiredAt)))
    .orderBy(asc(actions.position), asc(actions.id))
    .all();
  return { index: siblings.findIndex((s) => s.id === action.id) + 1, count: siblings.length };
}

// Everything the edit panel of an action page needs.
export function getActionEditor(user: UserActor, action: Action) {
  const champions = championIdsFor(action.id);
  return {
    values: actionFormValues(action, champions),
    options: actionFormOptions(user, action.planId, { sectionId: action.sectionId, leadUserId: action.leadUserId, champions: champions.map((c) => c.organizationId) }),
    place: actionPlace(action),
  };
}
