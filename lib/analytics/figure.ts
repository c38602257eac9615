import type { AnnualCell } from "./annual";
import type { EmploymentIndex } from "./employment-index";
import { dedupeCodes } from "./naics";
import { estimatorFor, type Estimator } from "./suppression";

// One employment figure: the sum of a set of cells (codes × ownerships ×
// areas) for one year, with everything a reader needs to judge it. Suppressed
// cells are never counted as zero: a figure says how much of it was disclosed
// (coverage, by establishments), whether cells are missing from it (partial),
// and whether estimates filled them (estimated).

/** Ownership rows summed by default: every ownership BLS publishes industry detail for (international, 4, has none at county level). */
export const DEFAULT_OWNERSHIPS: readonly number[] = [1, 2, 3, 5];
/** Private only: the usual convention of cluster studies. */
export const PRIVATE_OWNERSHIP: readonly number[] = [5];

export interface FigureOptions {
  /** The own_code rows summed; DEFAULT_OWNERSHIPS unless given. */
  ownerships?: readonly number[];
  /** Fill suppressed cells from their parents (suppression.ts). Off unless asked: the figure is then flagged `estimated`. */
  estimate?: boolean;
}

export interface EmploymentFigure {
  year: number;
  /** Annual average employment of the disclosed cells, plus the estimates when `estimated`. */
  employment: number;
  /** Wages of the same cells, in dollars, for the months counted. */
  wages: number;
  establishments: number;
  /** Establishments in disclosed cells. */
  disclosedEstablishments: number;
  /** disclosedEstablishments / establishments: the share of the figure BLS disclosed. 1 when there are no establishments. */
  coverage: number;
  /** Annual pay: wages / employment, scaled to 12 months for an incomplete year; null with no employment. */
  annualPay: number | null;
  /** annualPay / 52. */
  weeklyPay: number | null;
  /** Cells found (an industry absent from an area's file has no establishments there). */
  cells: number;
  suppressedCells: number;
  /** Some suppressed cell's jobs are left out of `employment` (no estimate asked, or none possible). */
  partial: boolean;
  /** Some suppressed cell's jobs are an estimate. */
  estimated: boolean;
  /** Every cell covers 12 months and every area has data for the year. */
  complete: boolean;
  /** The fewest months behind any cell (12 when complete). */
  months: number;
  /** Areas with no data at all for the year. */
  missingAreas: string[];
}

/** A running sum of cells; `finish` turns it into a figure. */
export class FigureSum {
  employment = 0;
  wages = 0;
  // Wages scaled to a year cell by cell, so a partial year's pay is a yearly rate.
  private annualisedWages = 0;
  establishments = 0;
  disclosedEstablishments = 0;
  cells = 0;
  suppressedCells = 0;
  partial = false;
  estimated = false;
  months = 12;
  missingAreas: string[] = [];

  constructor(readonly year: number) {}

  /** `estimate`: the index's estimator when suppressed cells are to be estimated. */
  addCell(cell: AnnualCell, estimate: Estimator | null): void {
    this.cells += 1;
    this.establishments += cell.establishments;
    this.months = Math.min(this.months, cell.months);
    let employment = cell.employment;
    let wages = cell.wages;
    if (cell.disclosed) this.disclosedEstablishments += cell.establishments;
    else {
      this.suppressedCells += 1;
      const e = estimate ? estimate(cell) : null;
      if (e) {
        this.estimated = true;
        employment = e.employment;
        wages = e.wages;
      } else this.partial = true;
    }
    if (employment === null || wages === null) return;
    this.employment += employment;
    this.wages += wages;
    this.annualisedWages += (wages * 12) / cell.months;
  }

  add(other: FigureSum): void {
    this.employment += other.employment;
    this.wages += other.wages;
    this.annualisedWages += other.annualisedWages;
    this.establishments += other.establishments;
    this.disclosedEstablishments += other.disclosedEstablishments;
    this.cells += other.cells;
    this.suppressedCells += other.suppressedCells;
    this.partial ||= other.partial;
    this.estimated ||= other.estimated;
    this.months = Math.min(this.months, other.months);
    this.missingAreas.push(...other.missingAreas);
  }

  finish(): EmploymentFigure {
    const annualPay = this.employment > 0 ? this.annualisedWages / this.employment : null;
    return {
      year: this.year,
      employment: this.employment,
      wages: this.wages,
      establishments: this.establishments,
      disclosedEstablishments: this.disclosedEstablishments,
      coverage: this.establishments > 0 ? this.disclosedEstablishments / this.establishments : 1,
      annualPay,
      weeklyPay: annualPay === null ? null : annualPay / 52,
      cells: this.cells,
      suppressedCells: this.suppressedCells,
      partial: this.partial,
      estimated: this.estimated,
      complete: this.months === 12 && this.missingAreas.length === 0,
      months: this.months,
      missingAreas: [...this.missingAreas],
    };
  }
}

/** Sums the cells of `codes` (already deduplicated and normalised) for one area and year over the ownerships. */
export function sumArea(index: EmploymentIndex, area: string, codes: readonly string[], year: number, options: FigureOptions = {}): FigureSum {
  const sum = new FigureSum(year);
  const cells = index.areaYear(area, year)?.cells;
  if (!cells) {
    sum.missingAreas.push(area);
    return sum;
  }
  const ownerships = options.ownerships ?? DEFAULT_OWNERSHIPS;
  const estimate = options.estimate ? estimatorFor(index) : null;
  for (const code of codes) {
    const byOwnership = cells.get(code);
    if (!byOwnership) continue;
    for (const own of ownerships) {
      const cell = byOwnership[own];
      if (cell) sum.addCell(cell, estimate);
    }
  }
  return sum;
}

/** The figure of a list of NAICS codes (any level; normalised and deduplicated here) summed over areas for one year. */
export function computeFigure(index: EmploymentIndex, areas: readonly string[], codes: readonly string[], year: number, options: FigureOptions = {}): EmploymentFigure {
  const deduped = dedupeCodes(codes).codes;
  const total = new FigureSum(year);
  for (const area of areas) total.add(sumArea(index, area, deduped, year, options));
  return total.finish();
}
