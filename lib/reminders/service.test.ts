import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { actions, auditLog, outbox, plans, progressUpdates, reportingPeriods, users, workGroupMembers, workGroups } from "@/db/schema";
import type { UserRole } from "@/db/schema/enums";
import { seedDefaultData } from "@/db/seed/seed";
import { ANONYMOUS, systemActor, type Actor } from "@/lib/auth/actor";
import { loadUserActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { describeRun, runReminders } from "./service";

const system = systemActor("test");
const DEADLINE = "2027-01-15";
const IN_WINDOW = "2027-01-10"; // 5 days before; the plan reminds 7 days before

// The SJV plan with an open current period, and a work group of our own whose
// people and actions are known exactly (the seeded groups have no members).
function world() {
  seedDefaultData();
  const db = getDb();
  const plan = db.select().from(plans).where(eq(plans.slug, "sjv-2012")).get()!;
  const period = db.insert(reportingPeriods).values({ planId: plan.id, label: "2026 Q4", startDate: "2026-10-01", endDate: "2026-12-31", deadline: DEADLINE, status: "open", isCurrent: true }).returning().get();
  const group = db.insert(workGroups).values({ planId: plan.id, key: "rem-wg", name: "Reminder group" }).returning().get();
  const other = db.select().from(workGroups).where(eq(workGroups.key, "energy-wg")).get()!;
  const person = (name: string, role: UserRole, membership?: "lead" | "member", isActive = true) => {
    const u = db.insert(users).values({ email: `${name.toLowerCase()}@example.org`, name, role, isActive }).returning().get();
    if (membership) db.insert(workGroupMembers).values({ workGroupId: group.id, userId: u.id, role: membership }).run();
    return u.id;
  };
  const people = {
    lead: person("Lena", "lead", "lead"),
    contributor: person("Carl", "contributor", "member"),
    viewer: person("Vic", "viewer", "member"),
    inactive: person("Ina", "contributor", "member", false),
    assignee: person("Asa", "contributor"),
    admin: person("Ada", "admin"),
  };
  const action = (code: string, extra: Partial<typeof actions.$inferInsert> = {}) =>
    db.insert(actions).values({ planId: plan.id, code, title: `Title of ${code}`, text: `Text of ${code}`, workGroupId: group.id, ...extra }).returning().get().id;
  const ids = {
    submitted: action("REM-1", { position: 1 }),
    draft: action("REM-2", { position: 2 }),
    returned: action("REM-3", { position: 3 }),
    none: action("REM-4", { position: 4 }),
    retired: action("REM-5", { position: 5, retiredAt: "2026-01-01T00:00:00.000Z" }),
    // In a group Asa is not in, but assigned to Asa as its lead user.
    assigned: action("REM-6", { workGroupId: other.id, leadUserId: people.assignee }),
    assignedDone: action("REM-7", { workGroupId: other.id, leadUserId: people.assignee }),
  };
  const update = (actionId: number, reviewState: "draft" | "submitted" | "accepted" | "returned") =>
    db.insert(progressUpdates).values({ actionId, periodId: period.id, status: "on_track", percentComplete: 10, narrative: "n", reviewState }).run();
  update(ids.submitted, "submitted");
  update(ids.draft, "draft");
  update(ids.returned, "returned");
  update(ids.assignedDone, "accepted");
  return { plan, period, group, people, ids, update };
}

const sent = () => getDb().select().from(outbox).orderBy(outbox.id).all();
const byUser = (userId: number) => sent().filter((m) => m.toUserId === userId);

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe("reminder selection", () => {
  it("sends each lead and contributor one message listing exactly their missing actions", async () => {
    const w = world();
    const run = await runReminders(system, { today: IN_WINDOW });

    expect(run.queued.map((q) => [q.userId, q.actionCodes])).toEqual([
      [w.people.assignee, ["REM-6"]],
      [w.people.contributor, ["REM-2", "REM-3", "REM-4"]],
      [w.people.lead, ["REM-2", "REM-3", "REM-4"]],
    ]);
    // Viewers in the group, deactivated members and admins outside it get nothing.
    for (const id of [w.people.viewer, w.people.inactive, w.people.admin]) expect(byUser(id)).toEqual([]);

    const mail = byUser(w.people.lead)[0]!;
    expect(mail).toMatchObject({ kind: "reminder", dedupeKey: `reminder:${w.period.id}:${w.people.lead}`, toEmail: "lena@example.org", state: "kept", sentAt: null });
    expect(mail.subject).toBe("2026 Q4: 3 progress updates due Friday, January 15, 2027");
    expect(mail.bodyText).toContain(`REM-2: Title of REM-2 (draft saved, not submitted yet)\n  http://localhost:3000/actions/${w.ids.draft}`);
    expect(mail.bodyText).toContain("REM-3: Title of REM-3 (returned to you for changes)");
    expect(mail.bodyText).toContain(`REM-4: Title of REM-4\n  http://localhost:3000/actions/${w.ids.none}`);
    expect(mail.bodyText).toContain("http://localhost:3000/my-quarter");
    expect(mail.bodyText).not.toMatch(/REM-1\b|REM-5|REM-6/);
    expect(run).toMatchObject({ kept: 3, sent: 0, failed: 0, alreadyReminded: 0 });
  });

  it("leaves a group alone once every action has a submitted or accepted update", async () => {
    const w = world();
    for (const id of [w.ids.draft, w.ids.returned]) getDb().update(progressUpdates).set({ reviewState: "accepted" }).where(eq(progressUpdates.actionId, id)).run();
    w.update(w.ids.none, "submitted");
    const run = await runReminders(system, { today: IN_WINDOW });
    expect(run.queued.map((q) => q.userId)).toEqual([w.people.assignee]);
  });

  it("sends nothing before the window opens, after the deadline, or for a period that is not open and current", async () => {
    const w = world();
    // The window is reminderDaysBefore (7) days up to the deadline day itself.
    expect((await runReminders(system, { today: "2027-01-07" })).queued).toEqual([]);
    expect((await runReminders(system, { today: "2027-01-16" })).queued).toEqual([]);
    const closed = await (async () => {
      getDb().update(reportingPeriods).set({ status: "closed" }).where(eq(reportingPeriods.id, w.period.id)).run();
      return runReminders(system, { today: IN_WINDOW });
    })();
    expect(closed.queued).toEqual([]);
    expect(sent()).toEqual([]);

    getDb().update(reportingPeriods).set({ status: "open" }).where(eq(reportingPeriods.id, w.period.id)).run();
    getDb().update(plans).set({ reminderDaysBefore: 60 }).where(eq(plans.id, w.plan.id)).run();
    expect((await runReminders(system, { today: "2026-11-22" })).queued).toHaveLength(3);
  });

  it("sends on the deadline day itself", async () => {
    world();
    const run = await runReminders(system, { today: DEADLINE });
    expect(run.queued).toHaveLength(3);
    expect(sent()[0]!.bodyText).toContain("are due today, on Friday, January 15, 2027 (2027-01-15)");
  });

  it("never sends the same reminder twice, even when runs overlap", async () => {
    const w = world();
    const [a, b] = await Promise.all([runReminders(system, { today: IN_WINDOW }), runReminders(system, { today: IN_WINDOW })]);
    expect(a.queued.length + b.queued.length).toBe(3);
    const again = await runReminders(system, { today: "2027-01-12" });
    expect(again.queued).toEqual([]);
    expect(again.alreadyReminded).toBe(3);
    expect(sent()).toHaveLength(3);
    expect(new Set(sent().map((m) => m.toUserId))).toEqual(new Set([w.people.lead, w.people.contributor, w.people.assignee]));
    expect(describeRun(again)).toBe("No new reminders to send; 3 people were already reminded for this period.");
  });

  it("reminds someone who joins the group later, once", async () => {
    const w = world();
    await runReminders(system, { today: IN_WINDOW });
    const late = getDb().insert(users).values({ email: "late@example.org", name: "Late", role: "contributor" }).returning().get();
    getDb().insert(workGroupMembers).values({ workGroupId: w.group.id, userId: late.id, role: "member" }).run();
    const run = await runReminders(system, { today: IN_WINDOW });
    expect(run.queued.map((q) => q.userId)).toEqual([late.id]);
  });
});

describe("delivery", () => {
  it("sends through SMTP when configured and records failures with their error", async () => {
    const w = world();
    vi.stubEnv("SMTP_HOST", "smtp.example.org");
    const mail = await import("@/lib/mail/send");
    const spy = vi.spyOn(mail, "sendMail").mockImplementation(async (m) => {
      if (m.to === "carl@example.org") throw new Error("550 mailbox unavailable");
      return true;
    });
    const run = await runReminders(system, { today: IN_WINDOW });
    expect(spy).toHaveBeenCalledTimes(3);
    expect(run).toMatchObject({ sent: 2, failed: 1, kept: 0 });
    expect(byUser(w.people.contributor)[0]).toMatchObject({ state: "failed", error: "550 mailbox unavailable", sentAt: null });
    expect(byUser(w.people.lead)[0]!.state).toBe("sent");
    expect(byUser(w.people.lead)[0]!.sentAt).toMatch(/^\d{4}-/);
  });
});

describe("who may run it, and the audit trail", () => {
  it("lets admins and the system run it; refuses everyone else", async () => {
    const w = world();
    const as = (id: number) => loadUserActor(id)! as Actor;
    for (const [actor, code] of [
      [ANONYMOUS, "UNAUTHORIZED"],
      [as(w.people.lead), "FORBIDDEN"],
      [as(w.people.viewer), "FORBIDDEN"],
    ] as const) {
      const error = await runReminders(actor, { today: IN_WINDOW }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe(code);
    }
    expect(sent()).toEqual([]);
    expect((await runReminders(as(w.people.admin), { today: IN_WINDOW })).queued).toHaveLength(3);
  });

  it("audits a run with what it queued; the quiet timer leaves no entry when nothing was due", async () => {
    world();
    const entries = () => getDb().select().from(auditLog).where(eq(auditLog.action, "reminder.run")).all();
    await runReminders(system, { today: "2026-12-01", quiet: true });
    expect(entries()).toHaveLength(0);
    await runReminders(system, { today: "2026-12-01" });
    expect(entries()).toHaveLength(1);
    await runReminders(system, { today: IN_WINDOW, quiet: true });
    const last = entries().at(-1)!;
    expect(last.actorLabel).toBe("test");
    const diff = JSON.parse(last.diff!) as { after: { queued: { to: string; actions: string[] }[]; delivery: string } };
    expect(diff.after.delivery).toBe("outbox");
    expect(diff.after.queued.map((q) => q.to).sort()).toEqual(["asa@example.org", "carl@example.org", "lena@example.org"]);
  });

  it("rejects a malformed day", async () => {
    world();
    await expect(runReminders(system, { today: "10/01/2027" })).rejects.toThrow(/YYYY-MM-DD/);
  });
});
