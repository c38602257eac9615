import { asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx, Tx } from "@/db";
import { areas, clusterCodes, clusterDefinitions, plans, regionAreas, regions, type Plan } from "@/db/schema";
import { MAX_CODES } from "@/lib/analytics/definition-codes";
import { isNaicsCode, naicsAncestors, normalizeNaicsCode } from "@/lib/analytics/naics";

// A plan's employment analytics in its portable document (version 3, issue
// #7): the region its figures cover, the reference area, and each cluster's
// NAICS definition. Employment data itself is not part of a plan: it is BLS's,
// imported from BLS's files into whatever database the plan lands in.

const key = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, "use lower-case letters, digits, '.', '_' or '-'");
const areaCode = z.string().regex(/^[0-9A-Z]{5}$/, "a BLS area code: five digits or capital letters, such as 06019 or US000");
// As the database holds them: 2 to 6 digits, the range sectors as BLS writes them (31-33).
const naicsCode = z.string().refine((c) => /^[1-9]/.test(c) && isNaicsCode(c) && normalizeNaicsCode(c) === c, "a NAICS code as BLS writes it: 2 to 6 digits, or 31-33, 44-45, 48-49");

export const clusterDocSchema = z.strictObject({
  section: key,
  note: z.string().trim().min(1).max(5_000).nullable(),
  // A shipped definition nobody has reviewed yet.
  startingPoint: z.boolean(),
  // The annual employment metric the imports feed (a metric of this document).
  metric: key.nullable(),
  codes: z
    .array(z.strictObject({ code: naicsCode, component: z.string().trim().max(200) }))
    .min(1)
    .max(MAX_CODES),
});

export const analyticsDocSchema = z.strictObject({
  // Regions are shared between plans: one with the same key and areas is reused on import.
  region: z
    .strictObject({
      key,
      name: z.string().trim().min(1).max(200),
      areas: z.array(z.strictObject({ code: areaCode, title: z.string().trim().min(1).max(300).nullable() })).min(1).max(1_000),
    })
    .nullable(),
  referenceArea: areaCode.nullable(),
  clusters: z.array(clusterDocSchema).max(1_000),
});

export type AnalyticsDoc = z.infer<typeof analyticsDocSchema>;

/**
 * The checks that need the rest of the document, as the definition editor
 * makes them (lib/analytics/definitions.ts): a cluster is a top-level section
 * of the plan, fed metrics are annual and feed one cluster each, and codes
 * count once and never under their own ancestor.
 */
export function checkAnalytics(doc: AnalyticsDoc, path: (string | number)[], ctx: z.RefinementCtx, keys: { sectionKeys: Set<string>; topSectionKeys: Set<string>; metricFrequency: Map<string, string> }) {
  const issue = (message: string, ...more: (string | number)[]) => ctx.addIssue({ code: "custom", path: [...path, ...more], message });
  const areasSeen = new Set<string>();
  doc.region?.areas.forEach((a, i) => {
    if (areasSeen.has(a.code)) issue(`${a.code} is listed twice`, "region", "areas", i, "code");
    areasSeen.add(a.code);
  });
  const sectionsSeen = new Set<string>();
  const metricsSeen = new Set<string>();
  doc.clusters.forEach((c, i) => {
    if (!keys.sectionKeys.has(c.section)) issue(`unknown section "${c.section}"`, "clusters", i, "section");
    else if (!keys.topSectionKeys.has(c.section)) issue(`section "${c.section}" is not a top-level section; only those can be clusters`, "clusters", i, "section");
    else if (sectionsSeen.has(c.section)) issue(`section "${c.section}" is defined twice`, "clusters", i, "section");
    sectionsSeen.add(c.section);
    const frequency = c.metric === null ? null : keys.metricFrequency.get(c.metric);
    if (frequency === undefined) issue(`unknown metric "${c.metric}"`, "clusters", i, "metric");
    else if (frequency !== null && frequency !== "annual") issue(`metric "${c.metric}" is not annual; cluster employment is a yearly figure`, "clusters", i, "metric");
    else if (c.metric !== null && metricsSeen.has(c.metric)) issue(`metric "${c.metric}" already has a cluster feeding it`, "clusters", i, "metric");
    if (c.metric !== null) metricsSeen.add(c.metric);
    const codes = new Set(c.codes.map((x) => x.code));
    const seen = new Set<string>();
    c.codes.forEach((x, j) => {
      if (seen.has(x.code)) issue(`${x.code} is listed twice; a code counts once in a cluster`, "clusters", i, "codes", j, "code");
      seen.add(x.code);
      const ancestor = naicsAncestors(x.code).find((a) => codes.has(a));
      if (ancestor) issue(`${x.code} lies inside ${ancestor}, also listed, which already counts its jobs`, "clusters", i, "codes", j, "code");
    });
  });
}

/** The plan's analytics as a document; null when it has none. */
export function exportAnalytics(db: DbOrTx, plan: Plan, sectionKey: Map<number, string>, metricKey: Map<number, string>): AnalyticsDoc | null {
  const region = plan.analyticsRegionId ? db.select().from(regions).where(eq(regions.id, plan.analyticsRegionId)).get() : undefined;
  const regionArea = region
    ? db
        .select({ code: regionAreas.area, title: areas.title })
        .from(regionAreas)
        .leftJoin(areas, eq(areas.code, regionAreas.area))
        .where(eq(regionAreas.regionId, region.id))
        .orderBy(asc(regionAreas.area))
        .all()
    : [];
  const sectionIds = [...sectionKey.keys()];
  const definitions = sectionIds.length ? db.select().from(clusterDefinitions).where(inArray(clusterDefinitions.sectionId, sectionIds)).all() : [];
  const codesOf = new Map<number, { code: string; component: string }[]>();
  const codeRows = definitions.length
    ? db
        .select()
        .from(clusterCodes)
        .where(
          inArray(
            clusterCodes.sectionId,
            definitions.map((d) => d.sectionId),
          ),
        )
        .orderBy(asc(clusterCodes.position), asc(clusterCodes.id))
        .all()
    : [];
  for (const c of codeRows) {
    const list = codesOf.get(c.sectionId);
    if (list) list.push({ code: c.code, component: c.component });
    else codesOf.set(c.sectionId, [{ code: c.code, component: c.component }]);
  }
  if (!region && plan.referenceArea === null && definitions.length === 0) return null;
  // In the plan's section order, so export -> import -> export is an identity.
  const order = new Map(sectionIds.map((id, i) => [id, i]));
  return {
    region: region ? { key: region.key, name: region.name, areas: regionArea } : null,
    referenceArea: plan.referenceArea,
    clusters: definitions
      .sort((a, b) => order.get(a.sectionId)! - order.get(b.sectionId)!)
      .map((d) => ({
        section: sectionKey.get(d.sectionId)!,
        note: d.note,
        startingPoint: d.isStartingPoint,
        metric: d.metricId === null ? null : (metricKey.get(d.metricId) ?? null),
        codes: codesOf.get(d.sectionId) ?? [],
      })),
  };
}

/**
 * Writes a document's analytics for a plan just imported (the caller's
 * transaction; the document was checked). A region with the same key is
 * reused when it has the same areas; otherwise the plan gets a region of its
 * own under a free key, and a warning says so: a shared region is never
 * changed by an import.
 */
export function importAnalytics(tx: Tx, planId: number, doc: AnalyticsDoc, ids: { sectionIds: Map<string, number>; metricIds: Map<string, number> }, warnings: string[]) {
  let regionId: number | null = null;
  if (doc.region) {
    for (const a of doc.region.areas) if (a.title) tx.insert(areas).values({ code: a.code, title: a.title }).onConflictDoNothing().run();
    const wanted = doc.region.areas.map((a) => a.code).sort();
    let regionKey = doc.region.key;
    for (let n = 2; ; n++) {
      const existing = tx.select({ id: regions.id }).from(regions).where(eq(regions.key, regionKey)).get();
      if (!existing) break;
      const has = tx.select({ area: regionAreas.area }).from(regionAreas).where(eq(regionAreas.regionId, existing.id)).orderBy(asc(regionAreas.area)).all().map((r) => r.area);
      if (has.join() === wanted.join()) {
        regionId = existing.id;
        break;
      }
      regionKey = `${doc.region.key}-${n}`;
    }
    if (regionId === null) {
      if (regionKey !== doc.region.key) warnings.push(`A region "${doc.region.key}" with other areas is already here; the plan's region was added as "${regionKey}".`);
      regionId = tx.insert(regions).values({ key: regionKey, name: doc.region.name }).returning({ id: regions.id }).get().id;
      tx.insert(regionAreas).values(wanted.map((area) => ({ regionId: regionId!, area }))).run();
    }
  }
  tx.update(plans).set({ analyticsRegionId: regionId, referenceArea: doc.referenceArea }).where(eq(plans.id, planId)).run();
  for (const c of doc.clusters) {
    const sectionId = ids.sectionIds.get(c.section)!;
    tx.insert(clusterDefinitions)
      .values({ sectionId, note: c.note, isStartingPoint: c.startingPoint, metricId: c.metric === null ? null : ids.metricIds.get(c.metric)! })
      .run();
    tx.insert(clusterCodes)
      .values(c.codes.map((x, position) => ({ sectionId, code: x.code, component: x.component, position })))
      .run();
  }
}
