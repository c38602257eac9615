import type { EmploymentRecord } from "@/lib/analytics/types";

// Hand-made employment records for the analytics tests: only what a test is
// about needs saying, the rest defaults to a disclosed private cell.

interface Cell {
  area?: string;
  ownership?: number;
  industry: string;
  year?: number;
  establishments?: number;
  wages?: number;
  disclosed?: boolean;
}

/** An annual record, as from a BLS annual file or the generic CSV. */
export function annualRecord(cell: Cell & { employment: number }): EmploymentRecord {
  const disclosed = cell.disclosed ?? true;
  return {
    area: cell.area ?? "06019",
    ownership: cell.ownership ?? 5,
    industry: cell.industry,
    level: null,
    year: cell.year ?? 2016,
    quarter: null,
    disclosed,
    establishments: cell.establishments ?? 1,
    months: null,
    // BLS writes 0 for a suppressed cell's employment and wages.
    annualEmployment: disclosed ? cell.employment : 0,
    wages: disclosed ? (cell.wages ?? 0) : 0,
  };
}

/** One quarter's record. */
export function quarterRecord(cell: Cell & { quarter: number; months: [number, number, number] }): EmploymentRecord {
  const disclosed = cell.disclosed ?? true;
  return {
    area: cell.area ?? "06019",
    ownership: cell.ownership ?? 5,
    industry: cell.industry,
    level: null,
    year: cell.year ?? 2016,
    quarter: cell.quarter,
    disclosed,
    establishments: cell.establishments ?? 1,
    months: disclosed ? cell.months : [0, 0, 0],
    annualEmployment: null,
    wages: disclosed ? (cell.wages ?? 0) : 0,
  };
}
