import { getDb } from "@/db";
import type { AnnualCell } from "./annual";

// Reads stored cells as years (AnnualCell). The rules are annualizeCell's
// (annual.ts): BLS's annual figure wins over quarters; otherwise the mean of
// the months present, flagged incomplete below 12; any suppressed period
// suppresses the year.
//
// Annual rows (quarter 0) are read as they are stored, and only cells without
// one are summed from their quarters, by SQLite: a region's ten years of
// quarterly cells are several hundred thousand rows, and grouping them in the
// query returns a quarter as many. The two reads are merged in the primary
// key's order. Rows come back as arrays (better-sqlite3's raw mode), one area
// at a time so the area is not read into every row: turning rows into
// JavaScript values is most of the cost of a read, far more than SQLite's
// search of the primary key.

// industry, ownership, year, disclosed, establishments, annual_employment, wages
type AnnualRow = [string, number, number, number, number, number | null, number];
// industry, ownership, year, quarters, monthSum, quarterWages, quarterEstablishments, quartersDisclosed
type QuarterRow = [string, number, number, number, number | null, number | null, number | null, number | null];

const ANNUAL = `
  select industry, ownership, year, disclosed, establishments, annual_employment, wages
  from employment_cells`;

const QUARTERS = `
  select industry, ownership, year,
    count(*) as quarters,
    sum(month1 + month2 + month3) as monthSum,
    sum(wages) as quarterWages,
    avg(establishments) as quarterEstablishments,
    min(disclosed) as quartersDisclosed
  from employment_cells`;

export interface CellQuery {
  areas: readonly string[];
  fromYear: number;
  toYear: number;
  /** Only these industries; all when absent. With estimates, see estimateIndustries (suppression.ts). */
  industries?: readonly string[];
}

export function loadAnnualCells(q: CellQuery): AnnualCell[] {
  if (q.areas.length === 0 || q.industries?.length === 0) return [];
  const db = getDb().$client;
  const params: (string | number)[] = [q.fromYear, q.toYear];
  let where = "area = ? and year between ? and ?";
  if (q.industries) {
    where += ` and industry in (${q.industries.map(() => "?").join(",")})`;
    params.push(...q.industries);
  }
  const order = "order by industry, ownership, year";
  const annual = db.prepare<(string | number)[], AnnualRow>(`${ANNUAL} where ${where} and quarter = 0 ${order}`).raw(true);
  const quarters = db.prepare<(string | number)[], QuarterRow>(`${QUARTERS} where ${where} and quarter > 0 group by industry, ownership, year ${order}`).raw(true);
  const out: AnnualCell[] = [];
  // In the areas' code order, as one query over all of them returned them.
  for (const area of [...new Set(q.areas)].sort()) mergeArea(area, annual.all(area, ...params), quarters.all(area, ...params), out);
  return out;
}

// Both lists are in (industry, ownership, year) order; a cell in both is read from its annual row.
function mergeArea(area: string, annual: AnnualRow[], quarters: QuarterRow[], out: AnnualCell[]): void {
  let j = 0;
  for (const a of annual) {
    for (; j < quarters.length && compareKeys(quarters[j]!, a) < 0; j++) out.push(fromQuarters(area, quarters[j]!));
    if (j < quarters.length && compareKeys(quarters[j]!, a) === 0) j++;
    out.push(fromAnnual(area, a));
  }
  for (; j < quarters.length; j++) out.push(fromQuarters(area, quarters[j]!));
}

// SQLite's order: industry codes are ASCII, so JavaScript's string order is its byte order.
function compareKeys(a: QuarterRow, b: AnnualRow): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  return a[1] - b[1] || a[2] - b[2];
}

function fromAnnual(area: string, [industry, ownership, year, disclosedFlag, establishments, employment, wages]: AnnualRow): AnnualCell {
  const disclosed = disclosedFlag === 1;
  return { area, industry, ownership, year, employment: disclosed ? employment : null, wages: disclosed ? wages : null, establishments, disclosed, months: 12, complete: true };
}

function fromQuarters(area: string, [industry, ownership, year, count, monthSum, wages, establishments, disclosedFlag]: QuarterRow): AnnualCell {
  const disclosed = disclosedFlag === 1;
  const months = count * 3;
  return {
    area,
    industry,
    ownership,
    year,
    employment: disclosed ? (monthSum ?? 0) / months : null,
    wages: disclosed ? wages : null,
    establishments: establishments ?? 0,
    disclosed,
    months,
    complete: count === 4,
  };
}

/** The years with any data for these areas, ascending. */
export function yearsWithData(areas: readonly string[]): number[] {
  if (areas.length === 0) return [];
  return getDb()
    .$client.prepare(`select distinct year from employment_cells where area in (${areas.map(() => "?").join(",")}) and industry = '10' order by year`)
    .pluck()
    .all(...areas) as number[];
}
