import { and, asc, eq, inArray, isNull, like, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { actionChampions, actions, organizations, plans, sections, workGroups } from "@/db/schema";
import { collectSubtree, listSections } from "@/lib/plans/queries";
import { PAGE_SIZE, type ActionFilters } from "./filters";

// The WHERE clause of the action list's filters: shared by the paged list and
// the spreadsheet export, so a download holds exactly the rows the page shows.
export function actionFilterCondition(planId: number, filters: Omit<ActionFilters, "page">) {
  const db = getDb();
  const where: SQL[] = [eq(actions.planId, planId)];
  if (!filters.retired) where.push(isNull(actions.retiredAt));

  if (filters.section) {
    const all = listSections(planId);
    const root = all.find((s) => s.key === filters.section);
    // An unknown section matches nothing rather than silently showing everything.
    where.push(root ? inArray(actions.sectionId, collectSubtree(all, root.id)) : sql`0`);
  }
  if (filters.group) {
    const group = db.select({ id: workGroups.id }).from(workGroups).where(and(eq(workGroups.planId, planId), eq(workGroups.key, filters.group))).get();
    where.push(group ? eq(actions.workGroupId, group.id) : sql`0`);
  }
  if (filters.org) {
    where.push(
      sql`exists (select 1 from ${actionChampions} join ${organizations} on ${organizations.id} = ${actionChampions.organizationId}
          where ${actionChampions.actionId} = ${actions.id} and ${organizations.slug} = ${filters.org})`,
    );
  }
  if (filters.status) where.push(eq(actions.status, filters.status));
  if (filters.priority) where.push(eq(actions.isPriority, true));
  if (filters.q) {
    const pattern = `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      or(
        sql`${actions.text} like ${pattern} escape '\\'`,
        sql`${actions.title} like ${pattern} escape '\\'`,
        like(actions.code, pattern),
      )!,
    );
  }

  return and(...where);
}

// Plan order: sections in order (plan-level actions last), then the actions in each.
// Callers join sections on actions.sectionId.
export function actionListOrder() {
  return [sql`${sections.position} is null`, asc(sections.position), asc(actions.position), asc(actions.id)];
}

export function listActions(planId: number, filters: ActionFilters) {
  const db = getDb();
  const condition = actionFilterCondition(planId, filters);
  const total = db.select({ n: sql<number>`count(*)` }).from(actions).where(condition).get()?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(filters.page, pageCount);
  const rows = db
    .select({
      id: actions.id,
      code: actions.code,
      title: actions.title,
      text: actions.text,
      status: actions.status,
      percentComplete: actions.percentComplete,
      isPriority: actions.isPriority,
      retiredAt: actions.retiredAt,
      sectionTitle: sections.title,
      sectionKey: sections.key,
      workGroupName: workGroups.name,
    })
    .from(actions)
    .leftJoin(sections, eq(sections.id, actions.sectionId))
    .leftJoin(workGroups, eq(workGroups.id, actions.workGroupId))
    .where(condition)
    .orderBy(...actionListOrder())
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE)
    .all();

  return { rows, total, page, pageCount, champions: championsFor(rows.map((r) => r.id)) };
}

export type ChampionSummary = { actionId: number; slug: string; name: string; acronym: string | null; role: "lead" | "partner" | "funder" };

// One query for the champions of a page of actions (no N+1).
export function championsFor(actionIds: number[]): Map<number, ChampionSummary[]> {
  const map = new Map<number, ChampionSummary[]>();
  if (actionIds.length === 0) return map;
  const rows = getDb()
    .select({ actionId: actionChampions.actionId, slug: organizations.slug, name: organizations.name, acronym: organizations.acronym, role: actionChampions.role })
    .from(actionChampions)
    .innerJoin(organizations, eq(organizations.id, actionChampions.organizationId))
    .where(inArray(actionChampions.actionId, actionIds))
    .orderBy(sql`case ${actionChampions.role} when 'lead' then 0 when 'funder' then 1 else 2 end`, asc(organizations.name))
    .all();
  for (const r of rows) {
    const list = map.get(r.actionId);
    if (list) list.push(r);
    else map.set(r.actionId, [r]);
  }
  return map;
}

export function getActionDetail(id: number) {
  const db = getDb();
  const row = db
    .select({
      action: actions,
      planSlug: plans.slug,
      planTitle: plans.title,
      workGroupName: workGroups.name,
      workGroupKey: workGroups.key,
      workGroupStatus: workGroups.status,
    })
    .from(actions)
    .innerJoin(plans, eq(plans.id, actions.planId))
    .leftJoin(workGroups, eq(workGroups.id, actions.workGroupId))
    .where(eq(actions.id, id))
    .get();
  if (!row) return null;

  const all = listSections(row.action.planId);
  const trail = [];
  for (let p = row.action.sectionId; p !== null; ) {
    const s = all.find((x) => x.id === p);
    if (!s) break;
    trail.unshift(s);
    p = s.parentId;
  }
  return { ...row, trail, champions: championsFor([id]).get(id) ?? [] };
}

// Every live action in a set of sections (a cluster and its components).
export function listActionsInSections(sectionIds: number[]) {
  if (sectionIds.length === 0) return { rows: [], champions: new Map<number, ChampionSummary[]>() };
  const rows = getDb()
    .select({
      id: actions.id,
      code: actions.code,
      title: actions.title,
      text: actions.text,
      status: actions.status,
      percentComplete: actions.percentComplete,
      isPriority: actions.isPriority,
      sectionTitle: sections.title,
      workGroupName: workGroups.name,
    })
    .from(actions)
    .innerJoin(sections, eq(sections.id, actions.sectionId))
    .leftJoin(workGroups, eq(workGroups.id, actions.workGroupId))
    .where(and(inArray(actions.sectionId, sectionIds), isNull(actions.retiredAt)))
    .orderBy(asc(sections.position), asc(actions.position), asc(actions.id))
    .all();
  return { rows, champions: championsFor(rows.map((r) => r.id)) };
}

// Organizations that champion at least one action of the plan: the options of the champion filter.
export function listChampionOrganizations(planId: number) {
  return getDb()
    .selectDistinct({ slug: organizations.slug, name: organizations.name })
    .from(actionChampions)
    .innerJoin(actions, eq(actions.id, actionChampions.actionId))
    .innerJoin(organizations, eq(organizations.id, actionChampions.organizationId))
    .where(eq(actions.planId, planId))
    .orderBy(asc(organizations.name))
    .all();
}
