import { parentPort } from "node:worker_threads";
import type { ReportDocument } from "./document";
import { renderPdf } from "./pdf";

// The worker thread that draws report PDFs (see pdf-thread.ts). It is its
// own event loop, so it renders without yielding: nothing else waits on it.
// Jobs arrive one at a time (the pool sends the next only after a reply).

export interface PdfJob {
  id: number;
  doc: ReportDocument;
}

export type PdfReply = { id: number; ok: true; data: Uint8Array; pages: number; ms: number } | { id: number; ok: false; message: string };

const port = parentPort;
if (!port) throw new Error("pdf-worker.ts runs only as a worker thread");

port.on("message", async ({ id, doc }: PdfJob) => {
  const t0 = performance.now();
  let reply: PdfReply;
  try {
    const { data, pages } = await renderPdf(doc, { sliceMs: Infinity });
    // A copy the size of the file, transferred rather than cloned back.
    const bytes = new Uint8Array(data);
    reply = { id, ok: true, data: bytes, pages, ms: performance.now() - t0 };
    port.postMessage(reply, [bytes.buffer]);
  } catch (error) {
    reply = { id, ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    port.postMessage(reply);
  }
});
