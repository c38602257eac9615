import {
  readArea,
  readDisclosure,
  readIndustry,
  readLevel,
  readOwnership,
  readQuarter,
  readSize,
  readWholeNumber,
  readYear,
  type CellContext,
} from "./qcew-fields";
import type { DetectedLayout } from "./qcew-layouts";
import type { EmploymentRecord } from "./types";

// Turning one parsed row into an EmploymentRecord, per layout. Column positions
// are looked up once per file; the returned function is the per-row hot path.

/**
 * Rows that are read but not kept; they are counted, not refused.
 * - "size-class": size_code other than 0. BLS's size-class rows (first quarter,
 *   private ownership only) break an industry down by establishment size; the
 *   importer keeps only all-size rows, and keeping both would count jobs twice.
 * - "aggregate-ownership": own_code 8 (all government) or 9 (all U.I.-covered).
 *   They are sums of other ownerships in the same file, and the record's
 *   ownership only names 0-5.
 */
export type SkipReason = "size-class" | "aggregate-ownership";

export const SKIP_REASONS: Record<SkipReason, string> = {
  "size-class": "size-class row (size_code other than 0); only all-size rows are kept",
  "aggregate-ownership": "aggregate ownership (own_code 8 or 9), a sum of other ownerships in the file",
};

/** What a row told us besides its record: titles for the importer, and the "-" count. */
export interface RowSink {
  areaTitles: Map<string, string>;
  industryTitles: Map<string, string>;
  /** Rows BLS marks "-": no establishment in the period, kept as disclosed zeros. */
  emptyRows: number;
}

export type RowReader = (row: string[], ctx: CellContext) => EmploymentRecord | SkipReason;

export function makeRowReader(layout: DetectedLayout, sink: RowSink): RowReader {
  return layout.name === "generic" ? genericRowReader(layout, sink) : blsRowReader(layout, sink);
}

// BLS writes industry titles with the code in front ("NAICS 1111 Oilseed and
// grain farming", "10 Total, all industries"); the code is held separately.
function industryName(code: string, title: string): string {
  if (title.startsWith(`${code} `)) return title.slice(code.length + 1).trim();
  if (title.startsWith(`NAICS ${code} `)) return title.slice(code.length + 7).trim();
  return title.trim();
}

// The parser's values are slices of the block of text they came from (V8
// slices, not copies, strings of 13 characters or more): a title kept as it
// is would keep its whole block (a read chunk) alive until the file is read.
// Only the first title of each code is copied, a few thousand per file.
const detached = (text: string) => Buffer.from(text, "utf8").toString("utf8");

function noteTitles(sink: RowSink, row: string[], area: string, industry: string, areaTitleAt: number, industryTitleAt: number): void {
  if (areaTitleAt >= 0 && !sink.areaTitles.has(area)) {
    const title = (row[areaTitleAt] ?? "").trim();
    if (title !== "") sink.areaTitles.set(detached(area), detached(title));
  }
  if (industryTitleAt >= 0 && !sink.industryTitles.has(industry)) {
    const title = industryName(industry, row[industryTitleAt] ?? "");
    if (title !== "") sink.industryTitles.set(detached(industry), detached(title));
  }
}

function blsRowReader(layout: DetectedLayout, sink: RowSink): RowReader {
  const at = (column: string) => layout.indexOf(column);
  const [area, own, industry, level, size, year, qtr, disclosure] = [at("area_fips"), at("own_code"), at("industry_code"), at("agglvl_code"), at("size_code"), at("year"), at("qtr"), at("disclosure_code")];
  const areaTitle = at("area_title");
  const industryTitle = at("industry_title");
  const quarterly = layout.name === "bls-quarterly";
  const estabs = at(quarterly ? "qtrly_estabs" : "annual_avg_estabs");
  const wages = at(quarterly ? "total_qtrly_wages" : "total_annual_wages");
  const [month1, month2, month3] = [at("month1_emplvl"), at("month2_emplvl"), at("month3_emplvl")];
  const annual = at("annual_avg_emplvl");

  return (row, ctx) => {
    const ownership = readOwnership(ctx, row[own] ?? "", own);
    const sizeCode = readSize(ctx, row[size] ?? "", size);
    const areaCode = readArea(ctx, row[area] ?? "", area);
    const industryCode = readIndustry(ctx, row[industry] ?? "", industry);
    const record: EmploymentRecord = {
      area: areaCode,
      ownership,
      industry: industryCode,
      level: readLevel(ctx, row[level] ?? "", level),
      year: readYear(ctx, row[year] ?? "", year),
      quarter: readQuarter(ctx, row[qtr] ?? "", qtr, quarterly ? "quarter" : "annual"),
      disclosed: true,
      establishments: readWholeNumber(ctx, row[estabs] ?? "", estabs),
      months: quarterly
        ? [readWholeNumber(ctx, row[month1] ?? "", month1), readWholeNumber(ctx, row[month2] ?? "", month2), readWholeNumber(ctx, row[month3] ?? "", month3)]
        : null,
      annualEmployment: quarterly ? null : readWholeNumber(ctx, row[annual] ?? "", annual),
      wages: readWholeNumber(ctx, row[wages] ?? "", wages),
    };
    // The whole row is validated before any skip, so a damaged size-class row still refuses the file.
    const disclosureCode = readDisclosure(ctx, row[disclosure] ?? "", disclosure);
    if (sizeCode !== 0) return "size-class";
    if (ownership > 5) return "aggregate-ownership";
    if (disclosureCode === "suppressed") record.disclosed = false;
    else if (disclosureCode === "empty") sink.emptyRows++;
    noteTitles(sink, row, areaCode, industryCode, areaTitle, industryTitle);
    return record;
  };
}

// The generic CSV is written by people, not BLS: cells are trimmed, and a
// quarter's single employment figure stands for each of its three months (so
// any average over the months gives it back unchanged).
function genericRowReader(layout: DetectedLayout, sink: RowSink): RowReader {
  const at = (column: string) => layout.indexOf(column);
  const [area, naics, year, quarter, employment, establishments, wages] = [at("area"), at("naics"), at("year"), at("quarter"), at("employment"), at("establishments"), at("total_wages")];
  const areaTitle = at("area_title");
  const industryTitle = at("industry_title");
  const cell = (row: string[], index: number) => (row[index] ?? "").trim();

  return (row, ctx) => {
    const areaCode = readArea(ctx, cell(row, area), area);
    const industryCode = readIndustry(ctx, cell(row, naics), naics);
    const period = quarter < 0 ? null : readQuarter(ctx, cell(row, quarter), quarter, "either");
    const jobs = readWholeNumber(ctx, cell(row, employment), employment);
    const record: EmploymentRecord = {
      area: areaCode,
      ownership: 0,
      industry: industryCode,
      level: null,
      year: readYear(ctx, cell(row, year), year),
      quarter: period,
      disclosed: true,
      establishments: readWholeNumber(ctx, cell(row, establishments), establishments),
      months: period === null ? null : [jobs, jobs, jobs],
      annualEmployment: period === null ? jobs : null,
      wages: readWholeNumber(ctx, cell(row, wages), wages),
    };
    noteTitles(sink, row, areaCode, industryCode, areaTitle, industryTitle);
    return record;
  };
}
