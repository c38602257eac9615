import { aliasedTable, and, asc, eq, inArray, isNull, notInArray, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { actions, plans, progressUpdates, reportingPeriods, users, workGroupMembers, workGroups, type ReportingPeriod } from "@/db/schema";
import type { UserActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { daysUntil } from "@/lib/periods/queries";
import type { ReminderAction } from "./compose";

export interface PeriodCheck {
  plan: { id: number; slug: string; title: string; reminderDaysBefore: number };
  period: ReportingPeriod;
  daysLeft: number;
  // Within plan.reminderDaysBefore days of the deadline, and not past it.
  due: boolean;
}

export interface ReminderRecipient {
  userId: number;
  name: string;
  email: string;
  actions: ReminderAction[];
}

// Every plan's current period that is open, and whether today falls in its
// reminder window: from reminderDaysBefore days before the deadline up to the
// deadline day itself.
export function checkPeriods(db: DbOrTx, today: Date): PeriodCheck[] {
  const rows = db
    .select({ period: reportingPeriods, plan: { id: plans.id, slug: plans.slug, title: plans.title, reminderDaysBefore: plans.reminderDaysBefore } })
    .from(reportingPeriods)
    .innerJoin(plans, eq(plans.id, reportingPeriods.planId))
    .where(and(eq(reportingPeriods.isCurrent, true), eq(reportingPeriods.status, "open")))
    .orderBy(asc(plans.id))
    .all();
  return rows.map(({ period, plan }) => {
    const daysLeft = daysUntil(period.deadline, today);
    return { plan, period, daysLeft, due: daysLeft >= 0 && daysLeft <= plan.reminderDaysBefore };
  });
}

// Who is missing what for a period, with the tracker's definition of missing
// (lib/tracker/queries.ts): a live action with no submitted or accepted update
// for the period; a draft or a returned update still counts as missing.
// An action is someone's to update when they belong to its work group or are
// its lead user, and their role lets them post the update (so viewers sitting
// in a group are not chased); deactivated accounts get nothing.
export function selectRecipients(db: DbOrTx, period: Pick<ReportingPeriod, "id" | "planId">): ReminderRecipient[] {
  const cur = aliasedTable(progressUpdates, "cur");
  const missing = db
    .select({
      id: actions.id,
      code: actions.code,
      title: sql<string>`coalesce(${actions.title}, substr(${actions.text}, 1, 160))`,
      workGroupId: actions.workGroupId,
      leadUserId: actions.leadUserId,
      reviewState: cur.reviewState,
    })
    .from(actions)
    .leftJoin(workGroups, eq(workGroups.id, actions.workGroupId))
    .leftJoin(cur, and(eq(cur.actionId, actions.id), eq(cur.periodId, period.id)))
    .where(and(eq(actions.planId, period.planId), isNull(actions.retiredAt), or(isNull(cur.id), notInArray(cur.reviewState, ["submitted", "accepted"]))))
    .orderBy(asc(workGroups.position), asc(workGroups.name), asc(actions.position), asc(actions.id))
    .all();
  if (missing.length === 0) return [];

  const groupIds = [...new Set(missing.flatMap((a) => (a.workGroupId == null ? [] : [a.workGroupId])))];
  const leadIds = [...new Set(missing.flatMap((a) => (a.leadUserId == null ? [] : [a.leadUserId])))];
  const memberIds = groupIds.length ? db.selectDistinct({ userId: workGroupMembers.userId }).from(workGroupMembers).where(inArray(workGroupMembers.workGroupId, groupIds)).all().map((r) => r.userId) : [];
  const candidateIds = [...new Set([...memberIds, ...leadIds])];
  if (candidateIds.length === 0) return [];

  const people = db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role })
    .from(users)
    .where(and(inArray(users.id, candidateIds), eq(users.isActive, true)))
    .orderBy(asc(users.name), asc(users.id))
    .all();
  const memberships = db.select().from(workGroupMembers).where(inArray(workGroupMembers.userId, candidateIds)).all();

  const recipients: ReminderRecipient[] = [];
  for (const person of people) {
    const mine = memberships.filter((m) => m.userId === person.id);
    const actor: UserActor = { kind: "user", userId: person.id, role: person.role, label: person.name, leadOf: mine.filter((m) => m.role === "lead").map((m) => m.workGroupId), memberOf: mine.map((m) => m.workGroupId) };
    const theirs = missing.filter(
      (a) => ((a.workGroupId != null && actor.memberOf.includes(a.workGroupId)) || a.leadUserId === person.id) && can(actor, "update.post", { workGroupId: a.workGroupId, assigneeUserId: a.leadUserId }),
    );
    if (theirs.length === 0) continue;
    recipients.push({
      userId: person.id,
      name: person.name,
      email: person.email,
      actions: theirs.map((a) => ({ id: a.id, code: a.code, title: a.title, reviewState: a.reviewState === "draft" || a.reviewState === "returned" ? a.reviewState : null })),
    });
  }
  return recipients;
}
