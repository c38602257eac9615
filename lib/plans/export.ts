import { asc, eq, inArray, sql } from "drizzle-orm";
import { getDb, statement } from "@/db";
import { actionChampions, actions, metrics, opportunities, organizations, planPartners, plans, sections, targetSections, targets, workGroups, workGroupSections, type Action, type Metric, type Section } from "@/db/schema";
import { readInterimTargets } from "@/lib/metrics/interim";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { exportAnalytics } from "./analytics-doc";
import { PLAN_DOCUMENT_FORMAT, PLAN_DOCUMENT_VERSION, type ActionDoc, type MetricDoc, type OrganizationDoc, type PlanDocument, type SectionDoc } from "./document-schema";

// Reads a whole plan into its portable document form. The order of every list
// is the plan's own order, so export -> import -> export is an identity.
export function exportPlan(actor: Actor, slug: string): PlanDocument {
  authorize(actor, "plan.export");
  const db = getDb();
  const plan = db.select().from(plans).where(eq(plans.slug, slug)).get();
  if (!plan) throw new AppError("NOT_FOUND", `No plan with the slug "${slug}".`);

  const previous = plan.previousPlanId ? db.select({ slug: plans.slug }).from(plans).where(eq(plans.id, plan.previousPlanId)).get() : undefined;
  const sectionRows = db.select().from(sections).where(eq(sections.planId, plan.id)).orderBy(asc(sections.position), asc(sections.id)).all();
  const sectionKey = new Map(sectionRows.map((s) => [s.id, s.key]));
  const sectionIds = sectionRows.map((s) => s.id);
  const opportunityRows = sectionIds.length
    ? db.select().from(opportunities).where(inArray(opportunities.sectionId, sectionIds)).orderBy(asc(opportunities.position), asc(opportunities.id)).all()
    : [];
  const actionRows = db.select().from(actions).where(eq(actions.planId, plan.id)).orderBy(asc(actions.position), asc(actions.id)).all();
  const championRows = db
    .select({ actionId: actionChampions.actionId, organizationId: actionChampions.organizationId, role: actionChampions.role })
    .from(actionChampions)
    .innerJoin(actions, eq(actions.id, actionChampions.actionId))
    .where(eq(actions.planId, plan.id))
    .orderBy(asc(actionChampions.actionId), sql`"action_champions"."rowid"`)
    .all();
  const groupRows = db.select().from(workGroups).where(eq(workGroups.planId, plan.id)).orderBy(asc(workGroups.id)).all();
  const groupSectionRows = db
    .select({ workGroupId: workGroupSections.workGroupId, sectionId: workGroupSections.sectionId })
    .from(workGroupSections)
    .innerJoin(workGroups, eq(workGroups.id, workGroupSections.workGroupId))
    .where(eq(workGroups.planId, plan.id))
    .orderBy(sql`"work_group_sections"."rowid"`)
    .all();
  const targetRows = db.select().from(targets).where(eq(targets.planId, plan.id)).orderBy(asc(targets.position), asc(targets.id)).all();
  const targetSectionRows = db
    .select({ targetId: targetSections.targetId, sectionId: targetSections.sectionId })
    .from(targetSections)
    .innerJoin(targets, eq(targets.id, targetSections.targetId))
    .where(eq(targets.planId, plan.id))
    .orderBy(sql`"target_sections"."rowid"`)
    .all();
  const metricRows = db.select().from(metrics).where(eq(metrics.planId, plan.id)).orderBy(asc(metrics.position), asc(metrics.id)).all();
  // Tens of thousands of values on a large plan: read as arrays through one prepared statement, straight into document form.
  const measurementRows = (
    statement(
      `select x.metric_id, x.period_label, x.value, x.note, x.source from measurements x join metrics m on m.id = x.metric_id
       where m.plan_id = ? and x.superseded_at is null order by x.metric_id, x.period_end`,
    )
      .raw(true)
      .all(plan.id) as [number, string, number, string | null, string | null][]
  ).map(([metricId, period, value, note, source]) => ({ metricId, doc: { period, value, note, source } }));
  const partnerRows = db.select().from(planPartners).where(eq(planPartners.planId, plan.id)).orderBy(asc(planPartners.position)).all();

  const orgIds = new Set<number>([
    ...partnerRows.map((p) => p.organizationId),
    ...championRows.map((c) => c.organizationId),
    ...groupRows.flatMap((g) => (g.leadOrganizationId ? [g.leadOrganizationId] : [])),
    ...metricRows.flatMap((m) => (m.ownerOrganizationId ? [m.ownerOrganizationId] : [])),
  ]);
  const orgRows = orgIds.size ? db.select().from(organizations).where(inArray(organizations.id, [...orgIds])).orderBy(asc(organizations.id)).all() : [];
  const orgKey = new Map(orgRows.map((o) => [o.id, o.slug]));
  const groupKey = new Map(groupRows.map((g) => [g.id, g.key]));

  const championsByAction = groupBy(championRows, (c) => c.actionId);
  const toActionDoc = (a: Action): ActionDoc => ({
    code: a.code,
    title: a.title,
    text: a.text,
    workGroup: a.workGroupId ? groupKey.get(a.workGroupId)! : null,
    champions: (championsByAction.get(a.id) ?? []).map((c) => ({ organization: orgKey.get(c.organizationId)!, role: c.role })),
    leadPerson: a.leadPerson,
    status: a.status,
    percentComplete: a.percentComplete,
    isPriority: a.isPriority,
    startDate: a.startDate,
    dueDate: a.dueDate,
    retiredAt: a.retiredAt,
  });

  const childrenOf = groupBy(sectionRows, (s) => s.parentId);
  const opportunitiesOf = groupBy(opportunityRows, (o) => o.sectionId);
  const actionsOf = groupBy(actionRows, (a) => a.sectionId);
  const toSectionDoc = (s: Section): SectionDoc => ({
    key: s.key,
    kind: s.kind,
    code: s.code,
    title: s.title,
    description: s.description,
    opportunities: (opportunitiesOf.get(s.id) ?? []).map((o) => o.text),
    actions: (actionsOf.get(s.id) ?? []).map(toActionDoc),
    children: (childrenOf.get(s.id) ?? []).map(toSectionDoc),
  });

  const measurementsOf = groupBy(measurementRows, (r) => r.metricId);
  const actionCode = new Map(actionRows.map((a) => [a.id, a.code]));
  const toMetricDoc = (m: Metric): MetricDoc => ({
    key: m.key,
    name: m.name,
    description: m.description,
    scope: m.scope,
    section: m.sectionId ? sectionKey.get(m.sectionId)! : null,
    action: m.actionId ? actionCode.get(m.actionId)! : null,
    workGroup: m.workGroupId ? groupKey.get(m.workGroupId)! : null,
    unit: m.unit,
    unitLabel: m.unitLabel,
    direction: m.direction,
    baseline: m.baselineValue !== null && m.baselineDate ? { date: m.baselineDate, value: m.baselineValue } : null,
    target: m.targetValue !== null && m.targetDate ? { date: m.targetDate, value: m.targetValue } : null,
    interimTargets: readInterimTargets(m.interimTargets),
    tolerancePercent: m.tolerancePercent,
    frequency: m.frequency,
    source: m.source,
    method: m.method,
    owner: m.ownerOrganizationId ? orgKey.get(m.ownerOrganizationId)! : null,
    ownerPerson: m.ownerPerson,
    retiredAt: m.retiredAt,
    measurements: (measurementsOf.get(m.id) ?? []).map((x) => x.doc),
  });

  const sectionsOfGroup = groupBy(groupSectionRows, (r) => r.workGroupId);
  const sectionsOfTarget = groupBy(targetSectionRows, (r) => r.targetId);

  return {
    format: PLAN_DOCUMENT_FORMAT,
    version: PLAN_DOCUMENT_VERSION,
    plan: {
      slug: plan.slug,
      title: plan.title,
      region: plan.region,
      summary: plan.summary,
      periodStart: plan.periodStart,
      periodEnd: plan.periodEnd,
      status: plan.status,
      sourceCitation: plan.sourceCitation,
      sourceUrl: plan.sourceUrl,
      previousPlan: previous?.slug ?? null,
    },
    organizations: orgRows.map((o): OrganizationDoc => ({ key: o.slug, name: o.name, acronym: o.acronym, type: o.type, website: o.website })),
    partners: partnerRows.map((p) => orgKey.get(p.organizationId)!),
    workGroups: groupRows.map((g) => ({
      key: g.key,
      name: g.name,
      description: g.description,
      leadOrganization: g.leadOrganizationId ? orgKey.get(g.leadOrganizationId)! : null,
      status: g.status,
      sections: (sectionsOfGroup.get(g.id) ?? []).map((r) => sectionKey.get(r.sectionId)!),
    })),
    sections: (childrenOf.get(null) ?? []).map(toSectionDoc),
    actions: (actionsOf.get(null) ?? []).map(toActionDoc),
    targets: targetRows.map((t) => ({
      description: t.description,
      marketSupportUsd: t.marketSupportUsd,
      source: t.source,
      sections: (sectionsOfTarget.get(t.id) ?? []).map((r) => sectionKey.get(r.sectionId)!),
    })),
    metrics: metricRows.map(toMetricDoc),
    analytics: exportAnalytics(db, plan, sectionKey, new Map(metricRows.map((m) => [m.id, m.key]))),
  };
}

function groupBy<T, K>(rows: T[], keyOf: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const k = keyOf(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}
