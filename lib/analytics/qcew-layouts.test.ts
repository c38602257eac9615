import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { readEmploymentFile, type EmploymentRow } from "./qcew-reader";
import { writeSyntheticAnnualFile } from "./qcew-synthetic";

const ANNUAL_FIXTURE = path.join(import.meta.dirname, "fixtures", "qcew-annual-sample.csv");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "qcew-layouts-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function readText(text: string, fileName = "upload.csv") {
  const reader = readEmploymentFile(Readable.from([text]), { fileName });
  const rows: EmploymentRow[] = [];
  for await (const row of reader) rows.push(row);
  return { rows, records: rows.map((row) => row.record), summary: reader.summary() };
}

describe("the BLS annual layout", () => {
  it("reads the hand-written fixture: annual figures, suppression, skipped size and aggregate rows", async () => {
    const { records, summary } = await readText(fs.readFileSync(ANNUAL_FIXTURE, "utf8"), "annual.csv");
    expect(summary).toMatchObject({ layout: "bls-annual", rowsRead: 7, records: 5, suppressed: 1, emptyRows: 1 });
    expect(summary.skipped).toEqual([
      { reason: "size-class", description: expect.stringContaining("size_code"), count: 1, firstLine: 5 },
      { reason: "aggregate-ownership", description: expect.stringContaining("own_code 8"), count: 1, firstLine: 6 },
    ]);
    expect(records[0]).toEqual({ area: "06019", ownership: 0, industry: "10", level: 70, year: 2016, quarter: null, disclosed: true, establishments: 33150, months: null, annualEmployment: 370512, wages: 15101234567 });
    expect(records[1]).toMatchObject({ industry: "1111", disclosed: false, establishments: 14, annualEmployment: 0, wages: 0 });
    expect(records[2]).toMatchObject({ industry: "111333", disclosed: true, establishments: 0, annualEmployment: 0 });
    expect(records.map((record) => record.area)).toEqual(["06019", "06019", "06019", "US000", "C2342"]);
    expect(summary.areaTitles.get("C2342")).toBe("Fresno, CA MSA");
    expect(summary.industryTitles.get("111333")).toBe("Strawberry farming");
  });

  it("reads a synthetic national file, in current and pre-2017 column names, with and without titles", async () => {
    for (const variant of [{}, { legacyNames: true }, { titles: false }]) {
      const file = path.join(tmp, "synthetic.csv");
      await writeSyntheticAnnualFile(file, { rows: 3000, ...variant });
      const reader = readEmploymentFile(file, { fileName: "synthetic.csv" });
      let count = 0;
      for await (const { record } of reader) {
        count++;
        expect(record.quarter).toBeNull();
      }
      const summary = reader.summary();
      expect(count).toBe(3000);
      expect(summary).toMatchObject({ layout: "bls-annual", rowsRead: 3000, skipped: [] });
      expect(summary.suppressed).toBeGreaterThan(500);
      expect(summary.areaTitles.size > 0).toBe(!("titles" in variant));
    }
  });
});

describe("the generic layout", () => {
  const header = "Area,NAICS,Year,Quarter,Employment,Establishments,Total_Wages,Area_Title";

  it("reads annual rows (empty quarter) and quarterly rows (the figure in each month), case-insensitive, trimmed", async () => {
    const { records, summary } = await readText([header, "06019, 3254, 2021, , 1200, 14, 98000000, Fresno County", "06019,3254,2021,2,1150,14,24000000,"].join("\n"), "mine.csv");
    expect(summary).toMatchObject({ layout: "generic", records: 2, suppressed: 0 });
    expect(records).toEqual([
      { area: "06019", ownership: 0, industry: "3254", level: null, year: 2021, quarter: null, disclosed: true, establishments: 14, months: null, annualEmployment: 1200, wages: 98000000 },
      { area: "06019", ownership: 0, industry: "3254", level: null, year: 2021, quarter: 2, disclosed: true, establishments: 14, months: [1150, 1150, 1150], annualEmployment: null, wages: 24000000 },
    ]);
    expect(summary.areaTitles.get("06019")).toBe("Fresno County");
  });

  it("takes a file without the quarter column as annual", async () => {
    const { records } = await readText("area,naics,year,employment,establishments,total_wages\r\n06019,10,2020,350000,33000,16000000000\r\n");
    expect(records[0]).toMatchObject({ quarter: null, annualEmployment: 350000, months: null });
  });
});
