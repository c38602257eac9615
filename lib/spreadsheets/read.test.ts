import { unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { csvFile, xlsxFile, zipBomb, type UploadedFile } from "@/lib/test/spreadsheets";
import { SPREADSHEET_LIMITS } from "./limits";
import { columnLetter, countValueRows, normalizeHeader, readSpreadsheet, type SheetSpec } from "./read";
import { toCsv } from "./write";
import { extractZip, repack } from "./zip";

const spec: SheetSpec = {
  columns: [
    { key: "code", header: "Code" },
    { key: "title", header: "Title" },
    { key: "startDate", header: "Start date" },
    { key: "percent", header: "Percent complete" },
  ],
  ignored: ["Status"],
  required: ["code"],
};

async function refusal(file: UploadedFile, limits = SPREADSHEET_LIMITS): Promise<string> {
  try {
    await readSpreadsheet(file, spec, limits);
  } catch (e) {
    if (e instanceof AppError && e.code === "INVALID_INPUT") {
      expect(e.fieldErrors?.file).toEqual([e.message]);
      return e.message;
    }
    throw e;
  }
  throw new Error("the file was accepted");
}

const plain = (rows: { rowNumber: number; cells: Map<string, string> }[]) => rows.map((r) => ({ row: r.rowNumber, ...Object.fromEntries(r.cells) }));

describe("reading CSV", () => {
  it("reads rows keyed by column, whatever the header's case and spacing, without the BOM", async () => {
    const file = csvFile('\uFEFFcode, TITLE ,Start_Date,status\r\nEN-1,"Solar, wind\nand more",2026-01-31,On track\r\n\r\n,,,\r\n  EN-2  ,Plain,,\r\n');
    const sheet = await readSpreadsheet(file, spec);
    expect(sheet.format).toBe("csv");
    expect(sheet.keys).toEqual(["code", "title", "startDate"]);
    // Rows are numbered as a spreadsheet shows them: the blank line and the empty row count.
    expect(plain(sheet.rows)).toEqual([
      { row: 2, code: "EN-1", title: "Solar, wind\nand more", startDate: "2026-01-31" },
      { row: 5, code: "EN-2", title: "Plain", startDate: "" },
    ]);
    expect(sheet.issues).toEqual([]);
  });

  it("reads semicolon-separated files as Excel writes them in some locales", async () => {
    const sheet = await readSpreadsheet(csvFile("Code;Title\nEN-1;A, B\n"), spec);
    expect(plain(sheet.rows)).toEqual([{ row: 2, code: "EN-1", title: "A, B" }]);
  });

  it("reads cells our own downloads escaped against formulas back as the text they were", async () => {
    const file = csvFile(toCsv({ sheetName: "x", columns: [{ header: "Code" }, { header: "Title" }], rows: [["EN-1", "=1+2"], ["EN-2", "-3 jobs"], ["EN-3", "'quoted"]] }));
    const sheet = await readSpreadsheet(file, spec);
    expect(sheet.rows.map((r) => r.cells.get("title"))).toEqual(["=1+2", "-3 jobs", "'quoted"]);
  });

  it("reports a value under no header as a row issue", async () => {
    const sheet = await readSpreadsheet(csvFile("Code,Title\nEN-1,A,stray\n"), spec);
    expect(sheet.issues).toEqual([{ row: 2, column: "column C", reason: expect.stringMatching(/no header/) }]);
  });

  it("refuses a file that is not UTF-8", async () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode("Code,Title\nEN-1,Caf"), 0xe9, 0x0a]);
    expect(await refusal({ name: "old.csv", bytes: latin1 })).toMatch(/not UTF-8 text.*CSV UTF-8/);
    const utf16 = new Uint8Array([0xff, 0xfe, 0x43, 0x00, 0x6f, 0x00]);
    expect(await refusal({ name: "u16.csv", bytes: utf16 })).toMatch(/not UTF-8/);
  });

  it("refuses an empty file, a header with no rows, and malformed quoting", async () => {
    expect(await refusal(csvFile(""))).toMatch(/empty/);
    expect(await refusal(csvFile("\n\n"))).toMatch(/no rows/);
    expect(await refusal(csvFile("Code,Title\n"))).toMatch(/no rows of data/);
    expect(await refusal(csvFile('Code,Title\nEN-1,"unclosed\n'))).toMatch(/cannot be read: .*opening quote at line 2/);
  });

  it("refuses unknown, repeated and missing columns, __proto__ and constructor included", async () => {
    expect(await refusal(csvFile("Code,__proto__\nEN-1,x\n"))).toMatch(/Column B is headed “__proto__”, which is not a column this import reads\. The columns are: Code, Title, Start date, Percent complete\./);
    expect(await refusal(csvFile("Code,constructor\nEN-1,x\n"))).toMatch(/“constructor”, which is not a column/);
    expect(await refusal(csvFile("Code,Title,title\nEN-1,a,b\n"))).toMatch(/“Title” appears twice \(column C\)/);
    expect(await refusal(csvFile("Title\nA\n"))).toMatch(/no “Code” column/);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("x");
  });

  it("refuses a file over the size limit before reading it", async () => {
    // The size is checked first: these would otherwise be refused as binary data, or as no zip.
    expect(await refusal({ name: "big.csv", bytes: new Uint8Array(SPREADSHEET_LIMITS.maxBytes + 1) })).toBe("The file is 5.1 MB; the limit is 5 MB.");
    expect(await refusal({ name: "big.xlsx", bytes: new Uint8Array(6 * 1024 * 1024) })).toBe("The file is 6 MB; the limit is 5 MB.");
  });

  it("stops at the first row over the row limit", async () => {
    const limits = { ...SPREADSHEET_LIMITS, maxRows: 10 };
    const ok = await readSpreadsheet(csvFile(`Code\n${"EN-1\n".repeat(10)}`), spec, limits);
    expect(ok.rows).toHaveLength(10);
    expect(await refusal(csvFile(`Code\n${"EN-1\n".repeat(11)}`), limits)).toMatch(/more than 10 rows/);
  });

  it("refuses other file types by name, and a zip named .csv", async () => {
    expect(await refusal(csvFile("Code\nA\n", "sheet.txt"))).toBe("Upload a .csv or .xlsx file.");
    expect(await refusal(csvFile("Code\nA\n", "sheet.xls"))).toMatch(/\.xls files cannot be read/);
    expect(await refusal({ name: "sheet.csv", bytes: (await xlsxFile([["Code"], ["A"]])).bytes })).toMatch(/zip archive, not CSV/);
  });
});

describe("reading XLSX", () => {
  it("reads text, numbers, percentages, dates, formulas and rich text as strings", async () => {
    const file = await xlsxFile(
      [
        ["Code", "Title", "Start date", "Percent complete", "Status"],
        ["EN-1", { richText: [{ text: "Solar " }, { text: "pilot", font: { bold: true } }] }, new Date(Date.UTC(2026, 2, 31)), 0.45, "ignored"],
        [{ formula: '"EN-"&2', result: "EN-2" }, 42, "2026-04-01", 60],
        [],
        ["EN-3", "=not a formula, a string", null, 7.5],
      ],
      "plan.XLSX",
      (sheet) => {
        sheet.getCell("D2").numFmt = "0%";
      },
    );
    const sheet = await readSpreadsheet(file, spec);
    expect(sheet.format).toBe("xlsx");
    expect(plain(sheet.rows)).toEqual([
      { row: 2, code: "EN-1", title: "Solar pilot", startDate: "2026-03-31", percent: "45" },
      { row: 3, code: "EN-2", title: "42", startDate: "2026-04-01", percent: "60" },
      { row: 5, code: "EN-3", title: "=not a formula, a string", startDate: "", percent: "7.5" },
    ]);
    expect(sheet.issues).toEqual([]);
  });

  it("reports a formula with no saved result instead of reading it as empty", async () => {
    const sheet = await readSpreadsheet(await xlsxFile([["Code", "Title"], ["EN-1", { formula: "A1&A1" }]]), spec);
    expect(sheet.issues).toEqual([{ row: 2, column: "Title", reason: expect.stringMatching(/formula with no saved result/) }]);
  });

  it("refuses a zip bomb by its declared size, before inflating it", { timeout: 30_000 }, async () => {
    expect(await refusal(zipBomb(60 * 1024 * 1024))).toMatch(/expands to 60.1 MB, more than the 50 MB.*zip bomb/);
  });

  it("refuses an archive that expands too many times its size", { timeout: 30_000 }, async () => {
    expect(await refusal(zipBomb(20 * 1024 * 1024))).toMatch(/expands \d+ times its size.*zip bomb/);
  });

  it("never inflates past the declared size when the directory understates it", { timeout: 30_000 }, async () => {
    // A real workbook whose sheet holds more rows than the limit allows...
    const rows = [["Code"], ...Array.from({ length: 6_000 }, (_, i) => [`EN-${i}`])];
    const { bytes } = await xlsxFile(rows, "liar.xlsx");
    const realSize = unzipSync(bytes)["xl/worksheets/sheet1.xml"]!.length;
    // ...and a directory that says the sheet is 1,000 bytes (local header and central directory).
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let patched = 0;
    for (let i = 0; i + 30 < bytes.length; i++) {
      const sig = view.getUint32(i, true);
      // The uncompressed size sits 22 bytes into a local header, 24 into a directory entry.
      const at = sig === 0x04034b50 ? i + 22 : sig === 0x02014b50 ? i + 24 : -1;
      if (at >= 0 && view.getUint32(at, true) === realSize) {
        view.setUint32(at, 1_000, true);
        patched++;
      }
    }
    expect(patched).toBe(2);
    // What the workbook parser is handed holds only the declared 1,000 bytes...
    const handedOver = unzipSync(repack(extractZip(bytes)));
    expect(handedOver["xl/worksheets/sheet1.xml"]).toHaveLength(1_000);
    // ...which are not a whole sheet, so the file is refused.
    expect(await refusal({ name: "liar.xlsx", bytes })).toMatch(/cannot be read as a workbook/);
  });

  it("refuses what is not a zip, a zip that is not a workbook, and a __proto__ entry", async () => {
    expect(await refusal(csvFile("Code\nA\n", "fake.xlsx"))).toMatch(/not an XLSX file/);
    expect(await refusal({ name: "other.xlsx", bytes: zipSync({ "readme.txt": new Uint8Array(10) }) })).toMatch(/not an Excel workbook/);
    // An entry named "__proto__" would set the prototype of the unzipped files object.
    const hostile = zipSync({ "xl/workbook.xml": new Uint8Array(1), "AAproto__": new Uint8Array(5) });
    const name = new TextEncoder().encode("AAproto__");
    for (let i = 0; i + name.length <= hostile.length; i++) {
      if (name.every((b, j) => hostile[i + j] === b)) hostile.set(new TextEncoder().encode("__proto__"), i);
    }
    expect(await refusal({ name: "proto.xlsx", bytes: hostile })).toMatch(/not an Excel workbook/);
  });

  it("counts rows in the sheet XML before parsing and refuses too many", async () => {
    const limits = { ...SPREADSHEET_LIMITS, maxRows: 5 };
    const rows = [["Code"], ...Array.from({ length: 6 }, (_, i) => [`EN-${i}`])];
    expect(await refusal(await xlsxFile(rows), limits)).toMatch(/more than 5 rows/);
    expect((await readSpreadsheet(await xlsxFile(rows.slice(0, 6)), spec, limits)).rows).toHaveLength(5);
  });
});

describe("helpers", () => {
  it("counts only rows holding a value", () => {
    const xml = '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"/><row r="3"><c r="A3" s="1"/></row><x:row r="4"><x:c t="inlineStr"><x:is><x:t>a&gt;row></x:t></x:is></x:c></x:row></sheetData>';
    expect(countValueRows(xml)).toBe(2);
  });

  it("names columns as a spreadsheet does and normalizes headers", () => {
    expect([0, 25, 26, 701, 702].map(columnLetter)).toEqual(["A", "Z", "AA", "ZZ", "AAA"]);
    expect(normalizeHeader("  Work_group-KEY ")).toBe("work group key");
  });
});
