import type { EmploymentImport } from "@/db/schema";
import { LAYOUT_LABELS } from "./qcew-layouts";

const n = (x: number) => x.toLocaleString("en-US");

/** An import's outcome in plain sentences, for the CLI and the imports page. */
export function describeImport(r: EmploymentImport): string[] {
  if (r.status === "failed") return [`Failed: ${r.error ?? "unknown error"} Nothing was imported.`];
  if (r.status === "running") return ["Still running."];
  const lines = [
    `${r.layout ? LAYOUT_LABELS[r.layout] : "Unknown layout"}: ${n(r.rowsRead)} rows read.`,
    `${n(r.inserted)} new cells, ${n(r.updated)} changed, ${n(r.unchanged)} unchanged.`,
    `${n(r.suppressed)} suppressed by BLS (kept as not disclosed, never counted as zero).`,
  ];
  for (const [reason, count] of Object.entries(r.skipped)) lines.push(`Skipped ${n(count)}: ${reason}.`);
  return lines;
}
