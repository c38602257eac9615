import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { AppError, type AppErrorCode, type FieldErrors } from "@/lib/errors";
import type { PackedRows } from "./import-pack";
import { EmploymentFileError, type FilePosition } from "./qcew-errors";
import type { LayoutName } from "./qcew-layouts";
import type { PackedRead, PackedReadOptions } from "./qcew-packed";
import type { ReadProgress } from "./qcew-progress";
import type { ReadSummary } from "./qcew-reader";

// Parsing a large employment file in a worker thread (qcew-parse-worker.ts)
// while this thread writes the rows into staging: parsing and the SQLite
// inserts each take about as long, and the machine has two cores, so a
// national file (3.5 million rows) imports in about the time of the longer of
// the two instead of their sum, in theory. The rows cross as packed batches
// (arrays of primitives, import-pack.ts): structured clone costs about 5 ms
// to send and 8 ms to receive per batch of 20,000 rows.
//
// Measured on the national bench file (3.5 million rows, 2-core VM, quiet):
// 13.5 s (259,000 rows/s) against about 19 s with everything in one thread;
// peak RSS 292 MB (a second V8 heap). It paid only once parsing stopped
// drowning in garbage collection (64 KiB blocks, qcew-reader.ts) and staging
// took the cell key as it wrote (import-store.ts), moving work from after the
// read into the overlap. So importEmploymentFile uses it from
// PARSE_THREAD_BYTES up.
//
// Only where the worker's entry can be loaded as TypeScript: under tsx (the
// CLI, the bench) and vitest, through tsx's tsImport. Under Next the import
// already runs in a worker of its own (import-jobs.ts) and uploads are at most
// 50 MB, so it parses in that thread (readPackedInThread) rather than asking
// Turbopack to bundle a worker inside a worker.

export interface ParseRequest {
  path: string;
  fileName: string;
}

export type ParseReply =
  | { kind: "rows"; rows: PackedRows; layout: LayoutName | null; rowsRead: number }
  | { kind: "progress"; progress: ReadProgress }
  | { kind: "end"; summary: ReadSummary }
  | {
      kind: "error";
      summary: ReadSummary;
      error: { type: "file"; message: string; position: FilePosition } | { type: "app"; message: string; code: AppErrorCode; fieldErrors?: FieldErrors } | { type: "other"; message: string };
    };

const inNext = process.env.NEXT_RUNTIME === "nodejs";

// From the project's root, where the npm scripts, the bench and vitest run (elsewhere
// the file parses in this thread). Not import.meta.url: Playwright's loader, which
// reads lib/ for the e2e specs' set-up, takes a file that mentions it for an ES module.
const WORKER_ENTRY = resolve("lib", "analytics", "qcew-parse-worker.ts");

/**
 * Whether readPackedInWorker can run here: under tsx or vitest, which have tsx
 * at hand (a dev dependency). Told by the runtime, not by resolving tsx, so
 * that Next's bundler finds no reference to it.
 */
export function canParseInWorker(): boolean {
  return !inNext && (process.env.VITEST !== undefined || process.execArgv.some((arg) => arg.includes("tsx"))) && existsSync(WORKER_ENTRY);
}


// The error as the reader threw it, rebuilt on this side: same class, same message, same position.
function rebuild(error: Extract<ParseReply, { kind: "error" }>["error"]): Error {
  if (error.type === "file") {
    const prefix = new EmploymentFileError(error.position, "").message;
    return new EmploymentFileError(error.position, error.message.slice(prefix.length));
  }
  if (error.type === "app") return new AppError(error.code, error.message, error.fieldErrors);
  return new Error(error.message);
}

export function readPackedInWorker(path: string, options: PackedReadOptions): PackedRead {
  const { fileName, onProgress } = options;
  let summary: ReadSummary = { file: fileName, layout: null, finished: false, bytesRead: 0, rowsRead: 0, records: 0, suppressed: 0, emptyRows: 0, skipped: [], areaTitles: new Map(), industryTitles: new Map(), sha256: null };

  async function* batches(): AsyncGenerator<PackedRows> {
    // Node cannot load a .ts entry in a worker; tsx's tsImport can, in a worker started from this snippet.
    const entry = pathToFileURL(WORKER_ENTRY).href;
    const boot = `import("tsx/esm/api").then((tsx) => tsx.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}))`;
    const request: ParseRequest = { path, fileName };
    const worker = new Worker(boot, { eval: true, execArgv: [], workerData: request });
    const inbox: ParseReply[] = [];
    let failure: Error | null = null;
    let wake: (() => void) | null = null;
    const notify = () => {
      wake?.();
      wake = null;
    };
    worker.on("message", (reply: ParseReply) => {
      if (reply.kind === "progress") onProgress?.(reply.progress);
      else inbox.push(reply);
      notify();
    });
    worker.on("error", (error) => {
      failure ??= error;
      notify();
    });
    worker.on("exit", (code) => {
      failure ??= new Error(`the parsing thread stopped (exit code ${code})`);
      notify();
    });
    try {
      for (;;) {
        const reply = inbox.shift();
        if (!reply) {
          if (failure) throw failure;
          await new Promise<void>((resolve) => (wake = resolve));
          continue;
        }
        if (reply.kind === "rows") {
          summary = { ...summary, layout: reply.layout, rowsRead: reply.rowsRead };
          worker.postMessage("ack");
          yield reply.rows;
        } else if (reply.kind === "end") {
          summary = reply.summary;
          return;
        } else if (reply.kind === "error") {
          summary = reply.summary;
          throw rebuild(reply.error);
        }
      }
    } finally {
      // Ended, failed, or abandoned by the importer: the thread has nothing more to do.
      await worker.terminate();
    }
  }

  return { batches: () => ({ [Symbol.asyncIterator]: batches }), summary: () => summary };
}
