import fs from "node:fs";
import path from "node:path";
import { getDb } from "@/db";
import { importEmploymentFile, type ImportTimings } from "@/lib/analytics/import";
import { systemActor } from "@/lib/auth/actor";
import { cpuSnapshot, foreignShare } from "./cpu";
import { peakRssFromStatus, type ImportRun } from "./analytics-import";

// The child process of the import bench (analytics-import.ts): imports the
// files named on the command line through importEmploymentFile into the
// database in DATA_DIR (fresh), and prints one JSON line (ImportRun). A process
// of its own, so its peak memory (VmHWM) is the import's alone. The database
// is opened and migrated before the clock starts: that is start-up, not import.

async function main() {
  const files = process.argv.slice(2);
  getDb();
  const stages: ImportTimings = { readMs: 0, stageMs: 0, mergeMs: 0, totalMs: 0 };
  let rows = 0;
  const cpuBefore = cpuSnapshot();
  const started = performance.now();
  for (const file of files) {
    const outcome = await importEmploymentFile(systemActor("bench"), { path: file, fileName: path.basename(file) });
    rows += outcome.record.rowsRead;
    for (const key of Object.keys(stages) as (keyof ImportTimings)[]) stages[key] += outcome.timings[key];
  }
  const ms = performance.now() - started;
  const run: ImportRun = {
    files: files.length,
    rows,
    ms: Math.round(ms),
    stages: { readMs: Math.round(stages.readMs), stageMs: Math.round(stages.stageMs), mergeMs: Math.round(stages.mergeMs), totalMs: Math.round(stages.totalMs) },
    peakRssBytes: peakRssFromStatus(fs.readFileSync("/proc/self/status", "utf8")) ?? process.memoryUsage().rss,
    otherCpu: foreignShare(cpuBefore, cpuSnapshot()),
  };
  console.log(JSON.stringify(run));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
