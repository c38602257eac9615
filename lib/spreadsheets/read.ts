import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { AppError } from "@/lib/errors";
import { unescapeFormula } from "./escape";
import { formatMegabytes, MAX_CELL_CHARS, SPREADSHEET_LIMITS, type SpreadsheetLimits } from "./limits";
import type { SpreadsheetFormat } from "./write";
import { checkZipLimits, extractZip, isZip, listZipEntries, repack } from "./zip";

// Reads an uploaded CSV or XLSX file into rows of trimmed strings keyed by
// column. Headers are matched against an allowlist (case, spaces, "_" and "-"
// do not matter); an unknown or repeated header refuses the file, so a typo
// never silently drops a column and no header from the file ever becomes a
// property name (rows are Maps keyed by the allowlist's own keys).
//
// Every refusal of the whole file is an AppError("INVALID_INPUT") with the
// message under the "file" field. Values in cells without a header are
// reported per row as issues, for the caller's row-level error list.

export interface SheetColumn {
  key: string;
  header: string;
}

export interface SheetSpec {
  columns: readonly SheetColumn[];
  /** Headers that may be present (our own exports add them) and are skipped. */
  ignored?: readonly string[];
  /** Keys of the columns the file must have. */
  required?: readonly string[];
}

export interface SheetRow {
  /** The row number a spreadsheet program shows (the header is usually row 1). */
  rowNumber: number;
  cells: Map<string, string>;
}

export interface RowIssue {
  row: number;
  column: string;
  reason: string;
}

export interface SheetContent {
  format: SpreadsheetFormat;
  /** Keys of the allowlisted columns present in the file, in file order. */
  keys: string[];
  rows: SheetRow[];
  issues: RowIssue[];
}

interface GridRow {
  rowNumber: number;
  cells: string[];
  /** Cells that could not be read, by column index. */
  unreadable?: { index: number; reason: string }[];
}

function refuse(message: string): never {
  throw new AppError("INVALID_INPUT", message, { file: [message] });
}

const tooManyRows = (limits: SpreadsheetLimits) => `The file has more than ${limits.maxRows.toLocaleString("en-US")} rows; import at most ${limits.maxRows.toLocaleString("en-US")} at a time (split the file).`;

export async function readSpreadsheet(file: { name: string; bytes: Uint8Array }, spec: SheetSpec, limits: SpreadsheetLimits = SPREADSHEET_LIMITS): Promise<SheetContent> {
  if (file.bytes.length === 0) refuse("The file is empty.");
  if (file.bytes.length > limits.maxBytes) refuse(`The file is ${formatMegabytes(file.bytes.length)}; the limit is ${formatMegabytes(limits.maxBytes)}.`);
  const name = file.name.toLowerCase();
  const format: SpreadsheetFormat | null = name.endsWith(".csv") ? "csv" : name.endsWith(".xlsx") ? "xlsx" : null;
  if (!format) refuse(name.endsWith(".xls") ? "Old Excel .xls files cannot be read: save the sheet as .xlsx or as CSV UTF-8." : "Upload a .csv or .xlsx file.");
  const grid = format === "csv" ? readCsvGrid(file.bytes, limits) : await readXlsxGrid(file.bytes, limits);
  return mapColumns(format, grid, spec, limits);
}

// ---- CSV -------------------------------------------------------------------

function readCsvGrid(bytes: Uint8Array, limits: SpreadsheetLimits): GridRow[] {
  if (isZip(bytes)) refuse("This file is a zip archive, not CSV text. If it is an Excel workbook, its name must end in .xlsx.");
  let text: string;
  try {
    // fatal: refuse bytes that are not UTF-8 rather than guess an encoding. The
    // decoder drops a leading byte-order mark.
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    refuse("The file is not UTF-8 text. In Excel use Save As → “CSV UTF-8 (Comma delimited)”, or upload the .xlsx file instead.");
  }
  if (text.includes("\u0000")) refuse("The file holds binary data, not CSV text.");

  const grid: GridRow[] = [];
  try {
    parse(text, {
      bom: true,
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: true,
      // Counts rows as they are parsed and stops at the first one over the
      // limit, so an oversized file is never parsed to its end.
      on_record: (record, context) => {
        const cells = record.map((v) => unescapeFormula(v).trim());
        if (cells.every((v) => v === "")) return null;
        if (grid.length >= limits.maxRows + 1) throw new RowLimitError();
        // Like a spreadsheet program: each record is a row, blank lines too.
        grid.push({ rowNumber: context.records + context.empty_lines, cells });
        return null;
      },
    });
  } catch (error) {
    if (error instanceof RowLimitError) refuse(tooManyRows(limits));
    const message = error instanceof Error ? error.message.replace(/^[A-Za-z ]+: /, "") : "";
    refuse(`The CSV file cannot be read: ${message || "it is malformed"}. Check its quotes, or save it again from your spreadsheet program.`);
  }
  return grid;
}

class RowLimitError extends Error {}

// Excel writes ";" instead of "," in locales that use a decimal comma.
function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, Math.max(0, text.search(/\r?\n/)) || text.length);
  const count = (c: string) => firstLine.split(c).length - 1;
  const candidates = [",", ";", "\t"].map((c) => ({ c, n: count(c) }));
  return candidates.reduce((best, x) => (x.n > best.n ? x : best)).c;
}

// ---- XLSX ------------------------------------------------------------------

// The same pattern the workbook parser (exceljs) uses to find worksheets.
const WORKSHEET = /xl\/worksheets\/sheet\d+[.]xml/;
const ROW_OPEN = /<(?:[\w.-]+:)?row\b[^>]*?(\/?)>/g;
const ROW_CLOSE = /<\/(?:[\w.-]+:)?row>/g;
const HAS_VALUE = /<(?:[\w.-]+:)?(?:v|t)[\s>]/;

// Rows with at least one value in a worksheet's XML, counted by scanning the
// text (no XML parser), so the limit holds before the workbook is parsed.
export function countValueRows(xml: string): number {
  let count = 0;
  ROW_OPEN.lastIndex = 0;
  for (let m = ROW_OPEN.exec(xml); m; m = ROW_OPEN.exec(xml)) {
    if (m[1] === "/") continue;
    ROW_CLOSE.lastIndex = ROW_OPEN.lastIndex;
    const close = ROW_CLOSE.exec(xml);
    const end = close ? close.index : xml.length;
    if (HAS_VALUE.test(xml.slice(ROW_OPEN.lastIndex, end))) count++;
    ROW_OPEN.lastIndex = end;
  }
  return count;
}

async function readXlsxGrid(bytes: Uint8Array, limits: SpreadsheetLimits): Promise<GridRow[]> {
  const entries = listZipEntries(bytes);
  // Before inflating anything: a "__proto__" entry would become the
  // prototype of the unzipped files object.
  if (entries.some((e) => e.name === "__proto__")) refuse("This zip archive is not an Excel workbook.");
  checkZipLimits(bytes, entries, limits);
  const files = extractZip(bytes);
  if (!Object.hasOwn(files, "xl/workbook.xml")) refuse("This zip archive is not an Excel workbook.");
  const decoder = new TextDecoder();
  for (const [name, data] of Object.entries(files)) {
    if (WORKSHEET.test(name) && countValueRows(decoder.decode(data)) > limits.maxRows + 1) refuse(tooManyRows(limits));
  }

  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(repack(files)) as unknown as ExcelJS.Buffer);
  } catch {
    refuse("This XLSX file cannot be read as a workbook. Save it again from your spreadsheet program.");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) refuse("The workbook has no sheet.");

  const grid: GridRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    const unreadable: GridRow["unreadable"] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const text = cellText(cell.value, cell.numFmt);
      if (text === FORMULA_WITHOUT_VALUE) unreadable.push({ index: col - 1, reason: "holds a formula with no saved result; paste the values instead" });
      cells[col - 1] = text === FORMULA_WITHOUT_VALUE ? "" : text.trim();
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= "";
    if (cells.every((v) => v === "") && unreadable.length === 0) return;
    grid.push({ rowNumber, cells, unreadable });
  });
  if (grid.length > limits.maxRows + 1) refuse(tooManyRows(limits));
  return grid;
}

const FORMULA_WITHOUT_VALUE = "\u0000formula";

function cellText(value: ExcelJS.CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") {
    // A cell formatted as a percentage holds 0.45 for "45%".
    const shown = numFmt?.includes("%") ? value * 100 : value;
    return String(Number(shown.toPrecision(12)));
  }
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, 19) + "Z";
  }
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("error" in value) return value.error;
  if ("formula" in value || "sharedFormula" in value) {
    return value.result === undefined ? FORMULA_WITHOUT_VALUE : cellText(value.result as ExcelJS.CellValue, numFmt);
  }
  if ("hyperlink" in value) return typeof value.text === "string" ? value.text : cellText(value.text as ExcelJS.CellValue, numFmt);
  return "";
}

// ---- Headers ---------------------------------------------------------------

export function normalizeHeader(header: string): string {
  return header.normalize("NFKC").replace(/[\s_-]+/g, " ").trim().toLowerCase();
}

export function columnLetter(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const quote = (s: string) => `“${s.length > 60 ? `${s.slice(0, 60)}…` : s}”`;

function mapColumns(format: SpreadsheetFormat, grid: GridRow[], spec: SheetSpec, limits: SpreadsheetLimits): SheetContent {
  const [header, ...data] = grid;
  if (!header) refuse("The file has no rows: it needs a header row and at least one row of data.");
  if (data.length === 0) refuse("The file has a header row but no rows of data.");

  const byHeader = new Map(spec.columns.map((c) => [normalizeHeader(c.header), c]));
  const ignored = new Set((spec.ignored ?? []).map(normalizeHeader));
  const keyAt = new Map<number, string>();
  const skipped = new Set<number>();
  const allowed = spec.columns.map((c) => c.header).join(", ");
  header.cells.forEach((raw, i) => {
    const norm = normalizeHeader(raw);
    if (!norm) return;
    if (ignored.has(norm)) {
      skipped.add(i);
      return;
    }
    const column = byHeader.get(norm);
    if (!column) refuse(`Column ${columnLetter(i)} is headed ${quote(raw)}, which is not a column this import reads. The columns are: ${allowed}.`);
    if ([...keyAt.values()].includes(column.key)) refuse(`The column ${quote(column.header)} appears twice (column ${columnLetter(i)}).`);
    keyAt.set(i, column.key);
  });
  for (const key of spec.required ?? []) {
    if (![...keyAt.values()].includes(key)) refuse(`The file has no ${quote(spec.columns.find((c) => c.key === key)?.header ?? key)} column. Start from the template.`);
  }

  const headerOf = (key: string) => spec.columns.find((c) => c.key === key)?.header ?? key;
  const columnName = (i: number) => {
    const key = keyAt.get(i);
    return key ? headerOf(key) : `column ${columnLetter(i)}`;
  };
  if (header.unreadable?.length) refuse(`The header row ${header.unreadable[0]!.reason} (column ${columnLetter(header.unreadable[0]!.index)}).`);

  const rows: SheetRow[] = [];
  const issues: RowIssue[] = [];
  let chars = 0;
  for (const r of data) {
    const cells = new Map<string, string>();
    for (const [i, key] of keyAt) cells.set(key, r.cells[i] ?? "");
    const stray = r.cells.flatMap((v, i) => (v !== "" && !keyAt.has(i) && !skipped.has(i) ? [i] : []));
    const unreadable = (r.unreadable ?? []).filter((u) => !skipped.has(u.index));
    if ([...cells.values()].every((v) => v === "") && stray.length === 0 && unreadable.length === 0) continue;
    for (const i of stray) issues.push({ row: r.rowNumber, column: columnName(i), reason: "has a value but no header, so it would be lost; give the column a header or clear the cell" });
    for (const u of unreadable) issues.push({ row: r.rowNumber, column: columnName(u.index), reason: u.reason });
    for (const [key, v] of cells) {
      chars += v.length;
      if (v.length > MAX_CELL_CHARS) issues.push({ row: r.rowNumber, column: headerOf(key), reason: `is longer than ${MAX_CELL_CHARS.toLocaleString("en-US")} characters` });
    }
    if (chars > limits.maxTextChars) refuse("The file holds more text than one import may take; split it into smaller files.");
    rows.push({ rowNumber: r.rowNumber, cells });
  }
  if (rows.length === 0) refuse("The file has a header row but no rows of data.");
  if (rows.length > limits.maxRows) refuse(tooManyRows(limits));
  return { format, keys: [...keyAt.values()], rows, issues };
}
