import { createHash } from "node:crypto";
import { fileTypeFromBuffer } from "file-type";
import { AppError } from "@/lib/errors";
import { ALLOWED_TYPES_TEXT, ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_UPDATE, MAX_FILE_NAME_LENGTH, tooLargeMessage } from "./limits";

// A file that passed every check, read into memory (at most 10 MB).
export interface ValidUpload {
  fileName: string;
  extension: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  bytes: Uint8Array;
}

// The form field the errors belong to, so they show next to the file input.
export const ATTACHMENTS_FIELD = "attachments";

function refuse(message: string): AppError {
  return new AppError("INVALID_INPUT", message, { [ATTACHMENTS_FIELD]: [message] });
}

// The name is kept for display and the download's suggested name only: no
// directories, no control or bidirectional-override characters (which can make
// "report‮fdp.exe" look like a PDF), and a bounded length that keeps the extension.
export function sanitiseFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? "";
  let name = base
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}]/gu, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "");
  if (name.length > MAX_FILE_NAME_LENGTH) {
    const dot = name.lastIndexOf(".");
    const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : "";
    name = name.slice(0, MAX_FILE_NAME_LENGTH - ext.length).trimEnd() + ext;
  }
  return name;
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
}

// A file input with nothing chosen still sends one entry: an empty file with no name.
function isFile(value: unknown): value is File {
  return value instanceof Blob && typeof (value as File).name === "string";
}

export function isEmptyFileEntry(value: unknown): boolean {
  return isFile(value) && value.name === "" && value.size === 0;
}

// One file: size first (before reading it), then the extension against the
// allowlist, then the bytes themselves: what file-type detects from the magic
// bytes must be the type the extension claims.
export async function validateUpload(file: File): Promise<ValidUpload> {
  const fileName = sanitiseFileName(file.name);
  const shown = `“${fileName || "The file"}”`;
  if (file.size === 0) throw refuse(`${shown} is empty.`);
  if (file.size > MAX_ATTACHMENT_BYTES) throw refuse(tooLargeMessage(shown, file.size));
  const extension = extensionOf(fileName);
  // hasOwn: "x.__proto__" or "x.constructor" must not find a prototype member.
  const type = Object.hasOwn(ATTACHMENT_TYPES, extension) ? ATTACHMENT_TYPES[extension] : undefined;
  if (!type) throw refuse(`${shown} is not an allowed type: attach ${ALLOWED_TYPES_TEXT} files.`);
  const bytes = new Uint8Array(await file.arrayBuffer());
  // The browser may report a different size than it sends; trust the bytes.
  if (bytes.byteLength === 0) throw refuse(`${shown} is empty.`);
  if (bytes.byteLength > MAX_ATTACHMENT_BYTES) throw refuse(tooLargeMessage(shown, bytes.byteLength));
  const detected = await fileTypeFromBuffer(bytes).catch(() => undefined);
  if (!detected || !type.detected.includes(detected.ext)) {
    throw refuse(`${shown} is not a real ${type.label}: its content does not match its .${extension} extension. Save it again as a ${type.label} and retry.`);
  }
  return { fileName, extension, contentType: type.contentType, sizeBytes: bytes.byteLength, sha256: createHash("sha256").update(bytes).digest("hex"), bytes };
}

// The files of one form submission. Entries that are not files are refused;
// an empty file input contributes nothing. `alreadyAttached` counts the files
// the update has, so the limit is per update. Every file is checked and every
// refusal reported, so the person can fix them all at once.
export async function validateUploads(entries: readonly unknown[], { alreadyAttached = 0 }: { alreadyAttached?: number } = {}): Promise<ValidUpload[]> {
  const files: File[] = [];
  for (const entry of entries) {
    if (isEmptyFileEntry(entry)) continue;
    if (!isFile(entry)) throw refuse("Choose files to attach with the file picker.");
    files.push(entry);
  }
  if (alreadyAttached + files.length > MAX_ATTACHMENTS_PER_UPDATE) {
    const left = Math.max(0, MAX_ATTACHMENTS_PER_UPDATE - alreadyAttached);
    throw refuse(`An update can have at most ${MAX_ATTACHMENTS_PER_UPDATE} files${alreadyAttached ? `; this one has ${alreadyAttached}, so you can add ${left} more` : ""}. You chose ${files.length}.`);
  }
  const results = await Promise.allSettled(files.map((f) => validateUpload(f)));
  const problems = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
  if (problems.length > 0) {
    const messages = problems.map((p) => {
      if (p instanceof AppError && p.code === "INVALID_INPUT") return p.message;
      throw p;
    });
    throw refuse(messages.length === 1 ? messages[0]! : `${messages.length} files were refused. ${messages.join(" ")}`);
  }
  return results.map((r) => (r as PromiseFulfilledResult<ValidUpload>).value);
}
