import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { readEmploymentFile } from "@/lib/analytics/qcew-reader";
import { writeSyntheticAnnualFile } from "@/lib/analytics/qcew-synthetic";

// `npx tsx scripts/bench/qcew-read.ts [rows] [file]`: times the employment
// file reader alone (no database) on a synthetic national annual file in
// BLS's annual layout, written first if the file is not there. Reports rows/s
// and the peak resident memory, sampled every 50 ms.
// Env: QCEW_TITLES=0 writes the singlefile variant (no title columns).

async function main() {
  const rows = Number(process.argv[2] ?? 3_500_000);
  const titles = process.env.QCEW_TITLES !== "0";
  const file = process.argv[3] ?? path.join(os.tmpdir(), `qcew-synthetic-${rows}${titles ? "" : "-single"}.csv`);
  if (!fs.existsSync(file)) {
    const started = performance.now();
    const { bytes } = await writeSyntheticAnnualFile(file, { rows, titles });
    console.log(`wrote ${file}: ${rows} rows, ${(bytes / 2 ** 20).toFixed(0)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const started = performance.now();
  const reader = readEmploymentFile(file, { fileName: path.basename(file) });
  let records = 0;
  for await (const { record } of reader) if (record.establishments >= 0) records++;
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const summary = reader.summary();
  console.log(
    `${summary.rowsRead} rows (${records} records, ${summary.suppressed} suppressed) of ${(summary.bytesRead / 2 ** 20).toFixed(0)} MB in ${seconds.toFixed(1)} s: ` +
      `${Math.round(summary.rowsRead / seconds).toLocaleString("en-US")} rows/s, ${(summary.bytesRead / 2 ** 20 / seconds).toFixed(1)} MB/s, peak RSS ${(peak / 2 ** 20).toFixed(0)} MB`,
  );
}

void main();
