import { and, asc, eq, inArray, isNull, or } from "drizzle-orm";
import ical from "ical-generator";
import { getDb } from "@/db";
import { actions, plans, reportingPeriods, users, workGroupMembers, workGroups } from "@/db/schema";
import { appUrl, hashToken } from "@/lib/users/tokens";

export interface Deadline {
  periodId: number;
  label: string;
  deadline: string; // YYYY-MM-DD
  planTitle: string;
}

// The account behind a calendar token, if the token is real and the account
// is active. The token is the only credential for the feed.
export function findCalendarOwner(token: string) {
  if (!/^[A-Za-z0-9_-]{20,200}$/.test(token)) return null;
  const user = getDb()
    .select({ id: users.id, name: users.name, role: users.role, isActive: users.isActive })
    .from(users)
    .where(eq(users.calendarTokenHash, hashToken(token)))
    .get();
  return user?.isActive ? user : null;
}

// Reporting deadlines of the plans the person works on: those with a work
// group they belong to or an action they lead; admins see every plan's.
export function listDeadlinesFor(user: { id: number; role: string }): Deadline[] {
  const db = getDb();
  const rows = db
    .select({ periodId: reportingPeriods.id, label: reportingPeriods.label, deadline: reportingPeriods.deadline, planTitle: plans.title })
    .from(reportingPeriods)
    .innerJoin(plans, eq(plans.id, reportingPeriods.planId));
  if (user.role === "admin") return rows.orderBy(asc(reportingPeriods.deadline), asc(reportingPeriods.id)).all();
  const viaGroups = db
    .select({ planId: workGroups.planId })
    .from(workGroupMembers)
    .innerJoin(workGroups, eq(workGroups.id, workGroupMembers.workGroupId))
    .where(and(eq(workGroupMembers.userId, user.id), isNull(workGroups.retiredAt)));
  const viaActions = db.select({ planId: actions.planId }).from(actions).where(and(eq(actions.leadUserId, user.id), isNull(actions.retiredAt)));
  return rows
    .where(or(inArray(reportingPeriods.planId, viaGroups), inArray(reportingPeriods.planId, viaActions)))
    .orderBy(asc(reportingPeriods.deadline), asc(reportingPeriods.id))
    .all();
}

// One all-day event per deadline. Pure apart from its inputs; `now` fixes the
// DTSTAMP so the output is reproducible.
export function buildDeadlineCalendar(deadlines: Deadline[], url: (path: string) => string, now = new Date()): string {
  const calendar = ical({ name: "Reporting deadlines — Cluster Action Tracker", prodId: { company: "Cluster Action Tracker", product: "Reporting deadlines" } });
  for (const d of deadlines) {
    calendar.createEvent({
      id: `period-${d.periodId}@cluster-action-tracker`,
      start: new Date(`${d.deadline}T00:00:00Z`),
      allDay: true,
      stamp: now,
      summary: `${d.label} progress updates due`,
      description: `Progress updates for ${d.label} of ${d.planTitle} are due today. Update your actions on your My quarter page: ${url("/my-quarter")}`,
      url: url("/my-quarter"),
    });
  }
  return calendar.toString();
}

export function calendarFeed(token: string): string | null {
  const owner = findCalendarOwner(token);
  if (!owner) return null;
  return buildDeadlineCalendar(listDeadlinesFor(owner), appUrl);
}
