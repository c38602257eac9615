import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { Readable } from "node:stream";
import path from "node:path";
import { dataDirectory } from "@/db";
import { AppError } from "@/lib/errors";

// Attachment bytes live in <DATA_DIR>/attachments under a random name the
// server chose: nothing the uploader sent ever becomes part of a path.
const STORED_NAME = /^[0-9a-f]{32}$/;

export function attachmentsDirectory(): string {
  return path.join(dataDirectory(), "attachments");
}

function storedPath(storedName: string): string {
  // Names come from our own rows, but a path is only ever built from the expected shape.
  if (!STORED_NAME.test(storedName)) throw new Error(`Invalid stored attachment name: ${storedName}`);
  return path.join(attachmentsDirectory(), storedName);
}

// Writes to a temporary name and renames, so a file under a stored name is
// always complete: a crash mid-write leaves only a ".partial" file behind.
export async function writeStoredFile(bytes: Uint8Array): Promise<string> {
  const dir = attachmentsDirectory();
  await fs.promises.mkdir(dir, { recursive: true, mode: 0o700 });
  const storedName = randomBytes(16).toString("hex");
  const final = storedPath(storedName);
  const partial = `${final}.partial`;
  try {
    await fs.promises.writeFile(partial, bytes, { flag: "wx", mode: 0o600 });
    await fs.promises.rename(partial, final);
  } catch (error) {
    await fs.promises.rm(partial, { force: true });
    throw error;
  }
  return storedName;
}

// Best effort: a file left behind is unreachable (no row points at it) but
// still worth reporting.
export function removeStoredFile(storedName: string) {
  try {
    fs.rmSync(storedPath(storedName), { force: true });
  } catch (error) {
    console.error(`Could not remove attachment file ${storedName}:`, error);
  }
}

// Opens the file now, so a missing one is a NOT_FOUND here rather than a
// broken response half-way through.
export function openStoredFile(storedName: string): ReadableStream<Uint8Array> {
  let fd: number;
  try {
    fd = fs.openSync(storedPath(storedName), "r");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new AppError("NOT_FOUND", "This file is no longer stored.");
    throw error;
  }
  return Readable.toWeb(fs.createReadStream("", { fd })) as ReadableStream<Uint8Array>;
}
