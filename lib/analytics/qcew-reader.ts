import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { Readable } from "node:stream";
import { CsvError } from "csv-parse";
import { AppError } from "@/lib/errors";
import { readCsvBlocks } from "./csv-blocks";
import { EmploymentFileError } from "./qcew-errors";
import type { CellContext } from "./qcew-fields";
import { detectLayout, type LayoutName } from "./qcew-layouts";
import { ProgressThrottle, type ReadProgress } from "./qcew-progress";
import { makeRowReader, SKIP_REASONS, type RowReader, type RowSink, type SkipReason } from "./qcew-rows";
import type { EmploymentRecord, RecordSource } from "./types";

// Streams an employment file (BLS QCEW quarterly or annual CSV, or the generic
// CSV; see qcew-layouts.ts) as records, one at a time, in bounded memory: the
// file is read in 64 KiB chunks, parsed a block of whole lines at a time
// (csv-blocks.ts: udsv, with csv-parse for odd blocks, each row with its exact
// line), and the next chunk is read only as the consumer takes the records of
// the block before (stream backpressure), so a 900 MB national file costs the
// same memory as a county one.
//
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
  /** The SHA-256 of the file's bytes (hex), once the whole file was read (finished: true); null before. */
  sha256: string | null;
}

export interface EmploymentFileRead extends AsyncIterable<EmploymentRow> {
  /** The same rows a block (a few thousand) at a time: an importer of millions of rows saves one await per row. */
  batches(): AsyncIterable<EmploymentRow[]>;
  /** The counts so far; complete once iteration has ended (finished: true). */
  summary(): ReadSummary;
}

// Small blocks on purpose: a block's parsed values (38 strings a row in BLS's
// annual layout) then die young, in V8's cheap young-generation collections.
// With 1 MiB blocks they outlived them and garbage collection took 44% of the
// parse (national bench file: 11.0 s to parse with 1 MiB, 5.8 s with 64 KiB).
const CHUNK_BYTES = 1 << 16;

export function readEmploymentFile(input: string | Readable, options: ReadEmploymentOptions): EmploymentFileRead {
  const file = options.fileName;
  const sink: RowSink = { areaTitles: new Map(), industryTitles: new Map(), emptyRows: 0 };
  const skipped = new Map<SkipReason, SkippedRows>();
  const counts = { layout: null as LayoutName | null, finished: false, bytesRead: 0, rows: 0, records: 0, suppressed: 0 };
  let started = false;
  // Hashed as it is read, so the importer needs no second pass over a large file.
  const hash = createHash("sha256");
  let digest: string | null = null;

  async function* batches(): AsyncGenerator<EmploymentRow[]> {
    const { source, totalBytes } = await openInput(input, options);
    const progress = new ProgressThrottle(options.onProgress, totalBytes);
    const ctx: CellContext = { file, line: 0, header: [] };
    let readRow: RowReader | null = null;
    try {
      for await (const block of readCsvBlocks(source, (chunk) => hash.update(chunk))) {
        if (readRow === null) {
          ctx.line = block.firstLine;
          const layout = detectLayout(block.rows[0]!, file);
          counts.layout = layout.name;
          ctx.header = layout.header;
          readRow = makeRowReader(layout, sink);
          counts.bytesRead = block.bytesAfter;
          continue;
        }
        const { rows, lines, firstLine, bytesBefore } = block;
        // Rows' byte offsets are not known inside a block; progress moves through it evenly.
        const bytesPerRow = rows.length === 0 ? 0 : (block.bytesAfter - bytesBefore) / rows.length;
        const out: EmploymentRow[] = [];
        for (let i = 0; i < rows.length; i++) {
          const line = lines === null ? firstLine + i : lines[i]!;
          ctx.line = line;
          counts.rows++;
          counts.bytesRead = Math.round(bytesBefore + bytesPerRow * (i + 1));
          progress.row(counts.bytesRead, counts.rows);
          const result = readRow(rows[i]!, ctx);
          if (typeof result === "string") {
            noteSkip(skipped, result, line);
            continue;
          }
          counts.records++;
          if (!result.disclosed) counts.suppressed++;
          out.push({ record: result, source: { file, line } });
        }
        counts.bytesRead = block.bytesAfter;
        if (out.length > 0) yield out;
      }
    } catch (error) {
      throw explainParseError(error, file, ctx.header);
    } finally {
      source.destroy();
    }
    if (counts.layout === null) throw new EmploymentFileError({ file, line: 1 }, "the file is empty: there is no header row");
    counts.finished = true;
    digest = hash.digest("hex");
    progress.done(counts.bytesRead, counts.rows);
  }

  const start = () => {
    if (started) throw new Error("readEmploymentFile: a file can be iterated only once");
    started = true;
    return batches();
  };

  async function* rows(): AsyncGenerator<EmploymentRow> {
    for await (const batch of start()) yield* batch;
  }

  return {
    [Symbol.asyncIterator]: rows,
    batches: () => ({ [Symbol.asyncIterator]: start }),
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
      sha256: digest,
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
