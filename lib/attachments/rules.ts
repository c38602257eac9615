import type { Actor } from "@/lib/auth/actor";
import { authorize, can } from "@/lib/auth/permissions";
import { AppError, isAppError } from "@/lib/errors";
import type { PERIOD_STATUSES } from "@/db/schema/enums";

// What decides whether someone may add or remove an update's files.
export interface AttachTarget {
  actionCode: string;
  workGroupId: number | null;
  leadUserId: number | null;
  retiredAt: string | null;
  periodLabel: string | null;
  periodStatus: (typeof PERIOD_STATUSES)[number] | null;
}

// The same rule as writing the update itself (saveUpdate in lib/updates/service.ts):
// the action's group members and the person it is assigned to, admins always;
// files of a closed period's update change only through an admin.
export function assertCanAttach(actor: Actor, t: AttachTarget) {
  authorize(actor, "update.post", { workGroupId: t.workGroupId, assigneeUserId: t.leadUserId });
  if (t.retiredAt) throw new AppError("CONFLICT", `Action ${t.actionCode} is retired and takes no new files.`);
  if (t.periodStatus !== "open" && !can(actor, "update.post_closed")) {
    const why = t.periodStatus === "closed" ? "is closed" : t.periodStatus === "planned" ? "is not open yet" : "no longer exists";
    throw new AppError("FORBIDDEN", `${t.periodLabel ?? "This update's period"} ${why}: ask OCED staff if its files must still change.`);
  }
}

export function canAttach(actor: Actor, t: AttachTarget): boolean {
  try {
    assertCanAttach(actor, t);
    return true;
  } catch (error) {
    if (isAppError(error)) return false;
    throw error;
  }
}
