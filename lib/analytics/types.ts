// The shapes shared by the employment analytics (issue #7): what an import
// yields from a BLS QCEW file or the generic CSV, and what the computations
// take. Codes are kept exactly as BLS writes them, as text.

/** BLS ownership codes. 0 is the all-ownership total, published only for the all-industry row. */
export const OWNERSHIP = { total: 0, federal: 1, state: 2, local: 3, international: 4, private: 5 } as const;

/** The all-industry total ("10 Total, all industries"). With ownership 0 it is the LQ denominator. */
export const ALL_INDUSTRIES = "10";

/** One published cell: one area, ownership, industry and period. */
export interface EmploymentRecord {
  /** area_fips: "06019" (a county), "06000" (a state), "US000" (the nation), an MSA code... */
  area: string;
  /** own_code (OWNERSHIP). The generic CSV has no ownership: its rows are recorded as 0, all ownerships. */
  ownership: number;
  /** industry_code as BLS writes it: "10", "1012" (a supersector), "31-33", "1111", "111110". */
  industry: string;
  /** agglvl_code (70-78 for counties, 50-58 for states, 10-18 for the nation); null in the generic CSV. */
  level: number | null;
  year: number;
  /** 1-4 for a quarter; null for an annual figure. */
  quarter: number | null;
  /** false where BLS suppressed the cell (disclosure_code "N"): its employment and wages are not known (BLS writes 0). */
  disclosed: boolean;
  establishments: number;
  /** The three monthly employment levels of a quarter; null for annual figures. */
  months: [number, number, number] | null;
  /** Annual average employment (annual files and the generic CSV's annual rows); null for quarterly rows. */
  annualEmployment: number | null;
  /** Total wages for the period, in dollars. */
  wages: number;
}

/** Where a record came from, for error messages and the skipped-row report. */
export interface RecordSource {
  file: string;
  line: number;
}
