import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { dataDirectory } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { startImportJobs, type ImportJob } from "./import-jobs";

// Employment files uploaded in the browser (issue #7). Each is checked before
// anything is read into the database: a .csv name, a size within the limit,
// and text (no NUL byte, valid UTF-8 in its first block); its columns are
// checked by the reader, which names the file, line and column of any
// problem. Accepted files are stored under DATA_DIR/uploads/employment with
// random names and imported one at a time (import-jobs.ts).

/** County and state files are a few MB; a national file is hundreds: that one goes through the CLI. */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
export const MAX_UPLOAD_FILES = 20;
const SNIFF_BYTES = 4096;

const uploadsDirectory = () => path.join(dataDirectory(), "uploads", "employment");

function refuse(message: string): never {
  throw new AppError("INVALID_INPUT", message, { files: [message] });
}

function looksLikeText(head: Uint8Array, name: string) {
  if (head.includes(0)) refuse(`${name} is not a text file: BLS QCEW files and the generic layout are CSV text.`);
  // The last bytes of the block may cut a character in two: decode up to the last line break.
  const cut = head.lastIndexOf(10);
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(cut > 0 ? head.subarray(0, cut) : head);
  } catch {
    refuse(`${name} is not UTF-8 text. Save it as CSV (UTF-8) and upload it again.`);
  }
}

export async function acceptEmploymentUploads(actor: Actor, files: File[]): Promise<ImportJob[]> {
  authorize(actor, "analytics.manage");
  const chosen = files.filter((f) => f.name !== "" || f.size > 0);
  if (chosen.length === 0) refuse("Choose one or more CSV files to import.");
  if (chosen.length > MAX_UPLOAD_FILES) refuse(`Upload at most ${MAX_UPLOAD_FILES} files at a time.`);
  for (const f of chosen) {
    if (!/\.csv$/i.test(f.name)) refuse(`${f.name} is not a .csv file. Upload BLS QCEW CSV files (or the generic CSV layout) as they are; unzip BLS's zip archives first.`);
    if (f.size === 0) refuse(`${f.name} is empty.`);
    if (f.size > MAX_UPLOAD_BYTES) refuse(`${f.name} is ${(f.size / 1024 / 1024).toFixed(0)} MB; files over ${MAX_UPLOAD_BYTES / 1024 / 1024} MB are imported with npm run qcew:import on the server.`);
    looksLikeText(new Uint8Array(await f.slice(0, SNIFF_BYTES).arrayBuffer()), f.name);
  }
  const dir = uploadsDirectory();
  await fs.promises.mkdir(dir, { recursive: true, mode: 0o700 });
  const stored: { path: string; fileName: string }[] = [];
  try {
    for (const f of chosen) {
      const file = path.join(dir, `${randomUUID()}.csv`);
      await pipeline(Readable.fromWeb(f.stream() as import("node:stream/web").ReadableStream), fs.createWriteStream(file, { mode: 0o600 }));
      stored.push({ path: file, fileName: path.basename(f.name) });
    }
  } catch (error) {
    for (const s of stored) fs.rmSync(s.path, { force: true });
    throw error;
  }
  return startImportJobs(actor, stored);
}
