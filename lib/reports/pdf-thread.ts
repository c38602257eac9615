import { Worker } from "node:worker_threads";
import type { ReportDocument } from "./document";
import { renderReportPdf } from "./pdf";
import type { PdfJob, PdfReply } from "./pdf-worker";

// Report PDFs are drawn in a worker thread, so the server's own thread keeps
// answering other pages while a long report renders on the other core
// (issue #6: "generation must not freeze other users"). Slicing the render on
// the main thread (Yielder) was not enough: against `next start` the
// dashboard's p99 went from 154 ms to 307 ms while the SJV PDF rendered in a
// loop, and from 264 ms to 395 ms on the scale data.
//
// One worker, started and warmed (fonts parsed, code compiled: about a
// second) when the server starts, and kept for the server's life, so no
// reader waits for that; one render at a time: a queue, not a pool, because the machine this serves has
// two cores and the other one answers the pages. The worker is bundled by
// Next (Turbopack compiles `new Worker(new URL(...))` entries into a chunk of
// their own). Outside Next (vitest, tsx scripts) the entry is TypeScript
// source, which Node 20 cannot load in a worker, so there the PDF is drawn in
// this thread, yielding as before. Next sets NEXT_RUNTIME in its server
// bundles (import.meta.url would not tell: Turbopack keeps the source path).

const RENDER_TIMEOUT_MS = 120_000;
const inNext = process.env.NEXT_RUNTIME === "nodejs";

interface Pending {
  job: PdfJob;
  resolve: (bytes: Buffer) => void;
  reject: (error: Error) => void;
}

let worker: Worker | null = null;
let current: Pending | null = null;
let timer: NodeJS.Timeout | null = null;
let nextId = 1;
const queue: Pending[] = [];

function spawn(): Worker {
  const w = new Worker(new URL("./pdf-worker.ts", import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: 1024 } });
  w.on("message", (reply: PdfReply) => {
    if (worker !== w || !current || reply.id !== current.job.id) return;
    const done = finish();
    if (reply.ok) done.resolve(Buffer.from(reply.data.buffer, reply.data.byteOffset, reply.data.byteLength));
    else done.reject(new Error(`The report PDF could not be drawn: ${reply.message}`));
    pump();
  });
  w.on("error", (error) => lost(w, error));
  w.on("exit", (code) => lost(w, new Error(`The PDF worker stopped (exit code ${code}).`)));
  return w;
}

function finish(): Pending {
  const done = current!;
  current = null;
  if (timer) clearTimeout(timer);
  timer = null;
  return done;
}

// The worker died or was stopped: the render it held fails, the next one starts a new worker.
function lost(w: Worker, error: Error) {
  if (worker !== w) return;
  worker = null;
  if (current) finish().reject(error);
  pump();
}

function pump() {
  if (current) return;
  const next = queue.shift();
  if (!next) {
    // Idle: the worker must not keep the process alive on its own.
    worker?.unref();
    return;
  }
  worker ??= spawn();
  worker.ref();
  current = next;
  const w = worker;
  timer = setTimeout(() => {
    lost(w, new Error(`The report PDF took longer than ${RENDER_TIMEOUT_MS / 1000} s to draw.`));
    void w.terminate();
  }, RENDER_TIMEOUT_MS);
  w.postMessage(next.job);
}

// The smallest document that makes the worker parse every font style.
const WARM_UP: ReportDocument = {
  title: "Warm-up",
  planTitle: "Warm-up",
  region: "",
  periodLabel: "",
  edition: 2,
  publishedAt: null,
  changeNote: "*Warm-up*",
  compiledAt: new Date(0).toISOString(),
  sections: [{ id: "warm-up", title: "Warm-up", blocks: [{ kind: "markdown", source: "Plain, **bold**, *italic* and ***bold italic***." }], children: [] }],
};

/** Starts the worker and draws a throw-away PDF in it, at server start. */
export function warmPdfWorker(): Promise<void> {
  if (!inNext) return Promise.resolve();
  return renderReportPdfOffThread(WARM_UP).then(
    () => undefined,
    (error: unknown) => console.error("The PDF worker could not be warmed:", error),
  );
}

/** The PDF of a report document, drawn off the server's main thread. */
export function renderReportPdfOffThread(doc: ReportDocument): Promise<Buffer> {
  if (!inNext) return renderReportPdf(doc);
  return new Promise<Buffer>((resolve, reject) => {
    queue.push({ job: { id: nextId++, doc }, resolve, reject });
    pump();
  });
}
