import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import type { EmploymentRecord } from "@/lib/analytics/types";

// Reads BLS QCEW quarterly "by area" CSV files for tests, whole and in
// memory. The app's own reader streams; this one only has to be obviously
// right, so the tests can check the computations against BLS's numbers.

/** Where the real 2016 San Joaquin Valley files live (too large to commit: 17 MB). */
export const QCEW_2016_DIR = process.env.QCEW_2016_DIR ?? "/work/shared/data/qcew-2016-sjv";

export const SJV_COUNTIES = ["06019", "06029", "06031", "06039", "06047", "06077", "06099", "06107"] as const;

export type QcewRow = Record<string, string>;

export function hasQcew2016(): boolean {
  return SJV_COUNTIES.every((c) => fs.existsSync(qcewFile(c)));
}

export function qcewFile(county: string): string {
  return path.join(QCEW_2016_DIR, `2016.q1-q4.${county}.csv`);
}

export function readQcewRows(county: string): QcewRow[] {
  return parse(fs.readFileSync(qcewFile(county)), { columns: true, skip_empty_lines: true }) as QcewRow[];
}

export function qcewRowToRecord(row: QcewRow): EmploymentRecord {
  const n = (column: string) => {
    const v = Number(row[column]);
    if (!Number.isFinite(v)) throw new Error(`${column} is not a number: "${row[column]}"`);
    return v;
  };
  return {
    area: row.area_fips!,
    ownership: n("own_code"),
    industry: row.industry_code!,
    level: n("agglvl_code"),
    year: n("year"),
    quarter: n("qtr"),
    disclosed: row.disclosure_code !== "N",
    establishments: n("qtrly_estabs_count"),
    months: [n("month1_emplvl"), n("month2_emplvl"), n("month3_emplvl")],
    annualEmployment: null,
    wages: n("total_qtrly_wages"),
  };
}
