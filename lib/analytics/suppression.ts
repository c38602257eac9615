import type { AnnualCell } from "./annual";
import type { EmploymentIndex } from "./employment-index";
import { naicsAncestors, naicsChildCandidates, naicsSectorCodes } from "./naics";
import { ALL_INDUSTRIES } from "./types";

// An optional estimate for a suppressed cell, always labelled as such.
//
// BLS suppresses a cell to protect an employer, but the parent one level up
// (same area, ownership and year) still includes its jobs. So the parent less
// its disclosed children is what the suppressed children hold together; that
// remainder is split over them in proportion to their establishments, which
// BLS publishes even for suppressed cells. A suppressed parent is estimated
// the same way from its own parent first, up to the ownership's all-industry
// row. The remainder is never allowed below zero (children and parent can
// disagree slightly when BLS reclassifies an employer between quarters).
// With no parent to read (not loaded) there is no estimate: null. Estimates
// work on the year's figures (a cell suppressed in any quarter is suppressed
// for the year), not quarter by quarter.

/**
 * The industries the estimates of `codes` (NAICS, normalised) can read: each
 * code, every code above it up to the all-industry row, and every code that
 * could sit one level below one of those (a parent's remainder is split among
 * all its children). Reading these rather than every industry gives the same
 * estimates.
 */
export function estimateIndustries(codes: Iterable<string>): string[] {
  const out = new Set<string>([ALL_INDUSTRIES, ...naicsSectorCodes()]);
  for (const code of codes) {
    out.add(code);
    for (const above of naicsAncestors(code)) {
      out.add(above);
      for (const child of naicsChildCandidates(above)) out.add(child);
    }
  }
  return [...out];
}

export interface CellEstimate {
  employment: number;
  wages: number;
}

// What a parent leaves to its suppressed children, once per parent (not once
// per child: a parent can have dozens of suppressed children).
interface Remainder {
  employment: number;
  wages: number;
  suppressedEstablishments: number;
  suppressedCount: number;
}

// Only the remainders are kept: a child's estimate is one multiplication away,
// cheaper to redo than to look up.
interface Memo {
  remainders: Map<AnnualCell, Remainder | null>;
}

const memos = new WeakMap<EmploymentIndex, Memo>();

export type Estimator = (cell: AnnualCell) => CellEstimate | null;

/** The estimate function of one index, memoised for the index's life. Fetch it once per loop: the WeakMap look-up per cell cost as much as the figures themselves. */
export function estimatorFor(index: EmploymentIndex): Estimator {
  let memo = memos.get(index);
  if (!memo) memos.set(index, (memo = { remainders: new Map() }));
  const m = memo;
  const estimate: Estimator = (cell) => {
    if (cell.disclosed) return { employment: cell.employment ?? 0, wages: cell.wages ?? 0 };
    return estimateSuppressed(index, m, estimate, cell);
  };
  return estimate;
}

/** The estimated employment and wages of a suppressed cell; its own values for a disclosed one; null when nothing above it can be read. */
export function estimateCell(index: EmploymentIndex, cell: AnnualCell): CellEstimate | null {
  return estimatorFor(index)(cell);
}

function estimateSuppressed(index: EmploymentIndex, memo: Memo, estimate: Estimator, cell: AnnualCell): CellEstimate | null {
  // Nothing above the all-industry row, nor above a code outside NAICS (a supersector).
  const parentCode = index.parentOf(cell.industry);
  if (parentCode === null) return null;
  const parent = index.get(cell.area, cell.ownership, parentCode, cell.year);
  if (!parent) return null;
  let r = memo.remainders.get(parent);
  if (r === undefined) memo.remainders.set(parent, (r = remainderOf(index, estimate, parent)));
  if (!r) return null;
  // With no establishments to weigh by (all zero), share equally.
  const weight = r.suppressedEstablishments > 0 ? cell.establishments / r.suppressedEstablishments : 1 / r.suppressedCount;
  return { employment: r.employment * weight, wages: r.wages * weight };
}

function remainderOf(index: EmploymentIndex, estimate: Estimator, parent: AnnualCell): Remainder | null {
  const whole = estimate(parent);
  if (!whole) return null;
  let disclosedEmployment = 0;
  let disclosedWages = 0;
  let suppressedEstablishments = 0;
  let suppressedCount = 0;
  for (const child of index.childrenOf(parent.area, parent.ownership, parent.industry, parent.year)) {
    if (child.disclosed) {
      disclosedEmployment += child.employment ?? 0;
      disclosedWages += child.wages ?? 0;
    } else {
      suppressedEstablishments += child.establishments;
      suppressedCount += 1;
    }
  }
  return {
    employment: Math.max(0, whole.employment - disclosedEmployment),
    wages: Math.max(0, whole.wages - disclosedWages),
    suppressedEstablishments,
    suppressedCount,
  };
}
