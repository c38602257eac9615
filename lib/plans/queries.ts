import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { cache } from "react";
import { getDb } from "@/db";
import { actions, opportunities, organizations, plans, sections, targets, targetSections, workGroups, workGroupSections, type Section } from "@/db/schema";
import { ACTION_STATUSES, type ActionStatus } from "@/db/schema/enums";

export const listPlans = cache(() => {
  const db = getDb();
  return db
    .select({
      id: plans.id,
      slug: plans.slug,
      title: plans.title,
      region: plans.region,
      status: plans.status,
      periodStart: plans.periodStart,
      periodEnd: plans.periodEnd,
      // Table names are spelled out: inside a select list drizzle renders bare column names.
      actionCount: sql<number>`(select count(*) from "actions" where "actions"."plan_id" = "plans"."id" and "actions"."retired_at" is null)`,
    })
    .from(plans)
    .orderBy(sql`case ${plans.status} when 'active' then 0 when 'draft' then 1 else 2 end`, desc(plans.periodStart), asc(plans.id))
    .all();
});

// The plan people land on: the newest active plan, else the newest of any.
export function getDefaultPlanSlug(): string | null {
  return listPlans()[0]?.slug ?? null;
}

export const getPlanBySlug = cache((slug: string) => {
  const db = getDb();
  const plan = db.select().from(plans).where(eq(plans.slug, slug)).get();
  if (!plan) return null;
  const previous = plan.previousPlanId
    ? db.select({ slug: plans.slug, title: plans.title }).from(plans).where(eq(plans.id, plan.previousPlanId)).get() ?? null
    : null;
  return { ...plan, previous };
});

export const listSections = cache((planId: number) =>
  getDb().select().from(sections).where(eq(sections.planId, planId)).orderBy(asc(sections.position), asc(sections.id)).all(),
);

export type StatusCounts = Record<ActionStatus, number>;

export interface SectionProgress {
  section: Section;
  total: number;
  counts: StatusCounts;
  averagePercent: number;
}

const emptyCounts = (): StatusCounts => Object.fromEntries(ACTION_STATUSES.map((s) => [s, 0])) as StatusCounts;

// Per top-level section, counts of live actions by status, with actions in
// nested sections rolled up to their top-level ancestor.
export function getPlanDashboard(planId: number) {
  const db = getDb();
  const all = listSections(planId);
  const byId = new Map(all.map((s) => [s.id, s]));
  const rootOf = (id: number): number => {
    let s = byId.get(id);
    while (s?.parentId) s = byId.get(s.parentId);
    return s?.id ?? id;
  };
  const rows = db
    .select({ sectionId: actions.sectionId, status: actions.status, n: sql<number>`count(*)`, pct: sql<number>`sum(${actions.percentComplete})` })
    .from(actions)
    .where(and(eq(actions.planId, planId), isNull(actions.retiredAt)))
    .groupBy(actions.sectionId, actions.status)
    .all();

  const progress = new Map<number | null, { total: number; counts: StatusCounts; pct: number }>();
  for (const r of rows) {
    const root = r.sectionId === null ? null : rootOf(r.sectionId);
    const p = progress.get(root) ?? { total: 0, counts: emptyCounts(), pct: 0 };
    p.total += r.n;
    p.counts[r.status] += r.n;
    p.pct += r.pct;
    progress.set(root, p);
  }
  const toProgress = (p: { total: number; counts: StatusCounts; pct: number } | undefined) => ({
    total: p?.total ?? 0,
    counts: p?.counts ?? emptyCounts(),
    averagePercent: p && p.total ? Math.round(p.pct / p.total) : 0,
  });

  const sectionsProgress: SectionProgress[] = all.filter((s) => s.parentId === null && !s.retiredAt).map((section) => ({ section, ...toProgress(progress.get(section.id)) }));
  const planLevel = toProgress(progress.get(null));
  const overall = emptyCounts();
  let total = 0;
  for (const p of progress.values()) {
    total += p.total;
    for (const s of ACTION_STATUSES) overall[s] += p.counts[s];
  }

  const priority = db
    .select({ id: actions.id, code: actions.code, title: actions.title, text: actions.text, status: actions.status, percentComplete: actions.percentComplete })
    .from(actions)
    .where(and(eq(actions.planId, planId), eq(actions.isPriority, true), isNull(actions.retiredAt)))
    .orderBy(asc(actions.code))
    .limit(50)
    .all();

  const planActions = db
    .select({ id: actions.id, code: actions.code, title: actions.title, text: actions.text, status: actions.status })
    .from(actions)
    .where(and(eq(actions.planId, planId), isNull(actions.sectionId), isNull(actions.retiredAt)))
    .orderBy(asc(actions.position), asc(actions.id))
    .limit(100)
    .all();

  const targetTotal = db
    .select({ n: sql<number>`count(*)`, usd: sql<number>`coalesce(sum(${targets.marketSupportUsd}), 0)` })
    .from(targets)
    .where(and(eq(targets.planId, planId), isNull(targets.retiredAt)))
    .get();

  return { sections: sectionsProgress, planLevel, planActions, overall, total, priority, targets: targetTotal ?? { n: 0, usd: 0 } };
}

export function getSectionPage(planId: number, key: string) {
  const db = getDb();
  const all = listSections(planId);
  const section = all.find((s) => s.key === key);
  if (!section) return null;

  const trail: Section[] = [];
  for (let p = section.parentId; p !== null; ) {
    const parent = all.find((s) => s.id === p);
    if (!parent) break;
    trail.unshift(parent);
    p = parent.parentId;
  }
  // Retired sections, groups and targets keep their links but leave the views.
  const children = all.filter((s) => s.parentId === section.id && !s.retiredAt);
  const subtreeIds = collectSubtree(all, section.id);

  const opportunityRows = db.select().from(opportunities).where(eq(opportunities.sectionId, section.id)).orderBy(asc(opportunities.position)).all();
  const groups = db
    .select({ id: workGroups.id, key: workGroups.key, name: workGroups.name, status: workGroups.status, leadName: organizations.name, leadSlug: organizations.slug })
    .from(workGroupSections)
    .innerJoin(workGroups, eq(workGroups.id, workGroupSections.workGroupId))
    .leftJoin(organizations, eq(organizations.id, workGroups.leadOrganizationId))
    .where(and(eq(workGroupSections.sectionId, section.id), isNull(workGroups.retiredAt)))
    .orderBy(asc(workGroups.name))
    .all();
  const linkedTargets = db
    .select({ id: targets.id, description: targets.description, marketSupportUsd: targets.marketSupportUsd })
    .from(targetSections)
    .innerJoin(targets, eq(targets.id, targetSections.targetId))
    .where(and(eq(targetSections.sectionId, section.id), isNull(targets.retiredAt)))
    .orderBy(desc(targets.marketSupportUsd))
    .all();

  return { section, trail, children, subtreeIds, opportunities: opportunityRows, workGroups: groups, targets: linkedTargets };
}

export function collectSubtree(all: Pick<Section, "id" | "parentId">[], rootId: number): number[] {
  const ids = [rootId];
  for (let i = 0; i < ids.length; i++) for (const s of all) if (s.parentId === ids[i]) ids.push(s.id);
  return ids;
}

export function listWorkGroups(planId: number) {
  return getDb()
    .select({ id: workGroups.id, key: workGroups.key, name: workGroups.name, status: workGroups.status })
    .from(workGroups)
    .where(and(eq(workGroups.planId, planId), isNull(workGroups.retiredAt)))
    .orderBy(asc(workGroups.name))
    .all();
}
