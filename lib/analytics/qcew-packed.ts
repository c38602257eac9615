import { RowPacker, type PackedRows } from "./import-pack";
import type { ReadProgress } from "./qcew-progress";
import { readEmploymentFile, type EmploymentFileRead, type ReadSummary } from "./qcew-reader";

// An employment file read as packed batches for the staging table
// (import-pack.ts), in this thread or, for a large file, in a worker thread
// (qcew-parse-thread.ts): the importer takes either through this interface.

export interface PackedRead {
  batches(): AsyncIterable<PackedRows>;
  /** As readEmploymentFile's; complete once the batches have ended. */
  summary(): ReadSummary;
}

export interface PackedReadOptions {
  fileName: string;
  onProgress?: (progress: ReadProgress) => void;
}

/** The reader's batches (a CSV block each, a few thousand rows) regrouped into packed batches of PACKED_ROWS. */
export async function* packBatches(reading: EmploymentFileRead): AsyncGenerator<PackedRows> {
  const packer = new RowPacker();
  for await (const batch of reading.batches()) {
    for (const row of batch) packer.add(row);
    if (packer.full) yield packer.take()!;
  }
  const last = packer.take();
  if (last) yield last;
}

export function readPackedInThread(path: string, options: PackedReadOptions): PackedRead {
  const reading = readEmploymentFile(path, options);
  return { batches: () => ({ [Symbol.asyncIterator]: () => packBatches(reading) }), summary: () => reading.summary() };
}
