// Upload limits for spreadsheet imports. They are checked before a file is
// parsed (size, archive expansion, row count in the sheet XML) so a hostile or
// mistaken file costs a bounded amount of memory and time. Shared with the
// upload form, which checks the size before sending.

export interface SpreadsheetLimits {
  /** Largest upload accepted, in bytes. */
  maxBytes: number;
  /** Most data rows (the header row not counted). */
  maxRows: number;
  /** Most bytes an XLSX archive may expand to, all entries together. */
  maxUncompressedBytes: number;
  /** Largest expansion ratio (uncompressed / compressed) of an XLSX archive. */
  maxCompressionRatio: number;
  /** Most entries in an XLSX archive (a real workbook has a dozen or two). */
  maxZipEntries: number;
  /** Most characters of cell text in the whole file. */
  maxTextChars: number;
}

export const SPREADSHEET_LIMITS: SpreadsheetLimits = {
  maxBytes: 5 * 1024 * 1024,
  maxRows: 5_000,
  maxUncompressedBytes: 50 * 1024 * 1024,
  maxCompressionRatio: 100,
  maxZipEntries: 500,
  maxTextChars: 10_000_000,
};

// Excel's own limit on one cell's text.
export const MAX_CELL_CHARS = 32_767;

// Rounded up to a tenth, so a file just over a limit never reads as equal to it.
export function formatMegabytes(bytes: number): string {
  return `${Math.ceil((bytes / (1024 * 1024)) * 10) / 10} MB`;
}
