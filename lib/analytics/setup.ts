import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { areas, clusterCodes, clusterDefinitions, plans, regionAreas, regions, sections } from "@/db/schema";
import type { ClusterDefinition as FigureCluster } from "./cluster-figures";

// What a plan's analytics are computed over: its region's areas, its
// reference area, and its clusters (top-level sections with a definition),
// each with its codes by value-chain component and the metric it feeds.

export interface PlanCluster {
  sectionId: number;
  key: string;
  title: string;
  note: string | null;
  isStartingPoint: boolean;
  metricId: number | null;
  version: number;
  updatedAt: string;
  /** Codes in the order listed, each with its component ('' for the cluster as a whole). */
  codes: { code: string; component: string }[];
}

export interface AnalyticsSetup {
  planId: number;
  region: { id: number; key: string; name: string; version: number } | null;
  /** The region's areas with their titles (the code when no file has named it yet). */
  areas: { code: string; title: string }[];
  reference: { code: string; title: string } | null;
  clusters: PlanCluster[];
}

const titlesOf = (db: DbOrTx, codes: string[]) => new Map(codes.length ? db.select().from(areas).where(inArray(areas.code, codes)).all().map((a) => [a.code, a.title]) : []);

export function analyticsSetup(db: DbOrTx, planId: number): AnalyticsSetup {
  const plan = db.select({ regionId: plans.analyticsRegionId, reference: plans.referenceArea }).from(plans).where(eq(plans.id, planId)).get();
  const region = plan?.regionId ? (db.select({ id: regions.id, key: regions.key, name: regions.name, version: regions.version }).from(regions).where(eq(regions.id, plan.regionId)).get() ?? null) : null;
  const areaCodes = region ? db.select({ area: regionAreas.area }).from(regionAreas).where(eq(regionAreas.regionId, region.id)).orderBy(asc(regionAreas.area)).all().map((r) => r.area) : [];
  const titles = titlesOf(db, [...areaCodes, ...(plan?.reference ? [plan.reference] : [])]);
  const defs = db
    .select({ def: clusterDefinitions, key: sections.key, title: sections.title })
    .from(clusterDefinitions)
    .innerJoin(sections, eq(sections.id, clusterDefinitions.sectionId))
    .where(and(eq(sections.planId, planId), isNull(sections.retiredAt)))
    .orderBy(asc(sections.position), asc(sections.id))
    .all();
  const codes = defs.length
    ? db.select().from(clusterCodes).where(inArray(clusterCodes.sectionId, defs.map((d) => d.def.sectionId))).orderBy(asc(clusterCodes.position), asc(clusterCodes.id)).all()
    : [];
  return {
    planId,
    region,
    areas: areaCodes.map((code) => ({ code, title: titles.get(code) ?? code })),
    reference: plan?.reference ? { code: plan.reference, title: titles.get(plan.reference) ?? plan.reference } : null,
    clusters: defs.map(({ def, key, title }) => ({
      sectionId: def.sectionId,
      key,
      title,
      note: def.note,
      isStartingPoint: def.isStartingPoint,
      metricId: def.metricId,
      version: def.version,
      updatedAt: def.updatedAt,
      codes: codes.filter((c) => c.sectionId === def.sectionId).map((c) => ({ code: c.code, component: c.component })),
    })),
  };
}

/** A plan cluster as the computations take it: all its codes, and its named components. */
export function figureCluster(c: PlanCluster): FigureCluster {
  const components = [...new Set(c.codes.map((x) => x.component).filter(Boolean))].map((name) => ({ name, codes: c.codes.filter((x) => x.component === name).map((x) => x.code) }));
  return { key: c.key, name: c.title, codes: c.codes.map((x) => x.code), components };
}
