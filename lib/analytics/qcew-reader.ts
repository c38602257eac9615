import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { pipeline, type Readable } from "node:stream";
import { CsvError, parse, type InfoRecord, type Options } from "csv-parse";
import { AppError } from "@/lib/errors";
import { EmploymentFileError } from "./qcew-errors";
import type { CellContext } from "./qcew-fields";
import { detectLayout, type LayoutName } from "./qcew-layouts";
import { ProgressThrottle, type ReadProgress } from "./qcew-progress";
import { makeRowReader, SKIP_REASONS, type RowReader, type RowSink, type SkipReason } from "./qcew-rows";
import type { EmploymentRecord, RecordSource } from "./types";

// Streams an employment file (BLS QCEW quarterly or annual CSV, or the generic
// CSV; see qcew-layouts.ts) as records, one at a time, in bounded memory: the
// file is read in 1 MiB chunks through csv-parse, and the next chunk is read
// only as the consumer takes records (stream backpressure), so a 900 MB
// national file costs the same memory as a county one.
//
// Rows are converted inside csv-parse's on_record hook, which is the one place
// that knows each record's exact line number (quoted values may span lines).
// The first problem refuses the whole file with an EmploymentFileError naming
// file, line and column; nothing is half-imported by the reader's choice.

export interface ReadEmploymentOptions {
  /** The name used in messages (the uploaded file's name, not a temp path). */
  fileName: string;
  onProgress?: (progress: ReadProgress) => void;
  /** The input's length in bytes when it is a stream, for progress fractions. */
  totalBytes?: number;
}

export interface EmploymentRow {
  record: EmploymentRecord;
  source: RecordSource;
}

export interface SkippedRows {
  reason: SkipReason;
  description: string;
  count: number;
  firstLine: number;
}

export interface ReadSummary {
  file: string;
  /** null until the header has been read. */
  layout: LayoutName | null;
  /** true once the whole file was read without error. */
  finished: boolean;
  bytesRead: number;
  /** Data rows read (the header excluded): records + skipped rows. */
  rowsRead: number;
  records: number;
  /** Records with disclosed: false (BLS disclosure_code "N"). */
  suppressed: number;
  /** Records BLS marks "-": no establishment in the period, kept as disclosed zeros. */
  emptyRows: number;
  skipped: SkippedRows[];
  /** area code -> BLS area_title ("06019" -> "Fresno County, California"). */
  areaTitles: ReadonlyMap<string, string>;
  /** industry code -> BLS industry_title without the code ("1111" -> "Oilseed and grain farming"). */
  industryTitles: ReadonlyMap<string, string>;
}

export interface EmploymentFileRead extends AsyncIterable<EmploymentRow> {
  /** The counts so far; complete once iteration has ended (finished: true). */
  summary(): ReadSummary;
}

const CHUNK_BYTES = 1 << 20;

export function readEmploymentFile(input: string | Readable, options: ReadEmploymentOptions): EmploymentFileRead {
  const file = options.fileName;
  const sink: RowSink = { areaTitles: new Map(), industryTitles: new Map(), emptyRows: 0 };
  const skipped = new Map<SkipReason, SkippedRows>();
  const counts = { layout: null as LayoutName | null, finished: false, bytesRead: 0, rows: 0, records: 0, suppressed: 0 };
  let started = false;

  async function* rows(): AsyncGenerator<EmploymentRow> {
    const { source, totalBytes } = await openInput(input, options);
    const progress = new ProgressThrottle(options.onProgress, totalBytes);
    const ctx: CellContext = { file, line: 0, header: [] };
    let readRow: RowReader | null = null;

    const onRecord = (row: string[], info: InfoRecord): EmploymentRow | null => {
      ctx.line = info.lines;
      if (readRow === null) {
        const layout = detectLayout(row, file);
        counts.layout = layout.name;
        ctx.header = layout.header;
        readRow = makeRowReader(layout, sink);
        return null;
      }
      counts.rows++;
      counts.bytesRead = info.bytes;
      progress.row(info.bytes, counts.rows);
      const result = readRow(row, ctx);
      if (typeof result === "string") {
        noteSkip(skipped, result, info.lines);
        return null;
      }
      counts.records++;
      if (!result.disclosed) counts.suppressed++;
      return { record: result, source: { file, line: info.lines } };
    };

    // cast stays off and columns are positional: both are slower in csv-parse, and the row readers check every value themselves.
    const parseOptions: Options<EmploymentRow, string[]> = { bom: true, skip_empty_lines: true, on_record: onRecord };
    // parse()'s overloads type on_record as returning a row of strings; Options' own generics allow ours.
    const parser = parse(parseOptions as unknown as Options);
    // Errors reach the consumer through the parser's iterator below; the callback only keeps pipeline from throwing them again.
    pipeline(source, parser, () => undefined);
    try {
      for await (const row of parser) yield row as EmploymentRow;
    } catch (error) {
      throw explainParseError(error, file, ctx.header);
    }
    counts.bytesRead = parser.info.bytes;
    if (counts.layout === null) throw new EmploymentFileError({ file, line: 1 }, "the file is empty: there is no header row");
    counts.finished = true;
    progress.done(counts.bytesRead, counts.rows);
  }

  return {
    [Symbol.asyncIterator]() {
      if (started) throw new Error("readEmploymentFile: a file can be iterated only once");
      started = true;
      return rows();
    },
    summary: () => ({
      file,
      layout: counts.layout,
      finished: counts.finished,
      bytesRead: counts.bytesRead,
      rowsRead: counts.rows,
      records: counts.records,
      suppressed: counts.suppressed,
      emptyRows: sink.emptyRows,
      skipped: [...skipped.values()].map((entry) => ({ ...entry })),
      areaTitles: new Map(sink.areaTitles),
      industryTitles: new Map(sink.industryTitles),
    }),
  };
}

async function openInput(input: string | Readable, options: ReadEmploymentOptions): Promise<{ source: Readable; totalBytes: number | null }> {
  if (typeof input !== "string") return { source: input, totalBytes: options.totalBytes ?? null };
  try {
    const { size } = await stat(input);
    return { source: createReadStream(input, { highWaterMark: CHUNK_BYTES }), totalBytes: size };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new AppError("NOT_FOUND", `${options.fileName}: the file does not exist`);
    throw error;
  }
}

function noteSkip(skipped: Map<SkipReason, SkippedRows>, reason: SkipReason, line: number): void {
  const entry = skipped.get(reason);
  if (entry) entry.count++;
  else skipped.set(reason, { reason, description: SKIP_REASONS[reason], count: 1, firstLine: line });
}

// csv-parse's own errors, in the same words as ours: file, line, column.
function explainParseError(error: unknown, file: string, header: readonly string[]): unknown {
  if (!(error instanceof CsvError)) return error;
  const detail = error as CsvError & { lines?: number; column?: number | string | null; record?: unknown[] };
  const line = detail.lines ?? 0;
  const columnAt = (index: unknown) => (typeof index === "number" ? (header[index] ?? `#${index + 1}`) : undefined);
  switch (error.code) {
    case "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH": {
      const got = detail.record?.length ?? 0;
      if (got < header.length) {
        return new EmploymentFileError(
          { file, line, column: columnAt(got) },
          `the line has ${got} values but the header has ${header.length}: the file looks cut short or the line is damaged`,
        );
      }
      return new EmploymentFileError({ file, line }, `the line has ${got} values but the header has ${header.length}`);
    }
    case "CSV_QUOTE_NOT_CLOSED":
      return new EmploymentFileError({ file, line, column: columnAt(detail.column) }, "a quoted value is never closed: the file looks cut short");
    case "CSV_MAX_RECORD_SIZE":
      return new EmploymentFileError({ file, line }, "the line is far too long for a CSV row: is this a CSV file?");
    default:
      return new EmploymentFileError({ file, line, column: columnAt(detail.column) }, `the CSV is malformed (${error.message})`);
  }
}
