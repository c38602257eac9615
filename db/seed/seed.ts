import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { metrics, organizations, plans, sections } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { systemActor } from "@/lib/auth/actor";
import { importPlan, insertMetric } from "@/lib/plans/import";
import { sjvMetrics } from "./sjv-metrics";
import { sjvPlan2012, sjvSap2006 } from "./sjv-plans";

export const DEFAULT_PLAN_SLUG = sjvPlan2012.plan.slug;

// Loads the default data set into an empty database. Idempotent: a database
// that already holds any plan is left alone, so restarting never duplicates
// data and never overwrites what people have entered since.
export function seedDefaultData(): { seeded: boolean } {
  const db = getDb();
  // One outer transaction (the imports nest as savepoints): two processes
  // starting at once cannot both see an empty database and both seed it.
  return db.transaction(
    (tx) => {
      const count = tx.select({ n: sql<number>`count(*)` }).from(plans).get()?.n ?? 0;
      if (count > 0) return { seeded: false };
      const actor = systemActor("seed");
      // The 2006 SAP goes first so the 2012 plan can link to it as its predecessor.
      importPlan(actor, { document: sjvSap2006 });
      importPlan(actor, { document: sjvPlan2012 });
      return { seeded: true };
    },
    { behavior: "immediate" },
  );
}

// Databases seeded before metrics existed get the plan's default metrics once:
// only while the SJV plan has no metric at all (metrics are retired, never
// deleted, so a plan that ever had one is left alone).
export function addDefaultMetrics(): { added: number } {
  return getDb().transaction((tx) => {
    const plan = tx.select({ id: plans.id }).from(plans).where(eq(plans.slug, DEFAULT_PLAN_SLUG)).get();
    if (!plan || tx.select({ id: metrics.id }).from(metrics).where(eq(metrics.planId, plan.id)).limit(1).get()) return { added: 0 };
    const sectionIds = new Map(tx.select({ key: sections.key, id: sections.id }).from(sections).where(eq(sections.planId, plan.id)).all().map((s) => [s.key, s.id]));
    const orgIds = new Map(tx.select({ key: organizations.slug, id: organizations.id }).from(organizations).all().map((o) => [o.key, o.id]));
    const usable = sjvMetrics.filter((m) => (m.section === null || sectionIds.has(m.section)) && (m.owner === null || orgIds.has(m.owner)));
    usable.forEach((m, position) => insertMetric(tx, plan.id, m, position, { sectionIds, orgIds, groupIds: new Map(), actionIds: new Map() }));
    recordAudit(tx, systemActor("seed"), { action: "plan.default_metrics", entityType: "plan", entityId: plan.id, after: { metrics: usable.map((m) => m.key) } });
    return { added: usable.length };
  });
}
