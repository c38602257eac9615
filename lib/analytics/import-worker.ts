import { parentPort } from "node:worker_threads";
import type { Actor } from "@/lib/auth/actor";
import { isAppError } from "@/lib/errors";
import { describeImport } from "./import-describe";
import { runEmploymentImport } from "./import-run";

// The worker thread that imports uploaded employment files (see
// import-jobs.ts): reading a large file and merging it would otherwise hold
// the server's thread for seconds. It opens its own connection to the
// tracker's database (getDb() is per thread) and runs one file at a time.

export interface ImportJobMessage {
  jobId: string;
  actor: Actor;
  path: string;
  fileName: string;
}

export type ImportWorkerReply =
  | { jobId: string; kind: "progress"; fraction: number | null; rows: number }
  | { jobId: string; kind: "done"; importId: number; lines: string[] }
  | { jobId: string; kind: "failed"; message: string };

export async function runImportJob(job: ImportJobMessage, post: (reply: ImportWorkerReply) => void) {
  try {
    const run = await runEmploymentImport(job.actor, { path: job.path, fileName: job.fileName }, (p) => post({ jobId: job.jobId, kind: "progress", fraction: p.fraction, rows: p.rows }));
    const { recorded, corrected, unchanged, skipped } = run.feed;
    const feed = recorded + corrected + unchanged > 0 ? [`Cluster employment metrics: ${recorded} values recorded, ${corrected} corrected, ${unchanged} unchanged.`] : [];
    post({ jobId: job.jobId, kind: "done", importId: run.importId, lines: [...describeImport(run.record), ...feed, ...skipped.map((s) => `Not written: ${s}.`)] });
  } catch (error) {
    post({ jobId: job.jobId, kind: "failed", message: isAppError(error) ? error.message : `${job.fileName}: the import failed unexpectedly.` });
    if (!isAppError(error)) console.error(error);
  }
}

const port = parentPort;
// Imported as a module outside a worker (import-jobs.ts runs jobs in-thread
// outside Next), this file only provides runImportJob.
if (port) {
  let queue = Promise.resolve();
  port.on("message", (job: ImportJobMessage) => {
    queue = queue.then(() => runImportJob(job, (reply) => port.postMessage(reply)));
  });
}
