import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import type { EmploymentRecord } from "@/lib/analytics/types";
import { qcew2016SjvFiles } from "./qcew-files";

// Reads BLS QCEW quarterly "by area" CSV files for tests, whole and in
// memory. The app's own reader streams; this one only has to be obviously
// right, so the tests can check the computations against BLS's numbers.

export { QCEW_2016_SJV_COUNTIES as SJV_COUNTIES } from "./qcew-files";

export type QcewRow = Record<string, string>;

export function qcewFile(county: string): string {
  return path.join(path.dirname(qcew2016SjvFiles()[0]!), `2016.q1-q4.${county}.csv`);
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
