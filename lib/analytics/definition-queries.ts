import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { areas, industries, metrics, plans, regionAreas, regions, sections } from "@/db/schema";
import { definitionFormValues } from "./definition-schema";
import { clusterOverlaps, type ClusterOverlap } from "./definitions";
import { analyticsSetup, type PlanCluster } from "./setup";

// Reads for the analytics settings and definition pages.

/** Area codes with their titles from the imported files (the code itself where none has named it yet). */
export function areasWithTitles(db: DbOrTx, codes: string[]): { code: string; title: string }[] {
  const titles = new Map(codes.length ? db.select().from(areas).where(inArray(areas.code, codes)).all().map((a) => [a.code, a.title]) : []);
  return codes.map((code) => ({ code, title: titles.get(code) ?? code }));
}

export function industryTitleMap(codes: string[]): Map<string, string> {
  return new Map(codes.length ? getDb().select().from(industries).where(inArray(industries.code, codes)).all().map((i) => [i.code, i.title]) : []);
}

export interface SectionDefinitionRow {
  id: number;
  key: string;
  title: string;
  cluster: PlanCluster | null;
  overlaps: ClusterOverlap[];
}

/** The plan's live top-level sections, each with its definition (if any) and the clusters it overlaps. */
export function definitionOverview(planId: number) {
  const db = getDb();
  const setup = analyticsSetup(db, planId);
  const overlaps = clusterOverlaps(setup);
  const top = db
    .select({ id: sections.id, key: sections.key, title: sections.title })
    .from(sections)
    .where(and(eq(sections.planId, planId), isNull(sections.parentId), isNull(sections.retiredAt)))
    .orderBy(asc(sections.position), asc(sections.id))
    .all();
  const rows: SectionDefinitionRow[] = top.map((s) => {
    const cluster = setup.clusters.find((c) => c.sectionId === s.id) ?? null;
    return { ...s, cluster, overlaps: cluster ? (overlaps[cluster.key] ?? []) : [] };
  });
  return { setup, rows };
}

/** Every region, with its number of areas and the plans that use it. */
export function regionChoices() {
  const db = getDb();
  const counts = new Map(
    db
      .select({ regionId: regionAreas.regionId, n: sql<number>`count(*)` })
      .from(regionAreas)
      .groupBy(regionAreas.regionId)
      .all()
      .map((r) => [r.regionId, r.n]),
  );
  const users = db.select({ regionId: plans.analyticsRegionId, title: plans.title }).from(plans).all();
  return db
    .select()
    .from(regions)
    .orderBy(asc(regions.name))
    .all()
    .map((r) => ({ ...r, areaCount: counts.get(r.id) ?? 0, plans: users.filter((p) => p.regionId === r.id).map((p) => p.title) }));
}

/** A top-level section by key, with its definition, for the definition form; null when there is no such section. */
export function clusterDefinitionForEditing(planId: number, key: string) {
  const db = getDb();
  const section = db
    .select()
    .from(sections)
    .where(and(eq(sections.planId, planId), eq(sections.key, key), isNull(sections.parentId), isNull(sections.retiredAt)))
    .get();
  if (!section) return null;
  const setup = analyticsSetup(db, planId);
  const cluster = setup.clusters.find((c) => c.sectionId === section.id) ?? null;
  const titles = industryTitleMap(cluster?.codes.map((c) => c.code) ?? []);
  const metricOptions = db
    .select({ id: metrics.id, name: metrics.name, retiredAt: metrics.retiredAt })
    .from(metrics)
    .where(and(eq(metrics.planId, planId), eq(metrics.frequency, "annual")))
    .orderBy(asc(metrics.position), asc(metrics.name))
    .all()
    .filter((m) => !m.retiredAt || m.id === cluster?.metricId)
    .map((m) => ({ value: String(m.id), label: `${m.name}${m.retiredAt ? " (retired)" : ""}` }));
  return {
    section,
    cluster,
    values: definitionFormValues(cluster, titles),
    metricOptions,
    overlaps: cluster ? (clusterOverlaps(setup)[cluster.key] ?? []) : [],
  };
}
