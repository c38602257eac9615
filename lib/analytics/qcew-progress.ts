// Progress of a file read, reported often enough for a progress bar and
// rarely enough not to cost anything: at most once per 1% of the file or per
// 250 ms (when the size is unknown, per 250 ms only), and once at the end.

export interface ReadProgress {
  bytesRead: number;
  /** null when the input is a stream of unknown length. */
  totalBytes: number | null;
  /** bytesRead / totalBytes, 0-1; null when the length is unknown. It is 1 exactly once, at the end. */
  fraction: number | null;
  /** Data rows read so far (the header excluded). */
  rows: number;
}

const STEP = 0.01;
const INTERVAL_MS = 250;
// Looking at the clock once per this many rows keeps it off the per-row path.
const ROWS_PER_CHECK = 1024;

export class ProgressThrottle {
  private lastFraction = 0;
  private lastAt = Date.now();
  private rowsUntilCheck = ROWS_PER_CHECK;

  constructor(
    private readonly onProgress: ((progress: ReadProgress) => void) | undefined,
    private readonly totalBytes: number | null,
  ) {}

  /** Called for every row; reports only when a step or the interval has passed. */
  row(bytesRead: number, rows: number): void {
    if (this.onProgress === undefined || --this.rowsUntilCheck > 0) return;
    this.rowsUntilCheck = ROWS_PER_CHECK;
    const fraction = this.totalBytes ? Math.min(bytesRead / this.totalBytes, 0.999) : null;
    const now = Date.now();
    if ((fraction !== null && fraction - this.lastFraction >= STEP) || now - this.lastAt >= INTERVAL_MS) {
      this.lastFraction = fraction ?? 0;
      this.lastAt = now;
      this.onProgress({ bytesRead, totalBytes: this.totalBytes, fraction, rows });
    }
  }

  /** The whole input was read: report 100%. */
  done(bytesRead: number, rows: number): void {
    const totalBytes = this.totalBytes ?? bytesRead;
    this.onProgress?.({ bytesRead: Math.max(bytesRead, totalBytes), totalBytes, fraction: 1, rows });
  }
}
