import type { EmploymentRow } from "./qcew-reader";

// Records in the shape the staging table takes them (import-store.ts): each
// row's values flat, in column order, cut into chunks of ROWS_PER_INSERT rows,
// one chunk per multi-row INSERT. Packing is the parse side's work: when the
// file is parsed in a worker thread (qcew-parse-thread.ts), the thread that
// writes staging only hands chunks to SQLite. Plain arrays of primitives,
// because a batch crosses threads by structured clone.

export const STAGING_COLUMNS = ["area", "industry", "ownership", "year", "quarter", "level", "disclosed", "establishments", "month1", "month2", "month3", "annual_employment", "wages"] as const;
/** The columns + the line, which names a repeated cell's lines. */
export const STAGING_WIDTH = STAGING_COLUMNS.length + 1;
export const ROWS_PER_INSERT = 64;
/** Rows per packed batch: one staging transaction each. */
export const PACKED_ROWS = 20_000;

export type StagedValue = string | number | null;

export interface PackedRows {
  /** Chunks of ROWS_PER_INSERT rows of STAGING_WIDTH values; the last may hold fewer rows. */
  chunks: StagedValue[][];
  rows: number;
  /** Areas in file order, each once per run of rows (files are grouped by area). */
  areas: string[];
  years: number[];
}

export class RowPacker {
  private chunks: StagedValue[][] = [];
  private chunk: StagedValue[] = [];
  private rows = 0;
  private areas: string[] = [];
  private years = new Set<number>();
  private lastArea = "";

  add({ record: r, source }: EmploymentRow) {
    const m = r.months;
    this.chunk.push(r.area, r.industry, r.ownership, r.year, r.quarter ?? 0, r.level, r.disclosed ? 1 : 0, r.establishments, m?.[0] ?? null, m?.[1] ?? null, m?.[2] ?? null, r.annualEmployment, r.wages, source.line);
    if (this.chunk.length === ROWS_PER_INSERT * STAGING_WIDTH) {
      this.chunks.push(this.chunk);
      this.chunk = [];
    }
    if (r.area !== this.lastArea) this.areas.push((this.lastArea = r.area));
    this.years.add(r.year);
    this.rows++;
  }

  get full() {
    return this.rows >= PACKED_ROWS;
  }

  /** The rows added since the last take, or null if there are none. */
  take(): PackedRows | null {
    if (this.rows === 0) return null;
    if (this.chunk.length > 0) this.chunks.push(this.chunk);
    const packed = { chunks: this.chunks, rows: this.rows, areas: this.areas, years: [...this.years] };
    this.chunks = [];
    this.chunk = [];
    this.rows = 0;
    this.areas = [];
    this.years = new Set();
    this.lastArea = "";
    return packed;
  }
}
