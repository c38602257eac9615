import { getDb } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { feedClusterMetrics, type FeedOutcome } from "./feed";
import { importEmploymentFile, type ImportOutcome } from "./import";
import type { ReadProgress } from "./qcew-progress";

// An import as people run it (the CLI, the upload page): the file, then the
// cluster metrics of every plan whose region it touched.

export interface ImportRun extends ImportOutcome {
  feed: FeedOutcome;
}

export async function runEmploymentImport(actor: Actor, input: unknown, onProgress?: (p: ReadProgress) => void): Promise<ImportRun> {
  const outcome = await importEmploymentFile(actor, input, onProgress);
  // The areas the file named, and any whose cells it changed (a generic file may carry no titles).
  const changed = getDb().$client.prepare("select distinct area from employment_cells where import_id = ?").pluck().all(outcome.importId) as string[];
  const areas = [...new Set([...outcome.summary.areaTitles.keys(), ...changed])];
  return { ...outcome, feed: feedClusterMetrics(actor, areas) };
}
