import type { AnnualCell } from "./annual";
import type { EmploymentIndex } from "./employment-index";
import { isNaicsCode, naicsParent } from "./naics";
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
// With no parent to read (not loaded) there is no estimate: null.

export interface CellEstimate {
  employment: number;
  wages: number;
}

const memo = new WeakMap<EmploymentIndex, Map<AnnualCell, CellEstimate | null>>();

/** The estimated employment and wages of a suppressed cell; its own values for a disclosed one; null when nothing above it can be read. */
export function estimateCell(index: EmploymentIndex, cell: AnnualCell): CellEstimate | null {
  if (cell.disclosed) return { employment: cell.employment ?? 0, wages: cell.wages ?? 0 };
  let cache = memo.get(index);
  if (!cache) memo.set(index, (cache = new Map()));
  if (cache.has(cell)) return cache.get(cell)!;
  const estimate = estimateSuppressed(index, cell);
  cache.set(cell, estimate);
  return estimate;
}

function estimateSuppressed(index: EmploymentIndex, cell: AnnualCell): CellEstimate | null {
  if (cell.industry === ALL_INDUSTRIES || !isNaicsCode(cell.industry)) return null;
  const parentCode = naicsParent(cell.industry) ?? ALL_INDUSTRIES;
  const parent = index.get(cell.area, cell.ownership, parentCode, cell.year);
  if (!parent) return null;
  const whole = estimateCell(index, parent);
  if (!whole) return null;

  let disclosedEmployment = 0;
  let disclosedWages = 0;
  let suppressedEstablishments = 0;
  let suppressedCount = 0;
  for (const sibling of index.childrenOf(cell.area, cell.ownership, parentCode, cell.year)) {
    if (sibling.disclosed) {
      disclosedEmployment += sibling.employment ?? 0;
      disclosedWages += sibling.wages ?? 0;
    } else {
      suppressedEstablishments += sibling.establishments;
      suppressedCount += 1;
    }
  }
  // With no establishments to weigh by (all zero), share equally.
  const weight = suppressedEstablishments > 0 ? cell.establishments / suppressedEstablishments : 1 / suppressedCount;
  return {
    employment: Math.max(0, whole.employment - disclosedEmployment) * weight,
    wages: Math.max(0, whole.wages - disclosedWages) * weight,
  };
}
