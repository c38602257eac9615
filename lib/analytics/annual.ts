import type { EmploymentRecord } from "./types";

// One cell's year: the annual average employment, the year's wages and the
// average establishment count, from either BLS's annual figure or the
// quarterly rows. BLS's annual average is the mean of the 12 monthly levels;
// with fewer than 4 quarters loaded the mean of the months present is still
// given, but the cell says it is incomplete and how many months it counts,
// so no page can pass off a partial year as a year.
//
// A cell with any quarter suppressed is suppressed for the year: its
// employment and wages are null, never 0, because the suppressed quarter's
// jobs are unknown. Its establishments are still known (BLS publishes them).

export interface AnnualCell {
  area: string;
  ownership: number;
  industry: string;
  year: number;
  /** Annual average employment; null when suppressed. */
  employment: number | null;
  /** Wages of the periods counted, in dollars; null when suppressed. */
  wages: number | null;
  /** Mean of the quarterly establishment counts (BLS's annual convention). */
  establishments: number;
  /** false when BLS suppressed any period of the year. */
  disclosed: boolean;
  /** Months of data behind the figure: 12 for a full year or an annual record. */
  months: number;
  complete: boolean;
}

function keyOf(r: { area: string; ownership: number; industry: string; year: number }): string {
  return `${r.area}|${r.ownership}|${r.industry}|${r.year}`;
}

/** The year of one cell from its records (all for the same area, ownership, industry and year). */
export function annualizeCell(records: readonly EmploymentRecord[]): AnnualCell {
  const first = records[0];
  if (!first) throw new Error("annualizeCell needs at least one record");
  // BLS's own annual figure is authoritative; quarterly rows beside it add nothing.
  const annual = records.filter((r) => r.quarter === null);
  if (annual.length > 1) throw new Error(`two annual records for ${keyOf(first)}`);
  const a = annual[0];
  if (a) {
    const employment = a.disclosed ? (a.annualEmployment ?? monthsMean(a.months)) : null;
    return { ...identity(a), employment, wages: a.disclosed ? a.wages : null, establishments: a.establishments, disclosed: a.disclosed, months: 12, complete: true };
  }
  const quarters = new Set<number>();
  let sumMonths = 0;
  let wages = 0;
  let establishments = 0;
  let disclosed = true;
  for (const r of records) {
    const q = r.quarter ?? 0; // never null here: annual records were taken out above
    if (quarters.has(q)) throw new Error(`quarter ${q} appears twice for ${keyOf(r)}`);
    quarters.add(q);
    if (!r.months) throw new Error(`quarterly record without monthly levels for ${keyOf(r)} q${r.quarter}`);
    sumMonths += r.months[0] + r.months[1] + r.months[2];
    wages += r.wages;
    establishments += r.establishments;
    disclosed &&= r.disclosed;
  }
  const months = quarters.size * 3;
  return {
    ...identity(first),
    employment: disclosed ? sumMonths / months : null,
    wages: disclosed ? wages : null,
    establishments: establishments / quarters.size,
    disclosed,
    months,
    complete: quarters.size === 4,
  };
}

/** Groups records into cells and gives each its year. Records may mix areas, industries, years and kinds. */
export function annualize(records: readonly EmploymentRecord[]): AnnualCell[] {
  const groups = new Map<string, EmploymentRecord[]>();
  for (const r of records) {
    const k = keyOf(r);
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  return [...groups.values()].map(annualizeCell);
}

function identity(r: EmploymentRecord) {
  return { area: r.area, ownership: r.ownership, industry: r.industry, year: r.year };
}

// An annual record without annualEmployment but with months is not expected
// from BLS files; the mean of whatever months it carries is the fair reading.
function monthsMean(months: [number, number, number] | null): number | null {
  return months ? (months[0] + months[1] + months[2]) / 3 : null;
}
