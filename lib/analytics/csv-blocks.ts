import type { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { CsvError } from "csv-parse";
import { parse as parseSync } from "csv-parse/sync";
import { initParser, type Parser } from "udsv";

// CSV records with exact line numbers, fast. udsv parses about five times as
// fast as csv-parse, but it knows nothing of lines, pads a short row with ""
// instead of refusing it, and drops a last row that is cut short. So the
// input is cut into blocks of whole lines (a read chunk each, 64 KiB for files) and every block
// is parsed by udsv, then checked: one record per line, every record as wide
// as the header, the last value neither empty (a padded short row looks like
// that) nor holding a comma (udsv puts extra values there). A block that
// passes has record i on line first + i. A block that does not (an empty
// line, a quoted value spanning lines, a short or long row, a cut-off end) is
// parsed again by csv-parse, which numbers lines itself and refuses a bad row
// exactly as it always has: the fast path never decides anything the careful
// one would decide differently, it only skips it on well-formed lines.
// BLS files are all well-formed, so they take the fast path throughout.

export interface CsvBlock {
  rows: string[][];
  /** The line of each row (the header is line 1), or null: row i is on line firstLine + i. */
  lines: number[] | null;
  firstLine: number;
  /** Input bytes before and after the block, for progress. */
  bytesBefore: number;
  bytesAfter: number;
}

// A "line" this long without a line end is not CSV; stop before it fills memory.
const MAX_PENDING_CHARS = 64 << 20;

const CSV_PARSE_OPTIONS = { bom: true, skip_empty_lines: true } as const;

/**
 * Yields the header as a block of one row, then the data rows, block by block;
 * throws csv-parse's CsvError (lines as in the file). onBytes sees every chunk
 * of the input as it is read (the importer hashes the file on the way).
 */
export async function* readCsvBlocks(source: Readable, onBytes?: (chunk: Buffer) => void): AsyncGenerator<CsvBlock> {
  const decoder = new StringDecoder("utf8");
  let pending = "";
  let line = 1; // the line pending starts on
  let bytes = 0;
  let bytesBefore = 0;
  let header: { text: string; parser: Parser; width: number } | null = null;

  // Takes the header off pending once its line is complete (or the input has ended).
  const takeHeader = (ended: boolean): CsvBlock | null => {
    pending = pending.replace(/^\uFEFF/, "");
    for (;;) {
      const end = pending.indexOf("\n");
      if (end < 0 && !ended) return null;
      const text = end < 0 ? pending : pending.slice(0, end + 1);
      pending = end < 0 ? "" : pending.slice(end + 1);
      if (text.trim() === "") {
        if (end < 0) return null;
        line++; // csv-parse skips empty lines; so do we, counting them
        continue;
      }
      const rows = parseWithLines(text, "", line);
      const names = rows.rows[0]!;
      const rowDelimiter = text.endsWith("\r\n") ? "\r\n" : "\n";
      const parser = initParser({ col: ",", row: rowDelimiter, encl: '"', esc: '"', trim: false, cols: names.map((name) => ({ name, type: "s", repl: { empty: "", null: undefined, NaN: undefined } })) });
      header = { text: text.endsWith("\n") ? text : `${text}\n`, parser, width: names.length };
      const block: CsvBlock = { rows: [names], lines: null, firstLine: line, bytesBefore, bytesAfter: bytes };
      line++;
      return block;
    }
  };

  // Parses whole lines: fast when they pass the checks, else carefully. Returns null if a quoted value runs past the text's end.
  const parseLines = (text: string, ended: boolean): CsvBlock | null => {
    const h = header!;
    const expected = countLines(text, ended);
    const rows: string[][] = [];
    h.parser.stringArrs(text, (row) => {
      rows.push(row);
    });
    const block: CsvBlock = { rows, lines: null, firstLine: line, bytesBefore, bytesAfter: bytes };
    if (rows.length !== expected || !rows.every((row) => isWellFormed(row, h.width))) {
      try {
        Object.assign(block, parseWithLines(text, h.text, line));
      } catch (error) {
        if (!ended && error instanceof CsvError && error.code === "CSV_QUOTE_NOT_CLOSED") return null;
        throw error;
      }
    }
    line += countNewlines(text);
    return block;
  };

  // Everything pending that can be parsed now: the header first, then the whole lines (all of it once the input has ended).
  function* drain(ended: boolean): Generator<CsvBlock> {
    if (header === null) {
      const block = takeHeader(ended);
      if (block === null) return;
      yield block;
    }
    const cut = ended ? pending.length : pending.lastIndexOf("\n") + 1;
    if (cut === 0) return;
    const block = parseLines(pending.slice(0, cut), ended);
    if (block === null) return; // a quoted value runs on: wait for more input, then parse again from the same line
    pending = pending.slice(cut);
    bytesBefore = bytes;
    yield block;
  }

  for await (const chunk of source) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    onBytes?.(buffer);
    bytes += buffer.length;
    pending += typeof chunk === "string" ? chunk : decoder.write(buffer);
    yield* drain(false);
    if (pending.length > MAX_PENDING_CHARS) throw tooLong(line);
  }
  pending += decoder.end();
  yield* drain(true);
}

// The records a block must hold: one per line end, plus the last line if the input ends without one.
function countLines(text: string, ended: boolean): number {
  const newlines = countNewlines(text);
  return ended && !text.endsWith("\n") && text !== "" ? newlines + 1 : newlines;
}

function countNewlines(text: string): number {
  let count = 0;
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) count++;
  return count;
}

function isWellFormed(row: string[], width: number): boolean {
  if (row.length !== width) return false;
  const last = row[width - 1]!;
  return last !== "" && !last.includes(",") && !last.endsWith("\r");
}

// csv-parse over the header line and the text, so it checks every row's width
// against the header's; its line numbers are moved to where the text starts.
function parseWithLines(text: string, headerText: string, firstLine: number): Pick<CsvBlock, "rows" | "lines"> {
  const shift = firstLine - (headerText === "" ? 1 : 2);
  const rows: string[][] = [];
  const lines: number[] = [];
  try {
    parseSync(headerText + text, {
      ...CSV_PARSE_OPTIONS,
      on_record: (record: string[], context) => {
        rows.push(record);
        lines.push(context.lines + shift);
        return null;
      },
    });
  } catch (error) {
    if (error instanceof CsvError) error.lines = (typeof error.lines === "number" ? error.lines : 0) + shift;
    throw error;
  }
  if (headerText !== "") {
    rows.shift();
    lines.shift();
  }
  return { rows, lines };
}

function tooLong(line: number): CsvError {
  return new CsvError("CSV_MAX_RECORD_SIZE", "no line end in 64 MiB", undefined, { lines: line });
}
