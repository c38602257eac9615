import fs from "node:fs";
import path from "node:path";
import { qcew2016SjvFiles } from "@/lib/test/qcew-files";
import { describe, expect, it } from "vitest";
import { BLS_QUARTERLY_COLUMNS } from "./qcew-layouts";
import type { ReadProgress } from "./qcew-progress";
import { readEmploymentFile, type EmploymentRow } from "./qcew-reader";

// The eight real 2016 QCEW county files (see lib/analytics/fixtures/README.md).
const DATA = path.dirname(qcew2016SjvFiles()[0]!);
const FILES: Record<string, { rows: number; suppressed: number; empty: number }> = {
  "06019": { rows: 8184, suppressed: 3252, empty: 33 },
  "06029": { rows: 8048, suppressed: 3419, empty: 59 },
  "06031": { rows: 4752, suppressed: 2910, empty: 58 },
  "06039": { rows: 5212, suppressed: 3189, empty: 70 },
  "06047": { rows: 5444, suppressed: 3277, empty: 39 },
  "06077": { rows: 7844, suppressed: 3308, empty: 43 },
  "06099": { rows: 7324, suppressed: 3455, empty: 38 },
  "06107": { rows: 6708, suppressed: 3321, empty: 34 },
};
const fileOf = (fips: string) => path.join(DATA, `2016.q1-q4.${fips}.csv`);

async function readAll(file: string, fileName = path.basename(file)) {
  const reader = readEmploymentFile(file, { fileName });
  const rows: EmploymentRow[] = [];
  for await (const row of reader) rows.push(row);
  return { rows, summary: reader.summary() };
}

describe("readEmploymentFile on the real 2016 SJV quarterly files", () => {
  it("reads every row of the eight counties: 53,516 records, suppressed cells kept as undisclosed", async () => {
    let total = 0;
    let suppressed = 0;
    for (const [fips, expected] of Object.entries(FILES)) {
      const { rows, summary } = await readAll(fileOf(fips));
      expect(summary).toMatchObject({ layout: "bls-quarterly", finished: true, rowsRead: expected.rows, records: expected.rows, suppressed: expected.suppressed, emptyRows: expected.empty, skipped: [] });
      expect(rows.filter((row) => !row.record.disclosed)).toHaveLength(expected.suppressed);
      expect(new Set(rows.map((row) => row.record.area))).toEqual(new Set([fips]));
      // BLS publishes 0 for a suppressed cell's jobs and wages; the record keeps them, flagged.
      for (const { record } of rows.filter((row) => !row.record.disclosed)) expect(record.wages).toBe(0);
      total += summary.records;
      suppressed += summary.suppressed;
    }
    expect(total).toBe(53516);
    expect(suppressed).toBe(26131);
  });

  it("reads Fresno's all-industry total for 2016 Q1 exactly, with its line and titles", async () => {
    const { rows, summary } = await readAll(fileOf("06019"));
    const q1 = rows.find(({ record }) => record.ownership === 0 && record.industry === "10" && record.quarter === 1);
    expect(q1).toEqual({
      record: {
        area: "06019",
        ownership: 0,
        industry: "10",
        level: 70,
        year: 2016,
        quarter: 1,
        disclosed: true,
        establishments: 32877,
        months: [359663, 362534, 363868],
        annualEmployment: null,
        wages: 3632955370,
      },
      source: { file: "2016.q1-q4.06019.csv", line: 2 },
    });
    expect(summary.areaTitles).toEqual(new Map([["06019", "Fresno County, California"]]));
    expect(summary.industryTitles.get("10")).toBe("Total, all industries");
    expect(summary.industryTitles.get("1111")).toBe("Oilseed and grain farming");
    expect(summary.industryTitles.get("31-33")).toBe("Manufacturing");
  });

  it("knows every column of BLS's quarterly layout, in BLS's order", () => {
    const header = fs.readFileSync(fileOf("06019"), "utf8").split("\r\n")[0]!;
    const names = header.split(",").map((name) => JSON.parse(name) as string);
    expect(names.map((name) => name.replace("estabs_count", "estabs"))).toEqual(BLS_QUARTERLY_COLUMNS);
  });

  it("reports progress, throttled, ending at 100% of the file's bytes", async () => {
    const calls: ReadProgress[] = [];
    const file = fileOf("06019");
    const reader = readEmploymentFile(file, { fileName: "fresno.csv", onProgress: (progress) => calls.push(progress) });
    for await (const _row of reader) {
      // drain
    }
    const size = fs.statSync(file).size;
    expect(calls.length).toBeGreaterThan(2);
    expect(calls.length).toBeLessThan(110); // at most every 1% (or 250 ms), plus the end
    expect(calls.at(-1)).toEqual({ bytesRead: size, totalBytes: size, fraction: 1, rows: 8184 });
    expect(calls.filter((call) => call.fraction === 1)).toHaveLength(1);
    const fractions = calls.map((call) => call.fraction ?? 0);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
  });

  it("reads a stream as well as a path; the fraction needs the length to be given", async () => {
    const calls: ReadProgress[] = [];
    const reader = readEmploymentFile(fs.createReadStream(fileOf("06031")), { fileName: "kings.csv", onProgress: (progress) => calls.push(progress) });
    let count = 0;
    for await (const _row of reader) count++;
    expect(count).toBe(4752);
    expect(calls.at(-1)?.fraction).toBe(1);
    expect(reader.summary().bytesRead).toBe(fs.statSync(fileOf("06031")).size);
  });

  it("stops reading when the consumer stops", async () => {
    const reader = readEmploymentFile(fileOf("06019"), { fileName: "fresno.csv" });
    let count = 0;
    for await (const _row of reader) if (++count === 10) break;
    expect(reader.summary()).toMatchObject({ finished: false });
    expect(reader.summary().records).toBeLessThan(8184);
  });
});
