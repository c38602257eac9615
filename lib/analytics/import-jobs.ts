import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { Worker } from "node:worker_threads";
import type { Actor } from "@/lib/auth/actor";
import { runImportJob, type ImportJobMessage, type ImportWorkerReply } from "./import-worker";
import { warmPlanFigures } from "./warm-figures";

// Uploaded files being imported, for the upload page to follow. Jobs run one
// at a time, in a worker thread under Next (bundled like the report PDF
// worker, lib/reports/pdf-thread.ts) and in this thread elsewhere (tests,
// scripts). The state lives in this process: a job is shown for an hour
// after it ends; its import record stays in the database for good.

export type JobState = "queued" | "importing" | "done" | "failed";

export interface ImportJob {
  id: string;
  fileName: string;
  /** Who started it: only they (and the page of any admin) follow it. */
  userId: number | null;
  state: JobState;
  fraction: number | null;
  rows: number;
  importId: number | null;
  /** What the import did, in sentences (describeImport), or why it failed. */
  lines: string[];
  endedAt: number | null;
}

const KEEP_MS = 60 * 60_000;
const inNext = process.env.NEXT_RUNTIME === "nodejs";

interface Registry {
  jobs: Map<string, ImportJob & { path: string }>;
  worker: Worker | null;
}
const registry = ((globalThis as { employmentImportJobs?: Registry }).employmentImportJobs ??= { jobs: new Map(), worker: null });

function onReply(reply: ImportWorkerReply) {
  const job = registry.jobs.get(reply.jobId);
  if (!job) return;
  if (reply.kind === "progress") {
    job.state = "importing";
    job.fraction = reply.fraction;
    job.rows = reply.rows;
    return;
  }
  job.endedAt = Date.now();
  // Synchronous: a small unlink, and the job reads as ended only once its upload is gone.
  fs.rmSync(job.path, { force: true });
  if (reply.kind === "done") Object.assign(job, { state: "done", fraction: 1, importId: reply.importId, lines: reply.lines });
  else Object.assign(job, { state: "failed", lines: [reply.message] });
  // The last file of a batch has ended in the worker: the pages' figures are
  // computed now rather than on the next view (once per batch, not per file;
  // a plan whose figures are still current is a cache hit). Outside Next
  // (tests, scripts) no page reads them.
  const idle = ![...registry.jobs.values()].some((j) => j.state === "queued" || j.state === "importing");
  if (inNext && idle) void warmPlanFigures();
}

function worker(): Worker {
  if (registry.worker) return registry.worker;
  const w = new Worker(new URL("./import-worker.ts", import.meta.url));
  w.on("message", onReply);
  // A crashed worker fails the jobs it held; the next upload starts a new one.
  const lost = (why: string) => {
    if (registry.worker !== w) return;
    registry.worker = null;
    for (const job of registry.jobs.values()) if (job.state === "queued" || job.state === "importing") onReply({ jobId: job.id, kind: "failed", message: `${job.fileName}: the import stopped (${why}). Nothing was imported; try again.` });
  };
  w.on("error", (e) => lost(e.message));
  w.on("exit", (code) => lost(`exit code ${code}`));
  w.unref();
  registry.worker = w;
  return w;
}

let inThread = Promise.resolve();

function prune() {
  const now = Date.now();
  for (const [id, job] of registry.jobs) if (job.endedAt !== null && now - job.endedAt > KEEP_MS) registry.jobs.delete(id);
}

/** Queues the files for import; they are already on disk (upload.ts) and are deleted once imported. */
export function startImportJobs(actor: Actor, files: { path: string; fileName: string }[]): ImportJob[] {
  prune();
  return files.map(({ path, fileName }) => {
    const job = { id: randomUUID(), fileName, path, userId: actor.kind === "user" ? actor.userId : null, state: "queued" as JobState, fraction: 0, rows: 0, importId: null, lines: [], endedAt: null };
    registry.jobs.set(job.id, job);
    const message: ImportJobMessage = { jobId: job.id, actor, path, fileName };
    if (inNext) worker().postMessage(message);
    else inThread = inThread.then(() => runImportJob(message, onReply));
    return publicJob(job);
  });
}

const publicJob = ({ path: _path, ...job }: ImportJob & { path: string }): ImportJob => ({ ...job, lines: [...job.lines] });

/** The jobs asked for that this person may follow. */
export function importJobs(actor: Actor, ids: string[]): ImportJob[] {
  const userId = actor.kind === "user" ? actor.userId : null;
  return ids.flatMap((id) => {
    const job = registry.jobs.get(id);
    return job && (job.userId === userId || actor.kind === "system") ? [publicJob(job)] : [];
  });
}

/** Resolves when every job started in this thread has ended (tests). */
export const importJobsSettled = () => inThread;
