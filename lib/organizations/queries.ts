import { and, asc, eq, isNull, like, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { actionChampions, actions, organizations, planPartners, plans, sections, workGroups } from "@/db/schema";
import { ORGANIZATION_TYPES } from "@/db/schema/enums";

export const organizationFiltersSchema = z.object({
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .catch(undefined)
    .transform((v) => (v ? v : undefined)),
  type: z.enum(ORGANIZATION_TYPES).optional().catch(undefined),
  // Retired organizations are hidden unless asked for.
  retired: z
    .literal("1")
    .optional()
    .catch(undefined)
    .transform((v) => v === "1"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export const ORGANIZATION_PAGE_SIZE = 100;
export type OrganizationFilters = z.infer<typeof organizationFiltersSchema>;

export function listOrganizations(filters: OrganizationFilters) {
  const where: SQL[] = [];
  if (filters.q) {
    const pattern = `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(sql`${organizations.name} like ${pattern} escape '\\'`, like(organizations.acronym, pattern))!);
  }
  if (filters.type) where.push(eq(organizations.type, filters.type));
  if (!filters.retired) where.push(isNull(organizations.retiredAt));
  const db = getDb();
  const condition = where.length ? and(...where) : undefined;
  const total = db.select({ n: sql<number>`count(*)` }).from(organizations).where(condition).get()?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / ORGANIZATION_PAGE_SIZE));
  const page = Math.min(filters.page, pageCount);
  const rows = db
    .select({
      id: organizations.id,
      slug: organizations.slug,
      name: organizations.name,
      acronym: organizations.acronym,
      type: organizations.type,
      retiredAt: organizations.retiredAt,
      // Correlated counts use the organization indexes on both join tables.
      actionCount: sql<number>`(select count(*) from "action_champions" where "action_champions"."organization_id" = "organizations"."id")`,
      leadCount: sql<number>`(select count(*) from "action_champions" where "action_champions"."organization_id" = "organizations"."id" and "action_champions"."role" = 'lead')`,
    })
    .from(organizations)
    .where(condition)
    .orderBy(asc(sql`lower(${organizations.name})`))
    .limit(ORGANIZATION_PAGE_SIZE)
    .offset((page - 1) * ORGANIZATION_PAGE_SIZE)
    .all();
  return { rows, total, page, pageCount };
}

export function getOrganizationDetail(slug: string) {
  const db = getDb();
  const org = db.select().from(organizations).where(eq(organizations.slug, slug)).get();
  if (!org) return null;
  const championed = db
    .select({
      id: actions.id,
      code: actions.code,
      title: actions.title,
      text: actions.text,
      status: actions.status,
      role: actionChampions.role,
      planSlug: plans.slug,
      planTitle: plans.title,
      sectionTitle: sections.title,
    })
    .from(actionChampions)
    .innerJoin(actions, eq(actions.id, actionChampions.actionId))
    .innerJoin(plans, eq(plans.id, actions.planId))
    .leftJoin(sections, eq(sections.id, actions.sectionId))
    .where(and(eq(actionChampions.organizationId, org.id), isNull(actions.retiredAt)))
    .orderBy(asc(plans.title), sql`${sections.position} is null`, asc(sections.position), asc(actions.position))
    .all();
  const leads = db
    .select({ id: workGroups.id, key: workGroups.key, name: workGroups.name, status: workGroups.status, planSlug: plans.slug, planTitle: plans.title })
    .from(workGroups)
    .innerJoin(plans, eq(plans.id, workGroups.planId))
    .where(and(eq(workGroups.leadOrganizationId, org.id), isNull(workGroups.retiredAt)))
    .orderBy(asc(workGroups.name))
    .all();
  const acknowledgedBy = db
    .select({ slug: plans.slug, title: plans.title })
    .from(planPartners)
    .innerJoin(plans, eq(plans.id, planPartners.planId))
    .where(eq(planPartners.organizationId, org.id))
    .orderBy(asc(plans.title))
    .all();
  return { org, championed, leads, acknowledgedBy };
}
