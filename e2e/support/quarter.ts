import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { actions, plans, reportingPeriods, workGroupMembers, workGroups } from "@/db/schema";

// Reporting data for the quarterly-loop specs, written straight into the
// server's database like the accounts are. Specs run in parallel against one
// database, so each builds its own work group and actions (unique keys and
// codes) and they all share one current period that nobody closes.

export const CURRENT = { label: "2026 Q4", startDate: "2026-10-01", endDate: "2026-12-31", deadline: "2027-01-15" };
export const PREVIOUS = { label: "2026 Q3", startDate: "2026-07-01", endDate: "2026-09-30", deadline: "2026-10-15" };

// The quarterly-loop specs work in a plan of their own, so the SJV plan the
// browse specs count (40 actions, 7 clusters…) stays exactly as seeded. It is
// a draft, so it never becomes the plan the home page sends people to.
export const LOOP_PLAN = { slug: "e2e-loop", title: "E2E quarterly loop plan" };

export function planId(slug = LOOP_PLAN.slug): number {
  const db = getDb();
  const find = () => db.select({ id: plans.id }).from(plans).where(eq(plans.slug, slug)).get()?.id;
  const found = find();
  if (found !== undefined || slug !== LOOP_PLAN.slug) return found!;
  return db.transaction(
    (tx) =>
      tx.select({ id: plans.id }).from(plans).where(eq(plans.slug, slug)).get()?.id ??
      tx.insert(plans).values({ slug, title: LOOP_PLAN.title, region: "Test region", status: "draft", periodStart: "2026-01-01", periodEnd: "2030-12-31" }).returning({ id: plans.id }).get().id,
    { behavior: "immediate" },
  );
}

// The open current period of the loop plan, and a closed one before it. Idempotent.
export function ensureCurrentPeriod(slug = LOOP_PLAN.slug) {
  const db = getDb();
  const pid = planId(slug);
  return db.transaction((tx) => {
    const find = (label: string) => tx.select().from(reportingPeriods).where(and(eq(reportingPeriods.planId, pid), eq(reportingPeriods.label, label))).get();
    if (!find(PREVIOUS.label)) tx.insert(reportingPeriods).values({ planId: pid, ...PREVIOUS, status: "closed" }).run();
    let current = find(CURRENT.label);
    if (!current) {
      tx.update(reportingPeriods).set({ isCurrent: false }).where(eq(reportingPeriods.planId, pid)).run();
      current = tx.insert(reportingPeriods).values({ planId: pid, ...CURRENT, status: "open", isCurrent: true }).returning().get();
    }
    return { current, previous: find(PREVIOUS.label)! };
  }, { behavior: "immediate" });
}

// A work group of its own with `count` fresh actions, for one spec. The given
// users join it (the first as lead when `leadUserId` is set).
export function createGroupWithActions(key: string, count: number, opts: { leadUserId?: number; memberUserIds?: number[]; slug?: string } = {}) {
  const db = getDb();
  const pid = planId(opts.slug);
  return db.transaction((tx) => {
    let group = tx.select().from(workGroups).where(and(eq(workGroups.planId, pid), eq(workGroups.key, key))).get();
    if (!group) group = tx.insert(workGroups).values({ planId: pid, key, name: `Work group ${key}`, status: "active" }).returning().get();
    const made: { id: number; code: string; text: string }[] = [];
    for (let i = 1; i <= count; i++) {
      const code = `${key.toUpperCase()}-${i}`;
      const existing = tx.select({ id: actions.id, code: actions.code, text: actions.text }).from(actions).where(and(eq(actions.planId, pid), eq(actions.code, code))).get();
      made.push(existing ?? tx.insert(actions).values({ planId: pid, code, title: `Action ${i} of ${key}`, text: `Do the ${i}th thing for ${key}.`, workGroupId: group.id, position: i }).returning({ id: actions.id, code: actions.code, text: actions.text }).get());
    }
    const join = (userId: number, role: "lead" | "member") =>
      tx.insert(workGroupMembers).values({ workGroupId: group.id, userId, role }).onConflictDoUpdate({ target: [workGroupMembers.workGroupId, workGroupMembers.userId], set: { role: sql`excluded.role` } }).run();
    if (opts.leadUserId) join(opts.leadUserId, "lead");
    for (const id of opts.memberUserIds ?? []) join(id, "member");
    return { group, actions: made };
  }, { behavior: "immediate" });
}
