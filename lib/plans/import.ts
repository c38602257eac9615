import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { getDb, type Tx } from "@/db";
import { actionChampions, actions, measurements, metrics, opportunities, organizations, planPartners, plans, sections, targetSections, targets, workGroups, workGroupSections } from "@/db/schema";
import { parsePeriodLabel } from "@/lib/metrics/periods";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { importAnalytics } from "./analytics-doc";
import { planDocumentSchema, type ActionDoc, type MetricDoc, type OrganizationDoc, type PlanDocument, type SectionDoc } from "./document-schema";

export interface ImportPlanInput {
  document: unknown;
  // Import under another slug, e.g. to load a second copy of an exported plan.
  slug?: string;
}

export interface ImportPlanResult {
  planId: number;
  slug: string;
  counts: { sections: number; opportunities: number; actions: number; organizationsCreated: number; workGroups: number; targets: number; metrics: number; measurements: number; clusters: number };
  warnings: string[];
}

// Turns zod issues into "path: message" lines so a person can find the bad field.
export function describeIssues(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const path = issue.path.length ? issue.path.join(".") : "(document)";
    (out[path] ??= []).push(issue.message);
  }
  return out;
}

export function parsePlanDocument(document: unknown): PlanDocument {
  const parsed = planDocumentSchema.safeParse(document);
  if (!parsed.success) {
    const fieldErrors = describeIssues(parsed.error);
    const [firstPath, firstMessages] = Object.entries(fieldErrors)[0] ?? ["(document)", ["invalid"]];
    const more = Object.keys(fieldErrors).length - 1;
    throw new AppError(
      "INVALID_INPUT",
      `Invalid plan document at ${firstPath}: ${firstMessages.join("; ")}${more > 0 ? ` (and ${more} more problem${more > 1 ? "s" : ""})` : ""}`,
      fieldErrors,
    );
  }
  return parsed.data;
}

export function importPlan(actor: Actor, input: ImportPlanInput): ImportPlanResult {
  authorize(actor, "plan.import");
  const doc = parsePlanDocument(input.document);
  const slug = input.slug ?? doc.plan.slug;
  if (input.slug !== undefined && !/^[a-z0-9][a-z0-9._-]*$/.test(slug)) {
    throw new AppError("INVALID_INPUT", "The slug may use lower-case letters, digits, '.', '_' or '-'.", { slug: ["invalid slug"] });
  }

  return getDb().transaction((tx) => {
    if (tx.select({ id: plans.id }).from(plans).where(eq(plans.slug, slug)).get()) {
      throw new AppError("CONFLICT", `A plan with the slug "${slug}" already exists. Import it under another slug.`, { slug: ["already in use"] });
    }
    const warnings: string[] = [];
    let previousPlanId: number | null = null;
    if (doc.plan.previousPlan) {
      previousPlanId = tx.select({ id: plans.id }).from(plans).where(eq(plans.slug, doc.plan.previousPlan)).get()?.id ?? null;
      if (previousPlanId === null) warnings.push(`The previous edition "${doc.plan.previousPlan}" is not in this database, so the link was not kept.`);
    }

    const plan = tx
      .insert(plans)
      .values({ ...doc.plan, slug, previousPlanId })
      .returning({ id: plans.id })
      .get();

    const { orgIds, created } = resolveOrganizations(tx, doc.organizations);
    doc.partners.forEach((key, position) => {
      tx.insert(planPartners).values({ planId: plan.id, organizationId: orgIds.get(key)!, position }).run();
    });

    const groupIds = new Map<string, number>();
    for (const g of doc.workGroups) {
      const row = tx
        .insert(workGroups)
        .values({
          planId: plan.id,
          key: g.key,
          name: g.name,
          description: g.description,
          status: g.status,
          leadOrganizationId: g.leadOrganization ? orgIds.get(g.leadOrganization)! : null,
        })
        .returning({ id: workGroups.id })
        .get();
      groupIds.set(g.key, row.id);
    }

    const counts = { sections: 0, opportunities: 0, actions: 0, organizationsCreated: created, workGroups: doc.workGroups.length, targets: doc.targets.length, metrics: doc.metrics.length, measurements: 0, clusters: 0 };
    const actionIds = new Map<string, number>();
    const sectionIds = new Map<string, number>();

    const insertActions = (list: ActionDoc[], sectionId: number | null) =>
      list.forEach((a, position) => {
        const { champions, workGroup, ...fields } = a;
        const row = tx
          .insert(actions)
          .values({ ...fields, planId: plan.id, sectionId, position, workGroupId: workGroup ? groupIds.get(workGroup)! : null })
          .returning({ id: actions.id })
          .get();
        actionIds.set(a.code, row.id);
        for (const c of champions) {
          tx.insert(actionChampions).values({ actionId: row.id, organizationId: orgIds.get(c.organization)!, role: c.role }).run();
        }
        counts.actions++;
      });

    const insertSections = (list: SectionDoc[], parentId: number | null) =>
      list.forEach((s, position) => {
        const row = tx
          .insert(sections)
          .values({ planId: plan.id, parentId, key: s.key, kind: s.kind, code: s.code, title: s.title, description: s.description, position })
          .returning({ id: sections.id })
          .get();
        sectionIds.set(s.key, row.id);
        counts.sections++;
        s.opportunities.forEach((text, i) => {
          tx.insert(opportunities).values({ sectionId: row.id, text, position: i }).run();
          counts.opportunities++;
        });
        insertActions(s.actions, row.id);
        insertSections(s.children, row.id);
      });

    insertSections(doc.sections, null);
    insertActions(doc.actions, null);

    for (const g of doc.workGroups) {
      for (const key of g.sections) tx.insert(workGroupSections).values({ workGroupId: groupIds.get(g.key)!, sectionId: sectionIds.get(key)! }).run();
    }
    doc.targets.forEach((t, position) => {
      const row = tx
        .insert(targets)
        .values({ planId: plan.id, description: t.description, marketSupportUsd: t.marketSupportUsd, source: t.source, position })
        .returning({ id: targets.id })
        .get();
      for (const key of t.sections) tx.insert(targetSections).values({ targetId: row.id, sectionId: sectionIds.get(key)! }).run();
    });

    doc.metrics.forEach((m, position) => {
      counts.measurements += insertMetric(tx, plan.id, m, position, { sectionIds, groupIds, actionIds, orgIds });
    });
    if (doc.analytics) {
      const metricIds = new Map(tx.select({ key: metrics.key, id: metrics.id }).from(metrics).where(eq(metrics.planId, plan.id)).all().map((m) => [m.key, m.id]));
      importAnalytics(tx, plan.id, doc.analytics, { sectionIds, metricIds }, warnings);
      counts.clusters = doc.analytics.clusters.length;
    }

    recordAudit(tx, actor, { action: "plan.import", entityType: "plan", entityId: plan.id, after: { slug, title: doc.plan.title, counts } });
    return { planId: plan.id, slug, counts, warnings };
  });
}

// A metric and its current measurements; the document was checked, so every key resolves.
export function insertMetric(tx: Tx, planId: number, m: MetricDoc, position: number, ids: Record<"sectionIds" | "groupIds" | "actionIds" | "orgIds", Map<string, number>>): number {
  const row = tx
    .insert(metrics)
    .values({
      planId,
      key: m.key,
      scope: m.scope,
      sectionId: m.section ? ids.sectionIds.get(m.section)! : null,
      workGroupId: m.workGroup ? ids.groupIds.get(m.workGroup)! : null,
      actionId: m.action ? ids.actionIds.get(m.action)! : null,
      name: m.name,
      description: m.description,
      unit: m.unit,
      unitLabel: m.unitLabel,
      direction: m.direction,
      baselineValue: m.baseline?.value ?? null,
      baselineDate: m.baseline?.date ?? null,
      targetValue: m.target?.value ?? null,
      targetDate: m.target?.date ?? null,
      interimTargets: JSON.stringify(m.interimTargets),
      tolerancePercent: m.tolerancePercent,
      frequency: m.frequency,
      source: m.source,
      method: m.method,
      ownerOrganizationId: m.owner ? ids.orgIds.get(m.owner)! : null,
      ownerPerson: m.ownerPerson,
      position,
      retiredAt: m.retiredAt,
    })
    .returning({ id: metrics.id })
    .get();
  const values = m.measurements.map((x) => {
    const period = parsePeriodLabel(x.period)!;
    return { metricId: row.id, periodLabel: period.label, periodStart: period.start, periodEnd: period.end, value: x.value, note: x.note, source: x.source };
  });
  // Many rows per statement: a plan with tens of thousands of values imports in seconds, not tens of seconds.
  for (let i = 0; i < values.length; i += 500) tx.insert(measurements).values(values.slice(i, i + 500)).run();
  return values.length;
}

// Organizations are shared between plans: reuse one with the same slug and
// name, or the same name; otherwise create it, finding a free slug if needed.
function resolveOrganizations(tx: Tx, docs: OrganizationDoc[]) {
  const orgIds = new Map<string, number>();
  let created = 0;
  for (const o of docs) {
    const bySlug = tx.select().from(organizations).where(eq(organizations.slug, o.key)).get();
    if (bySlug && bySlug.name.toLowerCase() === o.name.toLowerCase()) {
      orgIds.set(o.key, bySlug.id);
      continue;
    }
    const byName = tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(sql`lower(${organizations.name}) = ${o.name.toLowerCase()}`)
      .get();
    if (byName) {
      orgIds.set(o.key, byName.id);
      continue;
    }
    let slug = o.key;
    for (let n = 2; tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, slug)).get(); n++) slug = `${o.key}-${n}`;
    const row = tx
      .insert(organizations)
      .values({ slug, name: o.name, acronym: o.acronym, type: o.type, website: o.website })
      .returning({ id: organizations.id })
      .get();
    orgIds.set(o.key, row.id);
    created++;
  }
  return { orgIds, created };
}
