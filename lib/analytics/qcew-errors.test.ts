import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { afterAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { EmploymentFileError } from "./qcew-errors";
import { readEmploymentFile } from "./qcew-reader";
import { qcew2016SjvFiles } from "@/lib/test/qcew-files";

// Every refusal names the file, the line (the header is line 1) and, where
// there is one, the column, both in the message and as data.

const FRESNO = qcew2016SjvFiles()[0]!;
const LINES = fs.readFileSync(FRESNO, "utf8").split("\r\n");
const HEADER = LINES[0]!;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "qcew-errors-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function refusal(input: string | Readable, fileName = "upload.csv"): Promise<EmploymentFileError> {
  try {
    for await (const _row of readEmploymentFile(input, { fileName })) {
      // drain
    }
  } catch (error) {
    expect(error).toBeInstanceOf(EmploymentFileError);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("INVALID_INPUT");
    return error as EmploymentFileError;
  }
  throw new Error("the file was accepted");
}

// The real header and five real rows, with data row `index` (1-based) changed in one column.
function quarterlyWith(index: number, column: string, value: string): Readable {
  const [header, ...rows] = parse(LINES.slice(0, 6).join("\r\n")) as string[][];
  const row = rows[index - 1]!;
  row[header!.indexOf(column)] = value;
  return Readable.from([stringify([header!, ...rows], { record_delimiter: "windows" })]);
}

describe("refused headers", () => {
  it("an unknown header names the file and line 1", async () => {
    const error = await refusal(Readable.from(["name,value\nx,1\n"]), "prices.csv");
    expect(error.message).toMatch(/^prices\.csv, line 1: the header is not one of/);
    expect(error.position).toEqual({ file: "prices.csv", line: 1 });
  });

  it("a missing required column is named", async () => {
    const header = HEADER.replace(`"month2_emplvl",`, "");
    const error = await refusal(Readable.from([`${header}\r\n`]), "q.csv");
    expect(error.message).toContain(`q.csv, line 1, column "month2_emplvl": missing column "month2_emplvl"`);
    expect(error.position).toEqual({ file: "q.csv", line: 1, column: "month2_emplvl" });
  });

  it("a column foreign to the layout is named", async () => {
    const error = await refusal(Readable.from(["area,naics,year,employment,establishments,total_wages,notes\n"]), "g.csv");
    expect(error.message).toContain(`g.csv, line 1, column "notes": unknown column for a generic employment CSV`);
  });

  it("an empty file is refused", async () => {
    const error = await refusal(Readable.from([""]), "empty.csv");
    expect(error.message).toBe("empty.csv, line 1: the file is empty: there is no header row");
  });
});

describe("refused values", () => {
  it("text in a number column: file, line, column and value", async () => {
    const error = await refusal(quarterlyWith(3, "month1_emplvl", "12a"), "fresno.csv");
    expect(error.message).toBe(`fresno.csv, line 4, column "month1_emplvl": "12a" is not a whole number`);
    expect(error.position).toEqual({ file: "fresno.csv", line: 4, column: "month1_emplvl" });
  });

  it("a bad quarter, area, year, ownership or disclosure code", async () => {
    const cases: [string, string, RegExp][] = [
      ["qtr", "5", /line 3, column "qtr": "5" is not a quarter: expected 1, 2, 3 or 4/],
      ["qtr", "A", /line 3, column "qtr": "A" is not a quarter/],
      ["area_fips", "6019", /line 3, column "area_fips": "6019" is not a BLS area code/],
      ["year", "16", /line 3, column "year": "16" is not a year/],
      ["own_code", "7", /line 3, column "own_code": "7" is not an ownership code/],
      ["disclosure_code", "D", /line 3, column "disclosure_code": "D" is not a disclosure code/],
      ["industry_code", "", /line 3, column "industry_code": "" is not an industry code/],
    ];
    for (const [column, value, message] of cases) {
      const error = await refusal(quarterlyWith(2, column, value), "f.csv");
      expect(error.message).toMatch(message);
      expect(error.position).toEqual({ file: "f.csv", line: 3, column });
    }
  });

  it("a generic file's annual-only value in a quarter column", async () => {
    const error = await refusal(Readable.from(["area,naics,year,quarter,employment,establishments,total_wages\n06019,10,2020,Q1,1,1,1\n"]), "g.csv");
    expect(error.message).toBe(`g.csv, line 2, column "quarter": "Q1" is not a quarter: expected 1, 2, 3, 4, or empty or "A" for a whole year`);
  });
});

describe("truncated files", () => {
  // The real Fresno file cut in the middle of its line 101.
  function cutAt(offsetInLine: (line: string) => number): string {
    const before = LINES.slice(0, 100).join("\r\n") + "\r\n";
    const file = path.join(tmp, "cut.csv");
    fs.writeFileSync(file, before + LINES[100]!.slice(0, offsetInLine(LINES[100]!)));
    return file;
  }

  it("a last line with fewer values than the header names the line and the first missing column", async () => {
    // Cut one digit into avg_wkly_wage, the 21st value; the 27 values from there on hold no comma.
    const file = cutAt((line) => line.split(",").slice(0, -27).join(",").length + 2);
    const error = await refusal(file, "fresno.csv");
    expect(error.message).toBe(`fresno.csv, line 101, column "lq_disclosure_code": the line has 21 values but the header has 47: the file looks cut short or the line is damaged`);
  });

  it("an unterminated quote names the line", async () => {
    const file = cutAt((line) => line.indexOf("Fresno") + 3);
    const error = await refusal(file, "fresno.csv");
    expect(error.message).toMatch(/^fresno\.csv, line 101, column "area_title": a quoted value is never closed: the file looks cut short$/);
  });
});

it("a file that does not exist is NOT_FOUND", async () => {
  const reader = readEmploymentFile(path.join(tmp, "nope.csv"), { fileName: "nope.csv" });
  await expect(reader[Symbol.asyncIterator]().next()).rejects.toMatchObject({ code: "NOT_FOUND", message: "nope.csv: the file does not exist" });
});
