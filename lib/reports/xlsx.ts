import ExcelJS from "exceljs";
import { unzipSync, zipSync, type Zippable } from "fflate";
import { sheetName, xlsxCell } from "@/lib/spreadsheets/write";
import { documentTables, type ReportCell, type ReportColumn, type ReportDocument, type ReportTable } from "./document";

// The data behind every table of the report (issue #6) as an XLSX workbook:
// an "About" sheet saying which report and edition it is and listing the
// other sheets, then one sheet per table of the document, in reading order.
// Values are typed: counts, percents (0–100) and numbers are numbers, text is
// a string cell (never a formula, whatever it starts with). A count with its
// change ("5 (+1)" in the PDF) becomes two numeric columns.

const DATE_FORMAT = "yyyy-mm-dd hh:mm";

/** One output column per column, two for a count (the figure and its change). */
interface OutColumn {
  header: string;
  width: number;
  value: (cell: ReportCell) => string | number | null;
}

function outColumns(columns: ReportColumn[]): OutColumn[] {
  return columns.flatMap((c): OutColumn[] => {
    // The counts table's row labels have no header on the page; a sheet needs one.
    const label = c.label || "Group";
    switch (c.kind) {
      case "count":
        return [
          { header: label, width: 12, value: (cell) => (cell !== null && typeof cell === "object" ? cell.n : xlsxCell(cell)) },
          { header: `${label}, change`, width: 12, value: (cell) => (cell !== null && typeof cell === "object" ? cell.delta : null) },
        ];
      case "percent":
        return [{ header: label.includes("%") ? label : `${label} (%)`, width: 14, value: plain }];
      case "number":
        return [{ header: label, width: 12, value: plain }];
      case "text":
        return [{ header: label, width: Math.min(80, Math.round(12 * (c.width ?? 1)) + 4), value: plain }];
    }
  });
}

const plain = (cell: ReportCell) => (cell !== null && typeof cell === "object" ? cell.n : xlsxCell(cell));

/** Sheet names from table ids: at most 31 characters and unique, ignoring case (as Excel compares them). */
function uniqueNames(tables: ReportTable[]): string[] {
  const taken = new Set(["about"]);
  return tables.map((t) => {
    const base = sheetName(t.id);
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)}~${n}`;
    taken.add(name.toLowerCase());
    return name;
  });
}

function aboutSheet(workbook: ExcelJS.Workbook, doc: ReportDocument, tables: ReportTable[], names: string[]) {
  const sheet = workbook.addWorksheet("About");
  sheet.columns = [{ width: 22 }, { width: 80 }];
  sheet.addRow([xlsxCell(doc.title)]).font = { bold: true, size: 14 };
  sheet.addRow([]);
  const field = (label: string, value: string | number | Date | null) => {
    const row = sheet.addRow([label, value instanceof Date ? value : xlsxCell(value)]);
    row.getCell(1).font = { bold: true };
    if (value instanceof Date) row.getCell(2).numFmt = DATE_FORMAT;
    row.getCell(2).alignment = { horizontal: "left", wrapText: true };
  };
  field("Plan", doc.planTitle);
  field("Region", doc.region);
  field("Reporting period", doc.periodLabel);
  field("Edition", doc.edition);
  field("Published (UTC)", doc.publishedAt ? new Date(doc.publishedAt) : "Draft (not published)");
  field("Change note", doc.changeNote);
  field("Figures compiled (UTC)", new Date(doc.compiledAt));
  sheet.addRow([]);
  const head = sheet.addRow(["Sheet", "Table"]);
  head.font = { bold: true };
  tables.forEach((t, i) => sheet.addRow([names[i]!, xlsxCell(t.caption)]));
}

function tableSheet(workbook: ExcelJS.Workbook, table: ReportTable, name: string) {
  const columns = outColumns(table.columns);
  // Caption in row 1, header in row 2: both stay in view when scrolling.
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 2 }] });
  sheet.columns = columns.map((c) => ({ width: c.width }));
  sheet.addRow([xlsxCell(table.caption)]).font = { bold: true };
  sheet.addRow(columns.map((c) => xlsxCell(c.header))).font = { bold: true };
  for (const row of table.rows) {
    const values: (string | number | null)[] = [];
    let at = 0;
    table.columns.forEach((col, i) => {
      const cell = row[i] ?? null;
      const n = col.kind === "count" ? 2 : 1;
      for (let k = 0; k < n; k++) values.push(columns[at + k]!.value(cell));
      at += n;
    });
    sheet.addRow(values);
  }
  if (table.rows.length === 0) sheet.addRow([xlsxCell(table.empty || "No rows.")]).font = { italic: true };
}

// exceljs stamps every file in the zip with the time of writing; re-packing
// the entries with the report's own date makes the same report give the same
// bytes (the entries, their order and their contents are unchanged).
function stampZip(bytes: Uint8Array, date: Date): Buffer {
  const entries = unzipSync(bytes);
  const out: Zippable = {};
  for (const [name, data] of Object.entries(entries)) out[name] = [data, { mtime: date }];
  return Buffer.from(zipSync(out, { level: 6 }));
}

export async function renderReportXlsx(doc: ReportDocument): Promise<Buffer> {
  const date = new Date(doc.publishedAt ?? doc.compiledAt);
  const tables = documentTables(doc);
  const names = uniqueNames(tables);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Cluster Action Tracker";
  workbook.lastModifiedBy = "Cluster Action Tracker";
  workbook.title = doc.title;
  workbook.created = date;
  workbook.modified = date;
  aboutSheet(workbook, doc, tables, names);
  tables.forEach((t, i) => tableSheet(workbook, t, names[i]!));
  return stampZip(new Uint8Array(await workbook.xlsx.writeBuffer()), date);
}
