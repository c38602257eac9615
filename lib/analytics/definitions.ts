import { and, asc, eq, inArray, ne } from "drizzle-orm";
import { getDb, type Tx } from "@/db";
import { areas, clusterCodes, clusterDefinitions, industries, metrics, plans, regionAreas, regions, sections } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { diffFields } from "@/lib/editing/changes";
import { assertWritten, refuseIfStale } from "@/lib/editing/conflict";
import { slugify, uniqueSlug } from "@/lib/editing/slug";
import { AppError, type FieldErrors } from "@/lib/errors";
import { parseAreaList, type ListedCode } from "./code-list";
import {
  auditCode,
  DEFINITION_LABELS,
  definitionFormValues,
  PLAN_REGION_LABELS,
  planRegionFormValues,
  REGION_LABELS,
  regionFormValues,
  removeClusterDefinitionSchema,
  saveClusterDefinitionSchema,
  savePlanRegionSchema,
  saveRegionSchema,
} from "./definition-schema";
import { readDefinitionCodes } from "./definition-codes";
import { findOverlaps } from "./naics";
import { analyticsSetup, type AnalyticsSetup, type PlanCluster } from "./setup";

// Cluster definitions and the plan's region (issue #7), edited by staff in the
// browser. A definition's codes are replaced as a whole on each save; a code
// another cluster also counts is allowed and reported back as a warning.

const now = () => new Date().toISOString();
const invalid = (fieldErrors: FieldErrors) => new AppError("INVALID_INPUT", "Please correct the highlighted fields.", fieldErrors);

export interface ClusterOverlap {
  key: string;
  title: string;
  /** The industries both count: the narrower code of each overlapping pair. */
  shared: string[];
}

/** For each cluster (by key), the other clusters whose codes count some of the same industries. Allowed, but flagged. */
export function clusterOverlaps(setup: AnalyticsSetup): Record<string, ClusterOverlap[]> {
  const out: Record<string, ClusterOverlap[]> = {};
  const codesOf = (c: PlanCluster) => c.codes.map((x) => x.code);
  for (const c of setup.clusters) {
    out[c.key] = setup.clusters
      .filter((o) => o.key !== c.key)
      .map((o) => ({ key: o.key, title: o.title, shared: [...new Set(findOverlaps(codesOf(c), codesOf(o)).map((x) => x.shared))] }))
      .filter((o) => o.shared.length > 0);
  }
  return out;
}

/** "shares 54171 with Energy; 3331 with Agriculture" */
export const describeOverlaps = (list: ClusterOverlap[]) => list.map((o) => `${o.shared.join(", ")} with ${o.title}`).join("; ");

function loadTopSection(tx: Tx, sectionId: number) {
  const section = tx.select().from(sections).where(eq(sections.id, sectionId)).get();
  if (!section) throw new AppError("NOT_FOUND", "No such section.");
  if (section.parentId !== null) throw new AppError("INVALID_INPUT", "Only a top-level section of the plan can be a cluster.");
  if (section.retiredAt) throw new AppError("CONFLICT", "This section is retired; bring it back before defining it as a cluster.");
  return section;
}

const clusterOf = (tx: Tx, planId: number, sectionId: number) => analyticsSetup(tx, planId).clusters.find((c) => c.sectionId === sectionId) ?? null;

const areaTitles = (tx: Tx, codes: string[]) => {
  const titles = new Map(codes.length ? tx.select().from(areas).where(inArray(areas.code, codes)).all().map((a) => [a.code, a.title]) : []);
  return codes.map((code) => ({ code, title: titles.get(code) ?? code }));
};

const titlesOf = (tx: Tx, codes: string[]) => new Map(codes.length ? tx.select().from(industries).where(inArray(industries.code, codes)).all().map((i) => [i.code, i.title]) : []);

// The fields the audit log and a conflict note compare.
const auditView = (c: Pick<PlanCluster, "note" | "metricId" | "codes" | "isStartingPoint">) => ({ note: c.note, metricId: c.metricId, isStartingPoint: c.isStartingPoint, codes: c.codes.map(auditCode) });

// An annual metric of the plan that no other cluster feeds: two clusters
// writing one metric would overwrite each other's figures after each import.
function checkMetric(tx: Tx, planId: number, sectionId: number, metricId: number | null, current: number | null) {
  if (metricId === null) return;
  const problem = (message: string) => invalid({ metricId: [message] });
  const metric = tx.select().from(metrics).where(eq(metrics.id, metricId)).get();
  if (!metric || metric.planId !== planId) throw problem("Choose one of this plan's metrics.");
  if (metric.frequency !== "annual") throw problem("Choose an annual metric: the cluster's employment is a yearly figure.");
  if (metric.retiredAt && metricId !== current) throw problem("That metric is retired; choose a live one.");
  const other = tx
    .select({ title: sections.title })
    .from(clusterDefinitions)
    .innerJoin(sections, eq(sections.id, clusterDefinitions.sectionId))
    .where(and(eq(clusterDefinitions.metricId, metricId), ne(clusterDefinitions.sectionId, sectionId)))
    .get();
  if (other) throw problem(`${other.title} already feeds “${metric.name}”; choose another metric or none.`);
}

export interface SaveDefinitionResult {
  created: boolean;
  changed: boolean;
  /** Allowed but worth saying: codes saved in BLS's form, and overlaps with other clusters. */
  warnings: string[];
}

/** Defines a top-level section as a cluster, or replaces its definition: note, metric and codes by component. */
export function saveClusterDefinition(actor: Actor, input: unknown): SaveDefinitionResult {
  authorize(actor, "analytics.manage");
  const data = saveClusterDefinitionSchema.parse(input);
  return getDb().transaction((tx) => {
    const section = loadTopSection(tx, data.sectionId);
    const stored = clusterOf(tx, section.planId, section.id);
    const labels = DEFINITION_LABELS;
    if (stored) {
      const current = definitionFormValues(stored, titlesOf(tx, stored.codes.map((c) => c.code)));
      refuseIfStale(tx, { entityType: "cluster_definition", entityId: section.id, noun: "cluster definition", stored: stored.version, expected: data.version, current, labels });
    } else if (data.version > 0) {
      throw new AppError("CONFLICT", "This cluster definition was removed by someone else after you opened it. Reload the page to define the section again.");
    }
    const read = readDefinitionCodes(data);
    if (read.errors) throw invalid(read.errors);
    checkMetric(tx, section.planId, section.id, data.metricId, stored?.metricId ?? null);

    const wanted = { note: data.note, metricId: data.metricId, isStartingPoint: false, codes: read.codes.map(auditCode) };
    let created = false;
    let changed = true;
    if (!stored) {
      tx.insert(clusterDefinitions).values({ sectionId: section.id, note: data.note, metricId: data.metricId, isStartingPoint: false, updatedBy: actor.kind === "user" ? actor.userId : null, updatedAt: now() }).run();
      recordAudit(tx, actor, { action: "cluster_definition.create", entityType: "cluster_definition", entityId: section.id, after: { section: section.title, ...wanted } });
      created = true;
    } else {
      const diff = diffFields(auditView(stored), wanted);
      if (!diff) changed = false;
      else {
        const result = tx
          .update(clusterDefinitions)
          .set({ note: data.note, metricId: data.metricId, isStartingPoint: false, version: stored.version + 1, updatedBy: actor.kind === "user" ? actor.userId : null, updatedAt: now() })
          .where(and(eq(clusterDefinitions.sectionId, section.id), eq(clusterDefinitions.version, data.version)))
          .run();
        assertWritten(result, "cluster definition");
        recordAudit(tx, actor, { action: "cluster_definition.update", entityType: "cluster_definition", entityId: section.id, ...diff });
      }
    }
    if (changed) {
      tx.delete(clusterCodes).where(eq(clusterCodes.sectionId, section.id)).run();
      tx.insert(clusterCodes)
        .values(read.codes.map((c, position) => ({ sectionId: section.id, component: c.component, code: c.code, position })))
        .run();
    }
    const mine = analyticsSetup(tx, section.planId);
    const overlaps = clusterOverlaps(mine)[section.key] ?? [];
    const warnings = [...read.notes, ...(overlaps.length ? [`Shares ${describeOverlaps(overlaps)}. That is allowed: the overview counts a shared industry once in the clusters' total share.`] : [])];
    return { created, changed, warnings };
  });
}

/** Stops a section being a cluster: its definition and codes go; the section, its metric and their history stay. */
export function removeClusterDefinition(actor: Actor, input: unknown) {
  authorize(actor, "analytics.manage");
  const data = removeClusterDefinitionSchema.parse(input);
  return getDb().transaction((tx) => {
    const section = tx.select().from(sections).where(eq(sections.id, data.sectionId)).get();
    if (!section) throw new AppError("NOT_FOUND", "No such section.");
    const stored = clusterOf(tx, section.planId, section.id);
    if (!stored) throw new AppError("NOT_FOUND", "This section is not defined as a cluster.");
    const current = definitionFormValues(stored, titlesOf(tx, stored.codes.map((c) => c.code)));
    refuseIfStale(tx, { entityType: "cluster_definition", entityId: section.id, noun: "cluster definition", stored: stored.version, expected: data.version, current, labels: DEFINITION_LABELS });
    const result = tx
      .delete(clusterDefinitions)
      .where(and(eq(clusterDefinitions.sectionId, section.id), eq(clusterDefinitions.version, data.version)))
      .run();
    assertWritten(result, "cluster definition");
    recordAudit(tx, actor, { action: "cluster_definition.remove", entityType: "cluster_definition", entityId: section.id, before: { section: section.title, ...auditView(stored) } });
    return { planId: section.planId };
  });
}

// A region's areas as listed: each once, in order; errors name the line.
function readAreas(text: string, field: string): string[] {
  const parsed = parseAreaList(text);
  const errors = [...parsed.errors];
  const seen = new Map<string, ListedCode>();
  for (const item of parsed.items) {
    const first = seen.get(item.code);
    if (first) errors.push(`Line ${item.line}: ${item.code} is already listed on line ${first.line}.`);
    else seen.set(item.code, item);
  }
  if (!errors.length && seen.size === 0) errors.push("List at least one area.");
  if (seen.size > 500) errors.push("List at most 500 areas.");
  if (errors.length) throw invalid({ [field]: errors });
  return [...seen.keys()];
}

const areasOf = (tx: Tx, regionId: number) =>
  tx
    .select({ area: regionAreas.area })
    .from(regionAreas)
    .where(eq(regionAreas.regionId, regionId))
    .orderBy(asc(regionAreas.area))
    .all()
    .map((r) => r.area);

/** The plan's region (an existing one, or a new one named and listed here) and its reference area. */
export function savePlanRegion(actor: Actor, input: unknown) {
  authorize(actor, "analytics.manage");
  const data = savePlanRegionSchema.parse(input);
  return getDb().transaction((tx) => {
    const plan = tx.select().from(plans).where(eq(plans.id, data.planId)).get();
    if (!plan) throw new AppError("NOT_FOUND", "No such plan.");
    refuseIfStale(tx, { entityType: "plan", entityId: plan.id, noun: "plan", stored: plan.version, expected: data.version, current: planRegionFormValues(plan.analyticsRegionId, plan.referenceArea), labels: PLAN_REGION_LABELS });
    let regionId = data.regionId;
    if (regionId === null) {
      const areas = readAreas(data.regionAreas, "regionAreas");
      const name = data.regionName!;
      const key = uniqueSlug(slugify(name), (k) => Boolean(tx.select({ id: regions.id }).from(regions).where(eq(regions.key, k)).get()));
      regionId = tx.insert(regions).values({ key, name }).returning({ id: regions.id }).get().id;
      tx.insert(regionAreas)
        .values(areas.map((area) => ({ regionId: regionId!, area })))
        .run();
      recordAudit(tx, actor, { action: "region.create", entityType: "region", entityId: regionId, after: { key, name, areas: [...areas].sort() } });
    } else if (!tx.select({ id: regions.id }).from(regions).where(eq(regions.id, regionId)).get()) {
      throw invalid({ regionId: ["Choose one of the listed regions, or a new one."] });
    }
    // The audit names the region as people know it; ids alone would read as "#3".
    const nameOf = (id: number | null) => (id ? (tx.select({ name: regions.name }).from(regions).where(eq(regions.id, id)).get()?.name ?? null) : null);
    const diff = diffFields({ regionId: plan.analyticsRegionId, region: nameOf(plan.analyticsRegionId), referenceArea: plan.referenceArea }, { regionId, region: nameOf(regionId), referenceArea: data.referenceArea });
    if (!diff) return { changed: false, regionId };
    const result = tx
      .update(plans)
      .set({ analyticsRegionId: regionId, referenceArea: data.referenceArea, version: plan.version + 1, updatedAt: now() })
      .where(and(eq(plans.id, plan.id), eq(plans.version, data.version)))
      .run();
    assertWritten(result, "plan");
    recordAudit(tx, actor, { action: "plan.update", entityType: "plan", entityId: plan.id, ...diff });
    return { changed: true, regionId };
  });
}

/** A region's name and areas. Regions are shared: every plan using this one sees the change. */
export function saveRegion(actor: Actor, input: unknown) {
  authorize(actor, "analytics.manage");
  const data = saveRegionSchema.parse(input);
  return getDb().transaction((tx) => {
    const region = tx.select().from(regions).where(eq(regions.id, data.regionId)).get();
    if (!region) throw new AppError("NOT_FOUND", "No such region.");
    const before = { name: region.name, areas: areasOf(tx, region.id) };
    refuseIfStale(tx, { entityType: "region", entityId: region.id, noun: "region", stored: region.version, expected: data.version, current: regionFormValues(region, areaTitles(tx, before.areas)), labels: REGION_LABELS });
    // Region areas have no order: sorted, so a reordered list is no change.
    const after = { name: data.name, areas: readAreas(data.areas, "areas").sort() };
    const diff = diffFields(before, after);
    if (!diff) return { changed: false };
    const result = tx
      .update(regions)
      .set({ name: data.name, version: region.version + 1 })
      .where(and(eq(regions.id, region.id), eq(regions.version, data.version)))
      .run();
    assertWritten(result, "region");
    tx.delete(regionAreas).where(eq(regionAreas.regionId, region.id)).run();
    tx.insert(regionAreas)
      .values(after.areas.map((area) => ({ regionId: region.id, area })))
      .run();
    recordAudit(tx, actor, { action: "region.update", entityType: "region", entityId: region.id, ...diff });
    return { changed: true };
  });
}
