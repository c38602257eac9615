import path from "node:path";
import { addDefaultAnalytics } from "@/db/seed/sjv-analytics";
import { systemActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { describeImport } from "@/lib/analytics/import-describe";
import { runEmploymentImport } from "@/lib/analytics/import-run";
import type { ReadProgress } from "@/lib/analytics/qcew-progress";
import { runCli } from "./cli";

const USAGE = `Usage:
  npm run qcew:import -- <file.csv> [more files...]

Imports BLS QCEW "by area" CSV files (quarterly or annual layout, as BLS
publishes them) or the generic employment CSV into the database in DATA_DIR.
Re-importing a file changes nothing. A file with an error imports nothing.`;

const BAR = 30;

// A progress bar on a terminal; a line per 10% when the output is a log file.
function progressPrinter(fileName: string) {
  let lastTenth = -1;
  return (p: ReadProgress) => {
    const fraction = p.fraction ?? 0;
    const rows = p.rows.toLocaleString("en-US");
    if (process.stderr.isTTY) {
      const filled = Math.round(fraction * BAR);
      process.stderr.write(`\r  [${"#".repeat(filled)}${" ".repeat(BAR - filled)}] ${String(Math.floor(fraction * 100)).padStart(3)}%  ${rows} rows`);
      if (fraction === 1) process.stderr.write("\n");
    } else if (Math.floor(fraction * 10) > lastTenth) {
      lastTenth = Math.floor(fraction * 10);
      process.stderr.write(`  ${fileName}: ${lastTenth * 10}% (${rows} rows)\n`);
    }
  };
}

runCli(async () => {
  const files = process.argv.slice(2);
  if (files.includes("--help") || files.length === 0) {
    console.log(USAGE);
    if (files.length === 0) throw new AppError("INVALID_INPUT", "Name at least one file.");
    return;
  }
  // As at server start: a database from before the analytics gets the SJV plan's region and definitions once.
  addDefaultAnalytics();
  for (const file of files) {
    const fileName = path.basename(file);
    console.log(`${fileName}`);
    const t0 = performance.now();
    const outcome = await runEmploymentImport(systemActor("cli"), { path: file, fileName }, progressPrinter(fileName));
    const seconds = (performance.now() - t0) / 1000;
    for (const line of describeImport(outcome.record)) console.log(`  ${line}`);
    console.log(`  ${seconds.toFixed(1)} s, ${Math.round(outcome.record.rowsRead / seconds).toLocaleString("en-US")} rows/s`);
    const { recorded, corrected, unchanged, skipped } = outcome.feed;
    if (recorded + corrected + unchanged + skipped.length > 0) console.log(`  Cluster metrics: ${recorded} values recorded, ${corrected} corrected, ${unchanged} unchanged.`);
    for (const line of skipped) console.log(`    not written: ${line}`);
  }
});
