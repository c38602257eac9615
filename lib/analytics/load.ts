import { getDb } from "@/db";
import type { AnnualCell } from "./annual";

// Reads stored cells as years (AnnualCell), summed by SQLite rather than in
// JavaScript: a region's ten years of quarterly cells are several hundred
// thousand rows, and grouping them in the query returns a quarter as many.
// The rules are annualizeCell's (annual.ts): BLS's annual figure wins over
// quarters; otherwise the mean of the months present, flagged incomplete
// below 12; any suppressed period suppresses the year.

interface Row {
  area: string;
  industry: string;
  ownership: number;
  year: number;
  hasAnnual: number;
  annualEmployment: number | null;
  annualWages: number | null;
  annualEstablishments: number | null;
  annualDisclosed: number | null;
  quarters: number;
  monthSum: number | null;
  quarterWages: number | null;
  quarterEstablishments: number | null;
  quartersDisclosed: number | null;
}

const GROUPED = `
  select area, industry, ownership, year,
    max(quarter = 0) as hasAnnual,
    max(case when quarter = 0 then annual_employment end) as annualEmployment,
    max(case when quarter = 0 then wages end) as annualWages,
    max(case when quarter = 0 then establishments end) as annualEstablishments,
    max(case when quarter = 0 then disclosed end) as annualDisclosed,
    sum(quarter > 0) as quarters,
    sum(case when quarter > 0 then month1 + month2 + month3 end) as monthSum,
    sum(case when quarter > 0 then wages end) as quarterWages,
    avg(case when quarter > 0 then establishments end) as quarterEstablishments,
    min(case when quarter > 0 then disclosed end) as quartersDisclosed
  from employment_cells`;

function toCell(r: Row): AnnualCell {
  const identity = { area: r.area, industry: r.industry, ownership: r.ownership, year: r.year };
  if (r.hasAnnual) {
    const disclosed = r.annualDisclosed === 1;
    return { ...identity, employment: disclosed ? r.annualEmployment : null, wages: disclosed ? r.annualWages : null, establishments: r.annualEstablishments ?? 0, disclosed, months: 12, complete: true };
  }
  const disclosed = r.quartersDisclosed === 1;
  const months = r.quarters * 3;
  return {
    ...identity,
    employment: disclosed ? (r.monthSum ?? 0) / months : null,
    wages: disclosed ? r.quarterWages : null,
    establishments: r.quarterEstablishments ?? 0,
    disclosed,
    months,
    complete: r.quarters === 4,
  };
}

export interface CellQuery {
  areas: readonly string[];
  fromYear: number;
  toYear: number;
  /** Only these industries; all when absent (the suppression estimate needs parents and siblings). */
  industries?: readonly string[];
}

export function loadAnnualCells(q: CellQuery): AnnualCell[] {
  if (q.areas.length === 0 || q.industries?.length === 0) return [];
  const params: (string | number)[] = [...q.areas, q.fromYear, q.toYear];
  let where = `area in (${q.areas.map(() => "?").join(",")}) and year between ? and ?`;
  if (q.industries) {
    where += ` and industry in (${q.industries.map(() => "?").join(",")})`;
    params.push(...q.industries);
  }
  const rows = getDb().$client.prepare(`${GROUPED} where ${where} group by area, industry, ownership, year`).all(...params) as Row[];
  return rows.map(toCell);
}

/** The years with any data for these areas, ascending. */
export function yearsWithData(areas: readonly string[]): number[] {
  if (areas.length === 0) return [];
  return getDb()
    .$client.prepare(`select distinct year from employment_cells where area in (${areas.map(() => "?").join(",")}) and industry = '10' order by year`)
    .pluck()
    .all(...areas) as number[];
}
