import type { EmploymentIndex } from "./employment-index";
import { computeFigure, type EmploymentFigure, type FigureOptions } from "./figure";
import { ALL_INDUSTRIES, OWNERSHIP } from "./types";

// Location quotient, BLS's way: the industry's share of the area's jobs over
// its share of the reference area's jobs,
//   LQ = (area industry / area total) / (reference industry / reference total),
// where both totals are the all-industry ("10"), all-ownership (0) rows, even
// when the industry rows are private only. That is how BLS computes the LQs
// it publishes, so ours can be checked against theirs. A cluster's LQ uses the
// cluster's employment as the industry.

export interface LocationQuotientInput {
  areaIndustry: number;
  areaTotal: number;
  referenceIndustry: number;
  referenceTotal: number;
}

/** null when a share cannot be formed (a zero total, or no reference industry employment). */
export function locationQuotient({ areaIndustry, areaTotal, referenceIndustry, referenceTotal }: LocationQuotientInput): number | null {
  if (areaTotal <= 0 || referenceTotal <= 0 || referenceIndustry <= 0) return null;
  return areaIndustry / areaTotal / (referenceIndustry / referenceTotal);
}

export interface LocationQuotientQuery extends FigureOptions {
  /** The area or region (its counties' sum). */
  areas: readonly string[];
  /** The reference area(s): the nation "US000", the state "06000"... */
  reference: readonly string[];
  codes: readonly string[];
  year: number;
}

export interface LocationQuotientFigure {
  /** null when a total is missing or suppressed, or the reference has none of the industry. */
  lq: number | null;
  area: EmploymentFigure;
  reference: EmploymentFigure;
  /** The all-industry, all-ownership totals; null when not loaded for every area. */
  areaTotal: number | null;
  referenceTotal: number | null;
  /** The lower coverage of the area and reference figures. */
  coverage: number;
  partial: boolean;
  estimated: boolean;
  complete: boolean;
}

/** `area`: the areas' figure for the query's codes, year and options, when the caller has it already (a cluster's region figure); summed here otherwise. */
export function computeLocationQuotient(
  index: EmploymentIndex,
  query: LocationQuotientQuery,
  area: EmploymentFigure = computeFigure(index, query.areas, query.codes, query.year, query),
): LocationQuotientFigure {
  const reference = computeFigure(index, query.reference, query.codes, query.year, query);
  const areaTotal = allIndustryTotal(index, query.areas, query.year);
  const referenceTotal = allIndustryTotal(index, query.reference, query.year);
  const lq =
    areaTotal === null || referenceTotal === null
      ? null
      : locationQuotient({ areaIndustry: area.employment, areaTotal, referenceIndustry: reference.employment, referenceTotal });
  return {
    lq,
    area,
    reference,
    areaTotal,
    referenceTotal,
    coverage: Math.min(area.coverage, reference.coverage),
    partial: area.partial || reference.partial,
    estimated: area.estimated || reference.estimated,
    complete: area.complete && reference.complete,
  };
}

/** The areas' summed all-industry, all-ownership employment; null if any area's total is missing or suppressed. */
export function allIndustryTotal(index: EmploymentIndex, areas: readonly string[], year: number): number | null {
  let total = 0;
  for (const area of areas) {
    const cell = index.get(area, OWNERSHIP.total, ALL_INDUSTRIES, year);
    if (!cell || cell.employment === null) return null;
    total += cell.employment;
  }
  return total;
}
