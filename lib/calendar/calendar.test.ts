import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { actions, auditLog, plans, reportingPeriods, users, workGroupMembers, workGroups } from "@/db/schema";
import type { UserRole } from "@/db/schema/enums";
import { seedDefaultData } from "@/db/seed/seed";
import { ANONYMOUS } from "@/lib/auth/actor";
import { loadUserActor } from "@/lib/auth/session";
import { hashToken } from "@/lib/users/tokens";
import { buildDeadlineCalendar, calendarFeed, listDeadlinesFor } from "./feed";
import { createCalendarLink, hasCalendarLink, removeCalendarLink } from "./service";

const url = (path: string) => `https://tracker.example.org${path}`;
const tokenOf = (link: string) => link.split("/").pop()!;

function world() {
  seedDefaultData();
  const db = getDb();
  const slugId = (slug: string) => db.select({ id: plans.id }).from(plans).where(eq(plans.slug, slug)).get()!.id;
  const sjv = slugId("sjv-2012");
  const sap = slugId("sjv-sap-2006");
  db.insert(reportingPeriods).values({ planId: sjv, label: "2026 Q4", startDate: "2026-10-01", endDate: "2026-12-31", deadline: "2027-01-15", status: "open", isCurrent: true }).run();
  db.insert(reportingPeriods).values({ planId: sjv, label: "2026 Q3", startDate: "2026-07-01", endDate: "2026-09-30", deadline: "2026-10-15", status: "closed" }).run();
  db.insert(reportingPeriods).values({ planId: sap, label: "2007 Q1", startDate: "2007-01-01", endDate: "2007-03-31", deadline: "2007-04-15", status: "closed" }).run();
  const energy = db.select().from(workGroups).where(eq(workGroups.key, "energy-wg")).all().find((g) => g.planId === sjv)!;
  const person = (name: string, role: UserRole) => db.insert(users).values({ email: `${name.toLowerCase()}@example.org`, name, role }).returning().get().id;
  const member = person("Mia", "contributor");
  db.insert(workGroupMembers).values({ workGroupId: energy.id, userId: member, role: "member" }).run();
  const assignee = person("Asa", "contributor");
  // An action of the 2006 plan assigned to Asa, who is in none of its groups.
  db.insert(actions).values({ planId: sap, code: "CAL-1", text: "Assigned", leadUserId: assignee }).run();
  return { member, assignee, loner: person("Lou", "viewer"), admin: person("Ada", "admin") };
}

describe("calendar links", () => {
  it("stores only the token's hash, and a reset makes the old link stop working", () => {
    const w = world();
    const me = loadUserActor(w.member)!;
    const first = createCalendarLink(me);
    expect(first.replaced).toBe(false);
    expect(first.url).toMatch(/^http:\/\/localhost:3000\/calendar\/[A-Za-z0-9_-]{43}$/);
    const stored = getDb().select({ hash: users.calendarTokenHash }).from(users).where(eq(users.id, w.member)).get()!.hash;
    expect(stored).toBe(hashToken(tokenOf(first.url)));
    expect(stored).not.toContain(tokenOf(first.url));
    expect(calendarFeed(tokenOf(first.url))).toContain("BEGIN:VCALENDAR");

    const second = createCalendarLink(me);
    expect(second.replaced).toBe(true);
    expect(calendarFeed(tokenOf(first.url))).toBeNull();
    expect(calendarFeed(tokenOf(second.url))).toContain("BEGIN:VEVENT");

    removeCalendarLink(me);
    expect(hasCalendarLink(w.member)).toBe(false);
    expect(calendarFeed(tokenOf(second.url))).toBeNull();
    const audit = getDb().select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.entityType, "user"), eq(auditLog.entityId, String(w.member)))).all().map((r) => r.action);
    expect(audit).toEqual(["user.calendar_link_create", "user.calendar_link_reset", "user.calendar_link_remove"]);
  });

  it("is refused to anonymous visitors", () => {
    world();
    expect(() => createCalendarLink(ANONYMOUS)).toThrow(/sign in/);
  });

  it("serves nothing for an unknown or malformed token, or a deactivated account", () => {
    const w = world();
    const { url: link } = createCalendarLink(loadUserActor(w.member)!);
    expect(calendarFeed("x".repeat(43))).toBeNull();
    expect(calendarFeed("../../etc/passwd")).toBeNull();
    getDb().update(users).set({ isActive: false }).where(eq(users.id, w.member)).run();
    expect(calendarFeed(tokenOf(link))).toBeNull();
  });
});

describe("deadlines in the feed", () => {
  it("covers the plans of the person's work groups and assigned actions; admins see all", () => {
    const w = world();
    expect(listDeadlinesFor({ id: w.member, role: "contributor" }).map((d) => d.label)).toEqual(["2026 Q3", "2026 Q4"]);
    expect(listDeadlinesFor({ id: w.assignee, role: "contributor" }).map((d) => d.label)).toEqual(["2007 Q1"]);
    expect(listDeadlinesFor({ id: w.loner, role: "viewer" })).toEqual([]);
    expect(listDeadlinesFor({ id: w.admin, role: "admin" }).map((d) => d.label)).toEqual(["2007 Q1", "2026 Q3", "2026 Q4"]);
  });

  it("makes one all-day event per deadline with the period label and a link to My quarter", () => {
    const ics = buildDeadlineCalendar(
      [
        { periodId: 7, label: "2026 Q4", deadline: "2027-01-15", planTitle: "SJV plan" },
        { periodId: 6, label: "2026 Q3", deadline: "2026-10-15", planTitle: "SJV plan" },
      ],
      url,
      new Date("2026-11-22T10:00:00Z"),
    );
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(ics).toContain("UID:period-7@cluster-action-tracker");
    expect(ics).toContain("DTSTART;VALUE=DATE:20270115");
    expect(ics).toContain("DTSTART;VALUE=DATE:20261015");
    expect(ics).toContain("SUMMARY:2026 Q4 progress updates due");
    expect(ics).toContain("URL;VALUE=URI:https://tracker.example.org/my-quarter");
    expect(ics).toContain("DTSTAMP:20261122T100000Z");
    expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
  });

  it("is an empty but valid calendar when there are no deadlines", () => {
    const ics = buildDeadlineCalendar([], url);
    expect(ics).toContain("BEGIN:VCALENDAR");
    expect(ics).not.toContain("VEVENT");
  });
});
