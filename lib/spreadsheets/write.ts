import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { escapeFormula } from "./escape";
import { MAX_CELL_CHARS } from "./limits";

// A table to download: one header per column, then rows of plain values.
// Cells are text or numbers only, so nothing can reach a file as a formula.
export type Cell = string | number | null;

export interface Column {
  header: string;
  /** Column width in characters, for the XLSX file. */
  width?: number;
}

export interface Table {
  sheetName: string;
  columns: Column[];
  rows: Cell[][];
}

export const SPREADSHEET_FORMATS = ["csv", "xlsx"] as const;
export type SpreadsheetFormat = (typeof SPREADSHEET_FORMATS)[number];

export const CONTENT_TYPES: Record<SpreadsheetFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

function csvCell(value: Cell): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  return escapeFormula(value);
}

// RFC 4180 CSV with a UTF-8 byte-order mark, so Excel opens accented names
// correctly; the importer strips the mark again.
export function toCsv(table: Table): string {
  const records = [table.columns.map((c) => csvCell(c.header)), ...table.rows.map((row) => row.map(csvCell))];
  return stringify(records, { bom: true, record_delimiter: "windows" });
}

// XML 1.0 cannot carry most control characters, even escaped; a cell holding
// one would make the whole workbook unreadable.
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function xlsxCell(value: Cell): string | number | null {
  if (value === null) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  // A plain string is written as a string cell (shared string), never as a
  // formula, whatever it starts with.
  return value.replace(XML_INVALID, "").slice(0, MAX_CELL_CHARS);
}

// Sheet names: at most 31 characters, none of : \ / ? * [ ].
export function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, " ").trim().slice(0, 31) || "Sheet1";
}

// One sheet per table; the first is the one an import reads back.
export async function toXlsx(...tables: [Table, ...Table[]]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Cluster Action Tracker";
  for (const table of tables) {
    const sheet = workbook.addWorksheet(sheetName(table.sheetName), { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = table.columns.map((c) => ({ header: xlsxCell(c.header) as string, width: c.width ?? 16 }));
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map(xlsxCell));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// `extra` sheets (notes, for instance) go into an XLSX file only: CSV has one table.
export async function renderTable(table: Table, format: SpreadsheetFormat, extra: Table[] = []): Promise<Uint8Array> {
  return format === "csv" ? new TextEncoder().encode(toCsv(table)) : new Uint8Array(await toXlsx(table, ...extra));
}
