import { EmploymentFileError, quoteValue } from "./qcew-errors";

// Reading one cell of an employment file into the value the record holds. Each
// reader either returns the value or throws an EmploymentFileError naming the
// file, the line and the column, so a refused file says exactly where to look.
// These run once per cell of millions of rows: the happy paths avoid regexes
// and allocations, and the messages are only built on failure.

/** Where the row being read is; one object per file, its line moved along. */
export interface CellContext {
  file: string;
  line: number;
  /** The header's names as the file writes them, for messages. */
  header: readonly string[];
}

export function failCell(ctx: CellContext, index: number, problem: string): never {
  throw new EmploymentFileError({ file: ctx.file, line: ctx.line, column: ctx.header[index] ?? `#${index + 1}` }, problem);
}

/** A non-negative whole number (counts, employment levels, wages in dollars). */
export function readWholeNumber(ctx: CellContext, value: string, index: number): number {
  const length = value.length;
  let n = 0;
  for (let i = 0; i < length; i++) {
    const digit = value.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return failCell(ctx, index, `${quoteValue(value)} is not a whole number`);
    n = n * 10 + digit;
  }
  if (length === 0) return failCell(ctx, index, "the value is empty; a whole number is required");
  // Past 2^53 the digits above are no longer exact; BLS's widest field (wages) has 15 digits.
  if (length > 15 && !Number.isSafeInteger(n)) return failCell(ctx, index, `${quoteValue(value)} is too large`);
  return n;
}

// County and state FIPS ("06019", "06000"), the nation ("US000"), the national
// MSA/CSA aggregates ("USMSA", "USCMS", "USNMS"), MSAs ("C1018") and CSAs ("CS101").
const AREA = /^(?:\d{5}|US[0-9A-Z]{3}|C\d{4}|CS\d{3})$/;

export function readArea(ctx: CellContext, value: string, index: number): string {
  if (!AREA.test(value)) failCell(ctx, index, `${quoteValue(value)} is not a BLS area code (five characters such as "06019", "US000" or "C2342")`);
  return value;
}

// The NAICS codes ("11", "1111", "111110"), NAICS ranges ("31-33"), and BLS's
// aggregates ("10" all industries, "101"/"102" domains, "1011"-"1029" supersectors).
const INDUSTRY = /^(?:\d{2,6}|\d{2}-\d{2})$/;

export function readIndustry(ctx: CellContext, value: string, index: number): string {
  if (!INDUSTRY.test(value)) failCell(ctx, index, `${quoteValue(value)} is not an industry code (a NAICS code such as "1111" or "31-33", or "10" for all industries)`);
  return value;
}

export const FIRST_YEAR = 1975; // BLS's machine-readable QCEW data begin in 1975.
export const LAST_YEAR = 2099;

export function readYear(ctx: CellContext, value: string, index: number): number {
  const year = value.length === 4 ? Number(value) : NaN;
  if (!(Number.isInteger(year) && year >= FIRST_YEAR && year <= LAST_YEAR)) failCell(ctx, index, `${quoteValue(value)} is not a year (four digits, ${FIRST_YEAR}-${LAST_YEAR})`);
  return year;
}

/** 1-4; null for an annual row ("A", or an empty cell where the layout allows it). */
export function readQuarter(ctx: CellContext, value: string, index: number, accept: "quarter" | "annual" | "either"): number | null {
  if (value.length === 1) {
    const code = value.charCodeAt(0);
    if (code >= 49 && code <= 52 && accept !== "annual") return code - 48; // "1".."4"
    if ((value === "A" || (value === "a" && accept === "either")) && accept !== "quarter") return null;
  }
  if (value === "" && accept === "either") return null;
  const expected = accept === "quarter" ? "1, 2, 3 or 4" : accept === "annual" ? `"A" (annual)` : `1, 2, 3, 4, or empty or "A" for a whole year`;
  return failCell(ctx, index, `${quoteValue(value)} is not a quarter: expected ${expected}`);
}

// own_code: 0 total, 1 federal, 2 state, 3 local, 4 international government,
// 5 private; 8 (total government) and 9 (total U.I.-covered) are BLS aggregates
// of the others, which the caller skips rather than double-count.
export function readOwnership(ctx: CellContext, value: string, index: number): number {
  const code = value.length === 1 ? value.charCodeAt(0) - 48 : -1;
  if (code < 0 || code > 9 || code === 6 || code === 7) failCell(ctx, index, `${quoteValue(value)} is not an ownership code (0-5, 8 or 9)`);
  return code;
}

export function readLevel(ctx: CellContext, value: string, index: number): number {
  if (value.length !== 2) failCell(ctx, index, `${quoteValue(value)} is not an aggregation level code (two digits, such as "76")`);
  return readWholeNumber(ctx, value, index);
}

export function readSize(ctx: CellContext, value: string, index: number): number {
  if (value.length !== 1) failCell(ctx, index, `${quoteValue(value)} is not a size code (one digit, 0 for all sizes)`);
  return readWholeNumber(ctx, value, index);
}

/**
 * "" (or BLS's " ") published; "N" suppressed; "-" a row BLS carries with no
 * establishment in the period (every figure 0, so nothing is hidden: the
 * zeros are true zeros). Anything else refuses the file: a code we do not know
 * could mean figures that must not be taken at face value.
 */
export type Disclosure = "published" | "suppressed" | "empty";

export function readDisclosure(ctx: CellContext, value: string, index: number): Disclosure {
  if (value === "" || value === " ") return "published";
  if (value === "N") return "suppressed";
  if (value === "-") return "empty";
  return failCell(ctx, index, `${quoteValue(value)} is not a disclosure code (empty, "N" for suppressed, or "-")`);
}
