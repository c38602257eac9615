import { parentPort, workerData } from "node:worker_threads";
import { AppError } from "@/lib/errors";
import { packBatches } from "./qcew-packed";
import { EmploymentFileError } from "./qcew-errors";
import { readEmploymentFile } from "./qcew-reader";
import type { ParseReply, ParseRequest } from "./qcew-parse-thread";

// The worker thread that parses a large employment file for the importer
// (qcew-parse-thread.ts): it reads and packs the rows while the importer's
// thread writes the batches before into staging. It stays at most
// MAX_AHEAD batches ahead (the importer acknowledges each), so memory stays
// bounded however slow the writes are.

const MAX_AHEAD = 2;

const port = parentPort!;
const { path, fileName } = workerData as ParseRequest;
const post = (reply: ParseReply) => port.postMessage(reply);

let ahead = 0;
let wake: (() => void) | null = null;
port.on("message", () => {
  ahead--;
  wake?.();
  wake = null;
});

function serialize(error: unknown): Extract<ParseReply, { kind: "error" }>["error"] {
  if (error instanceof EmploymentFileError) return { type: "file", message: error.message, position: error.position };
  if (error instanceof AppError) return { type: "app", message: error.message, code: error.code, fieldErrors: error.fieldErrors };
  return { type: "other", message: error instanceof Error ? error.message : String(error) };
}

async function main() {
  const reading = readEmploymentFile(path, { fileName, onProgress: (progress) => post({ kind: "progress", progress }) });
  try {
    for await (const rows of packBatches(reading)) {
      const { layout, rowsRead } = reading.summary();
      post({ kind: "rows", rows, layout, rowsRead });
      ahead++;
      while (ahead >= MAX_AHEAD) await new Promise<void>((resolve) => (wake = resolve));
    }
    post({ kind: "end", summary: reading.summary() });
  } catch (error) {
    post({ kind: "error", error: serialize(error), summary: reading.summary() });
  }
}

void main();
