import { EmploymentFileError } from "./qcew-errors";

// The three layouts an employment file may have, told apart by its header row.
//
// The two BLS layouts are BLS's own column lists (bls.gov/cew/about-data/
// downloadable-file-layouts/, NAICS-based quarterly and annual CSV), both the
// "by area"/"by industry" files and the "singlefile" and open-data slices,
// which are the same minus the five title columns. BLS renamed the
// establishment columns around 2017 ("qtrly_estabs_count" became
// "qtrly_estabs", "annual_avg_estabs_count" became "annual_avg_estabs", and
// their lq_/oty_ companions likewise); files of both eras are accepted.
//
// Header names are matched ignoring case and surrounding spaces, in any order.
// A header is refused when it has a column the layout does not know (so a
// file of another kind is not half-read), repeats a column, or lacks one the
// record needs; the lq_*, oty_*, taxable wage, contribution and average wage
// columns are allowed and never read.

export type LayoutName = "bls-quarterly" | "bls-annual" | "generic";

export const LAYOUT_LABELS: Record<LayoutName, string> = {
  "bls-quarterly": "BLS QCEW quarterly CSV",
  "bls-annual": "BLS QCEW annual CSV",
  generic: "generic employment CSV",
};

const BLS_KEYS = ["area_fips", "own_code", "industry_code", "agglvl_code", "size_code", "year", "qtr", "disclosure_code"] as const;
const BLS_TITLES = ["area_title", "own_title", "industry_title", "agglvl_title", "size_title"] as const;

function changeColumns(figures: readonly string[]): string[] {
  return figures.flatMap((figure) => [`oty_${figure}_chg`, `oty_${figure}_pct_chg`]);
}

const QUARTERLY_FIGURES = ["qtrly_estabs", "month1_emplvl", "month2_emplvl", "month3_emplvl", "total_qtrly_wages", "taxable_qtrly_wages", "qtrly_contributions", "avg_wkly_wage"];
const ANNUAL_FIGURES = ["annual_avg_estabs", "annual_avg_emplvl", "total_annual_wages", "taxable_annual_wages", "annual_contributions", "annual_avg_wkly_wage", "avg_annual_pay"];

/** BLS's quarterly CSV columns in BLS's order (current names; see estabsAlias). 47 columns. */
export const BLS_QUARTERLY_COLUMNS: readonly string[] = [
  ...BLS_KEYS,
  ...BLS_TITLES,
  ...QUARTERLY_FIGURES,
  "lq_disclosure_code",
  ...QUARTERLY_FIGURES.map((figure) => `lq_${figure}`),
  "oty_disclosure_code",
  ...changeColumns(QUARTERLY_FIGURES),
];

/** BLS's annual CSV columns in BLS's order (current names; see estabsAlias). 43 columns. */
export const BLS_ANNUAL_COLUMNS: readonly string[] = [
  ...BLS_KEYS,
  ...BLS_TITLES,
  ...ANNUAL_FIGURES,
  "lq_disclosure_code",
  ...ANNUAL_FIGURES.map((figure) => `lq_${figure}`),
  "oty_disclosure_code",
  ...changeColumns(ANNUAL_FIGURES),
];

/** The generic CSV: `quarter` may be left out (every row annual), the two titles are optional. */
export const GENERIC_COLUMNS: readonly string[] = ["area", "naics", "year", "quarter", "employment", "establishments", "total_wages", "area_title", "industry_title"];

interface LayoutSpec {
  known: readonly string[];
  required: readonly string[];
}

const SPECS: Record<LayoutName, LayoutSpec> = {
  "bls-quarterly": {
    known: BLS_QUARTERLY_COLUMNS,
    required: [...BLS_KEYS, "qtrly_estabs", "month1_emplvl", "month2_emplvl", "month3_emplvl", "total_qtrly_wages"],
  },
  "bls-annual": {
    known: BLS_ANNUAL_COLUMNS,
    required: [...BLS_KEYS, "annual_avg_estabs", "annual_avg_emplvl", "total_annual_wages"],
  },
  generic: {
    known: GENERIC_COLUMNS,
    required: ["area", "naics", "year", "employment", "establishments", "total_wages"],
  },
};

/** A header matched to its layout: where each known column is (-1 when absent). */
export interface DetectedLayout {
  name: LayoutName;
  /** The header as the file writes it, for messages. */
  header: readonly string[];
  indexOf(column: string): number;
}

// The older BLS name of a column, where it differs: "qtrly_estabs" was "qtrly_estabs_count".
function estabsAlias(column: string): string | null {
  return column.includes("estabs") ? column.replace("estabs", "estabs_count") : null;
}

function canonicalName(raw: string): string {
  return raw.trim().toLowerCase().replace("estabs_count", "estabs");
}

function describeColumn(column: string): string {
  const alias = estabsAlias(column);
  return alias === null ? `"${column}"` : `"${column}" (or "${alias}")`;
}

function guessLayout(names: ReadonlySet<string>): LayoutName | null {
  if (names.has("month1_emplvl") || names.has("qtrly_estabs") || names.has("total_qtrly_wages")) return "bls-quarterly";
  if (names.has("annual_avg_emplvl") || names.has("annual_avg_estabs") || names.has("total_annual_wages")) return "bls-annual";
  if (names.has("employment") || names.has("naics") || names.has("total_wages")) return "generic";
  return null;
}

export function detectLayout(header: readonly string[], file: string): DetectedLayout {
  const names = header.map(canonicalName);
  const name = guessLayout(new Set(names));
  if (name === null) {
    throw new EmploymentFileError(
      { file, line: 1 },
      `the header is not one of a BLS QCEW quarterly CSV, a BLS QCEW annual CSV or the generic CSV (${GENERIC_COLUMNS.slice(0, 7).join(", ")}); it starts ${JSON.stringify(header.slice(0, 4).join(","))}`,
    );
  }
  const spec = SPECS[name];
  const known = new Set(spec.known);
  const positions = new Map<string, number>();
  names.forEach((column, index) => {
    const written = header[index] ?? "";
    if (!known.has(column)) {
      throw new EmploymentFileError({ file, line: 1, column: written }, `unknown column for a ${LAYOUT_LABELS[name]}; its columns are ${spec.known.join(", ")}`);
    }
    if (positions.has(column)) throw new EmploymentFileError({ file, line: 1, column: written }, "the column appears twice");
    positions.set(column, index);
  });
  const missing = spec.required.filter((column) => !positions.has(column));
  const first = missing[0];
  if (first !== undefined) {
    const list = missing.map(describeColumn).join(", ");
    throw new EmploymentFileError({ file, line: 1, column: first }, `missing column${missing.length > 1 ? "s" : ""} ${list}, which a ${LAYOUT_LABELS[name]} must have`);
  }
  return { name, header, indexOf: (column) => positions.get(column) ?? -1 };
}
