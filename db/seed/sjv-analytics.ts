import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db";
import { areas, auditLog, clusterCodes, clusterDefinitions, metrics, plans, regionAreas, regions, sections } from "@/db/schema";
import { SJV_CLUSTER_DEFINITIONS } from "@/lib/analytics/sjv-clusters";
import { recordAudit } from "@/lib/audit/record";
import { systemActor } from "@/lib/auth/actor";
import { DEFAULT_PLAN_SLUG } from "./seed";

// The SJV plan's analytics defaults (issue #7): its region (the eight
// counties the plan names), California as the reference area, and the
// starting NAICS definitions of its seven clusters (lib/analytics/sjv-clusters.ts),
// each feeding the cluster's annual employment metric. Area names are BLS's,
// so pages read well before any file is imported; an import renames them.

export const SJV_REGION = {
  key: "san-joaquin-valley",
  name: "San Joaquin Valley (eight counties)",
  areas: [
    ["06019", "Fresno County, California"],
    ["06029", "Kern County, California"],
    ["06031", "Kings County, California"],
    ["06039", "Madera County, California"],
    ["06047", "Merced County, California"],
    ["06077", "San Joaquin County, California"],
    ["06099", "Stanislaus County, California"],
    ["06107", "Tulare County, California"],
  ],
} as const;
export const SJV_REFERENCE = ["06000", "California -- Statewide"] as const;
const OTHER_AREAS = [["US000", "U.S. TOTAL"]] as const;

const AUDIT_ACTION = "plan.default_analytics";

/**
 * Adds the defaults once to the SJV plan: never again after they were added
 * (the audit entry says so), so an administrator's later choices stand.
 */
export function addDefaultAnalytics(): { added: boolean } {
  return getDb().transaction((tx) => {
    const plan = tx.select({ id: plans.id, regionId: plans.analyticsRegionId }).from(plans).where(eq(plans.slug, DEFAULT_PLAN_SLUG)).get();
    if (!plan || plan.regionId) return { added: false };
    if (tx.select({ id: auditLog.id }).from(auditLog).where(and(eq(auditLog.action, AUDIT_ACTION), eq(auditLog.entityId, String(plan.id)))).get()) return { added: false };

    for (const [code, title] of [...SJV_REGION.areas, SJV_REFERENCE, ...OTHER_AREAS]) tx.insert(areas).values({ code, title }).onConflictDoNothing().run();
    let region = tx.select({ id: regions.id }).from(regions).where(eq(regions.key, SJV_REGION.key)).get();
    if (!region) {
      region = tx.insert(regions).values({ key: SJV_REGION.key, name: SJV_REGION.name }).returning({ id: regions.id }).get();
      tx.insert(regionAreas).values(SJV_REGION.areas.map(([area]) => ({ regionId: region!.id, area }))).run();
    }
    tx.update(plans).set({ analyticsRegionId: region.id, referenceArea: SJV_REFERENCE[0] }).where(eq(plans.id, plan.id)).run();

    const sectionIds = new Map(tx.select({ key: sections.key, id: sections.id }).from(sections).where(eq(sections.planId, plan.id)).all().map((s) => [s.key, s.id]));
    const metricKeys = SJV_CLUSTER_DEFINITIONS.map((d) => `${d.section}-employment`);
    const metricIds = new Map(tx.select({ key: metrics.key, id: metrics.id }).from(metrics).where(and(eq(metrics.planId, plan.id), inArray(metrics.key, metricKeys))).all().map((m) => [m.key, m.id]));
    const defined: string[] = [];
    for (const d of SJV_CLUSTER_DEFINITIONS) {
      const sectionId = sectionIds.get(d.section);
      if (!sectionId || tx.select({ id: clusterDefinitions.sectionId }).from(clusterDefinitions).where(eq(clusterDefinitions.sectionId, sectionId)).get()) continue;
      tx.insert(clusterDefinitions).values({ sectionId, note: d.note, isStartingPoint: true, metricId: metricIds.get(`${d.section}-employment`) ?? null }).run();
      const rows = d.components.flatMap((c) => c.codes.map((x) => ({ component: c.name, code: x.code })));
      tx.insert(clusterCodes).values(rows.map((r, position) => ({ sectionId, ...r, position }))).run();
      defined.push(d.section);
    }
    recordAudit(tx, systemActor("seed"), { action: AUDIT_ACTION, entityType: "plan", entityId: plan.id, after: { region: SJV_REGION.key, reference: SJV_REFERENCE[0], clusters: defined } });
    return { added: true };
  });
}
