import type { EmploymentIndex } from "./employment-index";
import { computeFigure, type EmploymentFigure, type FigureOptions } from "./figure";
import { allIndustryTotal } from "./location-quotient";
import { dedupeCodes } from "./naics";

// Shift-share: the region's change in an industry's jobs over [y0, y1],
// split against a reference area (the nation, the state) into
//   national (reference) share  e_i0 × (R1/R0 − 1)             the whole economy's growth
//   industry mix                e_i0 × (R_i1/R_i0 − R1/R0)      the industry growing faster or slower than that
//   regional (competitive)      e_i0 × (e_i1/e_i0 − R_i1/R_i0)  the region beating or trailing its industry
// with e the region's employment in the industry, R_i the reference's, and R
// the reference's all-industry, all-ownership total. The three add up to
// e_i1 − e_i0. The regional shift is computed as e_i1 − e_i0 × R_i1/R_i0,
// which is the same number and stays defined when e_i0 = 0 (a new industry:
// all of its jobs are regional shift).
//
// Where R_i0 is 0 or reference data are missing the industry cannot be split;
// it is reported as not decomposable with the reason, never as NaN. A code
// with suppressed cells is not decomposable either unless estimates were
// asked for: splitting the disclosed part would mostly measure what BLS
// happened to suppress in each year.

export interface ShiftShareInput {
  /** The region's industry employment at y0 and y1. */
  e0: number;
  e1: number;
  /** The reference area's industry employment at y0 and y1. */
  ri0: number;
  ri1: number;
  /** The reference area's all-industry totals at y0 and y1. */
  r0: number;
  r1: number;
}

export interface ShiftShareParts {
  national: number;
  industryMix: number;
  regional: number;
  /** e1 − e0 = national + industryMix + regional. */
  change: number;
}

/** null when the reference's industry or total is 0 at y0 (no growth rate to apply). */
export function shiftShare({ e0, e1, ri0, ri1, r0, r1 }: ShiftShareInput): ShiftShareParts | null {
  if (ri0 <= 0 || r0 <= 0) return null;
  const total = r1 / r0;
  const industry = ri1 / ri0;
  return { national: e0 * (total - 1), industryMix: e0 * (industry - total), regional: e1 - e0 * industry, change: e1 - e0 };
}

export type NotDecomposableReason = "no-reference-total" | "no-reference-data" | "no-region-data" | "reference-zero" | "suppressed";

export type CodeShiftShare =
  | { code: string; decomposable: true; parts: ShiftShareParts; estimated: boolean; input: ShiftShareInput }
  | { code: string; decomposable: false; reason: NotDecomposableReason };

export interface ShiftShareQuery extends FigureOptions {
  areas: readonly string[];
  reference: readonly string[];
  codes: readonly string[];
  fromYear: number;
  toYear: number;
}

export interface ClusterShiftShare {
  fromYear: number;
  toYear: number;
  byCode: CodeShiftShare[];
  /** The sum over decomposable codes only. */
  decomposed: ShiftShareParts;
  notDecomposable: string[];
  estimated: boolean;
  /** The whole cluster at each end, as figures (with their coverage), for the change the split does not cover. */
  from: EmploymentFigure;
  to: EmploymentFigure;
}

/** `ends`: the region's figures for all the codes at fromYear and toYear, when the caller has them already (a cluster's region figures); summed here otherwise. */
export function computeShiftShare(index: EmploymentIndex, query: ShiftShareQuery, ends?: { from: EmploymentFigure; to: EmploymentFigure }): ClusterShiftShare {
  const codes = dedupeCodes(query.codes).codes;
  const r0 = allIndustryTotal(index, query.reference, query.fromYear);
  const r1 = allIndustryTotal(index, query.reference, query.toYear);
  const byCode = codes.map((code) => codeShiftShare(index, query, code, r0, r1));
  const decomposed: ShiftShareParts = { national: 0, industryMix: 0, regional: 0, change: 0 };
  let estimated = false;
  for (const c of byCode) {
    if (!c.decomposable) continue;
    decomposed.national += c.parts.national;
    decomposed.industryMix += c.parts.industryMix;
    decomposed.regional += c.parts.regional;
    decomposed.change += c.parts.change;
    estimated ||= c.estimated;
  }
  return {
    fromYear: query.fromYear,
    toYear: query.toYear,
    byCode,
    decomposed,
    notDecomposable: byCode.filter((c) => !c.decomposable).map((c) => c.code),
    estimated,
    from: ends?.from ?? computeFigure(index, query.areas, codes, query.fromYear, query),
    to: ends?.to ?? computeFigure(index, query.areas, codes, query.toYear, query),
  };
}

function codeShiftShare(index: EmploymentIndex, query: ShiftShareQuery, code: string, r0: number | null, r1: number | null): CodeShiftShare {
  if (r0 === null || r1 === null) return { code, decomposable: false, reason: "no-reference-total" };
  const region = (year: number) => computeFigure(index, query.areas, [code], year, query);
  const reference = (year: number) => computeFigure(index, query.reference, [code], year, query);
  const [e0, e1, ri0, ri1] = [region(query.fromYear), region(query.toYear), reference(query.fromYear), reference(query.toYear)];
  if (e0.missingAreas.length > 0 || e1.missingAreas.length > 0) return { code, decomposable: false, reason: "no-region-data" };
  if (ri0.missingAreas.length > 0 || ri1.missingAreas.length > 0) return { code, decomposable: false, reason: "no-reference-data" };
  if ([e0, e1, ri0, ri1].some((f) => f.partial)) return { code, decomposable: false, reason: "suppressed" };
  const input = { e0: e0.employment, e1: e1.employment, ri0: ri0.employment, ri1: ri1.employment, r0, r1 };
  const parts = shiftShare(input);
  if (!parts) return { code, decomposable: false, reason: "reference-zero" };
  return { code, decomposable: true, parts, input, estimated: [e0, e1, ri0, ri1].some((f) => f.estimated) };
}
