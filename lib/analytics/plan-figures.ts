import { getDb } from "@/db";
import { computeClusterFigures, type ClusterFigures } from "./cluster-figures";
import { computeClusterShares, type ClusterShare } from "./cluster-share";
import { EmploymentIndex } from "./employment-index";
import { computeLocationQuotient, type LocationQuotientFigure } from "./location-quotient";
import { loadAnnualCells, yearsWithData } from "./load";
import { isNaicsCode, normalizeNaicsCode } from "./naics";
import { analyticsSetup, figureCluster, type AnalyticsSetup } from "./setup";
import { computeShiftShare, type ClusterShiftShare } from "./shift-share";
import { estimateIndustries } from "./suppression";
import { ALL_INDUSTRIES } from "./types";

// Every figure of a plan's analytics pages, computed once from the stored
// cells and kept until an import, a definition or the plan's region changes
// (the cache key is the setup itself plus the last import). The pages, the
// downloads and the metric feed all read from here, so they agree.

export interface PlanFigures {
  setup: AnalyticsSetup;
  estimate: boolean;
  /** Years with any data for the region, ascending. */
  years: number[];
  /** Years where every area of the region has a full year (12 months, or an annual file). */
  completeYears: number[];
  clusters: ClusterFigures[];
  /** cluster key -> LQ per year (same order as years); empty without a reference area. */
  lq: Record<string, (LocationQuotientFigure | null)[]>;
  /** cluster key -> shift-share over the first to the last complete year; null without two complete years or a reference. */
  shiftShare: Record<string, ClusterShiftShare | null>;
  /** The clusters' share of the region's employment, per year. */
  share: ClusterShare[];
  /** Whether the reference area has any data. */
  referenceHasData: boolean;
}

interface Cached {
  key: string;
  figures: PlanFigures;
}

const cache = ((globalThis as { analyticsFigures?: Map<string, Cached> }).analyticsFigures ??= new Map());

function lastImport(): number {
  return (getDb().$client.prepare("select coalesce(max(id), 0) from employment_imports where status = 'done'").pluck().get() as number) ?? 0;
}

// The clusters' codes and the all-industry row; with estimates, also every
// industry the estimates climb to or split among.
function industriesFor(setup: AnalyticsSetup, estimate: boolean): string[] {
  const codes = new Set<string>();
  for (const c of setup.clusters) for (const { code } of c.codes) if (isNaicsCode(code)) codes.add(normalizeNaicsCode(code));
  return estimate ? estimateIndustries(codes) : [ALL_INDUSTRIES, ...codes];
}

/** Computes a plan's figures afresh (planFigures caches them); the benchmark times this. */
export function computePlanFigures(setup: AnalyticsSetup, estimate: boolean): PlanFigures {
  const areas = setup.areas.map((a) => a.code);
  const reference = setup.reference ? [setup.reference.code] : [];
  const years = yearsWithData(areas);
  const empty: PlanFigures = { setup, estimate, years, completeYears: [], clusters: [], lq: {}, shiftShare: {}, share: [], referenceHasData: false };
  if (years.length === 0) return empty;
  const cells = loadAnnualCells({ areas: [...areas, ...reference], fromYear: years[0]!, toYear: years.at(-1)!, industries: industriesFor(setup, estimate) });
  const index = new EmploymentIndex(cells);
  const clusters = setup.clusters.map(figureCluster);
  const options = { estimate };
  const figures = computeClusterFigures(index, clusters, { areas, years, ...options });
  const completeYears = years.filter((y) => areas.every((a) => index.get(a, 0, ALL_INDUSTRIES, y)?.complete));
  const referenceHasData = reference.length > 0 && years.some((y) => index.hasAreaYear(reference[0]!, y));
  const lq: PlanFigures["lq"] = {};
  const shiftShare: PlanFigures["shiftShare"] = {};
  const span = completeYears.length >= 2 ? { fromYear: completeYears[0]!, toYear: completeYears.at(-1)! } : null;
  // The region's figure of each cluster and year is summed once, above, and
  // taken from there by the location quotients, the shift-share and the share.
  for (const f of figures) {
    lq[f.key] = referenceHasData ? f.years.map((y) => computeLocationQuotient(index, { areas, reference, codes: f.codes, year: y.year, ...options }, y.region)) : [];
    const region = (year: number) => f.years.find((y) => y.year === year)!.region;
    shiftShare[f.key] = referenceHasData && span ? computeShiftShare(index, { areas, reference, codes: f.codes, ...span, ...options }, { from: region(span.fromYear), to: region(span.toYear) }) : null;
  }
  const share = computeClusterShares(index, clusters, { areas, years, ...options }, figures);
  return { setup, estimate, years, completeYears, clusters: figures, lq, shiftShare, share, referenceHasData };
}

/** The plan's figures; `estimate` fills suppressed cells (clearly labelled wherever shown). */
export function planFigures(planId: number, estimate = false): PlanFigures {
  const setup = analyticsSetup(getDb(), planId);
  const key = JSON.stringify([setup, lastImport()]);
  const id = `${planId}:${estimate}`;
  const hit = cache.get(id);
  if (hit && hit.key === key) return hit.figures;
  const figures = computePlanFigures(setup, estimate);
  cache.set(id, { key, figures });
  return figures;
}
