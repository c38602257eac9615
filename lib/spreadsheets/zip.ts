import { unzipSync, zipSync, type Unzipped } from "fflate";
import { AppError } from "@/lib/errors";
import { formatMegabytes, type SpreadsheetLimits } from "./limits";

// An XLSX file is a zip archive of XML files. Before anything parses it, the
// archive's central directory is read (no decompression) and refused when it
// is not a zip, holds too many entries, or declares more expanded bytes, or a
// higher expansion ratio, than the limits allow: a "zip bomb".
//
// The declared sizes could lie, so the entries are then inflated by fflate
// into buffers of exactly the declared size (it never writes past them), and
// the workbook parser only ever sees that bounded copy, re-packed uncompressed.

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function refuse(message: string): never {
  throw new AppError("INVALID_INPUT", message, { file: [message] });
}

export function isZip(bytes: Uint8Array): boolean {
  return ZIP_MAGIC.every((b, i) => bytes[i] === b);
}

export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  originalSize: number;
  compression: number;
}

// Reads the central directory only: names and declared sizes.
export function listZipEntries(bytes: Uint8Array): ZipEntryInfo[] {
  if (!isZip(bytes)) refuse("This is not an XLSX file (an XLSX file is a zip archive). Save the sheet as .xlsx or as CSV UTF-8 and upload it again.");
  const entries: ZipEntryInfo[] = [];
  try {
    unzipSync(bytes, {
      filter(file) {
        entries.push({ name: file.name, compressedSize: file.size, originalSize: file.originalSize, compression: file.compression });
        return false;
      },
    });
  } catch {
    refuse("This XLSX file is damaged: its zip directory cannot be read. Save it again from your spreadsheet program.");
  }
  return entries;
}

export function checkZipLimits(bytes: Uint8Array, entries: ZipEntryInfo[], limits: SpreadsheetLimits) {
  if (entries.length > limits.maxZipEntries) refuse(`This XLSX file holds ${entries.length} parts; a workbook to import may hold at most ${limits.maxZipEntries}.`);
  let total = 0;
  for (const e of entries) {
    if (e.compression !== 0 && e.compression !== 8) refuse("This XLSX file uses a compression method spreadsheet programs do not write. Save it again from your spreadsheet program.");
    total += e.originalSize;
  }
  if (total > limits.maxUncompressedBytes) {
    refuse(`This XLSX file expands to ${formatMegabytes(total)}, more than the ${formatMegabytes(limits.maxUncompressedBytes)} an import may take. It may be a "zip bomb"; it was not opened.`);
  }
  // Tiny archives cannot do harm whatever their ratio, and tiny sheets compress well.
  const ratio = total / Math.max(1, bytes.length);
  if (total > 1024 * 1024 && ratio > limits.maxCompressionRatio) {
    refuse(`This XLSX file expands ${Math.round(ratio)} times its size, more than the ${limits.maxCompressionRatio} times a real workbook does. It may be a "zip bomb"; it was not opened.`);
  }
}

// The archive's files, each inflated into a buffer of its declared size.
export function extractZip(bytes: Uint8Array): Unzipped {
  try {
    return unzipSync(bytes);
  } catch {
    refuse("This XLSX file is damaged: a part of it cannot be decompressed. Save it again from your spreadsheet program.");
  }
}

// The same files as a stored (uncompressed) zip, for the workbook parser.
export function repack(files: Unzipped): Uint8Array {
  return zipSync(files, { level: 0 });
}
