import { createHash } from "node:crypto";
import fs from "node:fs";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { areas, employmentImports, industries, type EmploymentImport } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { isAppError } from "@/lib/errors";
import { Staging } from "./import-store";
import { readPackedInThread } from "./qcew-packed";
import { canParseInWorker, readPackedInWorker } from "./qcew-parse-thread";
import type { ReadProgress } from "./qcew-progress";
import type { ReadSummary } from "./qcew-reader";

// Importing one employment file (issue #7): a BLS QCEW "by area" CSV,
// quarterly or annual, or the generic CSV. The file is read as a stream into
// a staging table (import-store.ts), checked whole, then merged in one
// transaction with the area and industry titles it carried, its import
// record and an audit entry. A file that fails anywhere writes no cell; its
// import record says why. Re-importing a file changes nothing.
//
// The CLI (scripts/qcew-import.ts) and the upload route call this; the route
// runs it in a worker thread, with its own database connection.

export const importEmploymentSchema = z.object({
  path: z.string().min(1, "Choose a file."),
  fileName: z.string().trim().min(1, "The file needs a name.").max(255, "The file name is too long."),
});

/**
 * Where an import's time went, in ms; the bench reports it. Reading and
 * staging alternate, a batch at a time, in this thread; when the file is
 * parsed in a worker thread they overlap, and readMs is only the time spent
 * waiting for the parser.
 */
export interface ImportTimings {
  /** Reading, parsing and checking the file, or waiting for the thread that does (all the time not spent below). */
  readMs: number;
  /** Writing the records into the staging table (keyed by the cell, so a cell given twice is refused here). */
  stageMs: number;
  /** The transaction: merging into employment_cells, titles, the import record, the audit entry. */
  mergeMs: number;
  totalMs: number;
}

export interface ImportOutcome {
  importId: number;
  record: EmploymentImport;
  summary: ReadSummary;
  timings: ImportTimings;
}

async function sha256(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of fs.createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

const skippedCounts = (summary: ReadSummary) => Object.fromEntries(summary.skipped.map((s) => [s.description, s.count]));

export interface ImportOptions {
  /** Parse in a worker thread while this one writes staging; by default, for a file of PARSE_THREAD_BYTES or more where a worker can run (see qcew-parse-thread.ts). */
  parseThread?: boolean;
}

/** From this size a file is parsed in a worker thread, where one can run: below it the thread's start-up outweighs the overlap. */
export const PARSE_THREAD_BYTES = 32 << 20;

export async function importEmploymentFile(actor: Actor, input: unknown, onProgress?: (p: ReadProgress) => void, options: ImportOptions = {}): Promise<ImportOutcome> {
  const { path, fileName } = importEmploymentSchema.parse(input);
  authorize(actor, "analytics.manage");
  const db = getDb();
  const bytes = (await fs.promises.stat(path)).size;
  const importId = db
    .insert(employmentImports)
    // The reader hashes the file as it goes; the hash is written when the import ends, either way.
    .values({ fileName, sha256: "", bytes, startedBy: actor.kind === "user" ? actor.userId : null })
    .returning({ id: employmentImports.id })
    .get().id;
  const started = performance.now();
  const staging = new Staging(db.$client, importId, fileName);
  const inWorker = (options.parseThread ?? bytes >= PARSE_THREAD_BYTES) && canParseInWorker();
  const reading = (inWorker ? readPackedInWorker : readPackedInThread)(path, { fileName, onProgress });
  const timings: ImportTimings = { readMs: 0, stageMs: 0, mergeMs: 0, totalMs: 0 };
  try {
    for await (const batch of reading.batches()) {
      const t = performance.now();
      staging.add(batch);
      timings.stageMs += performance.now() - t;
    }
    const t = performance.now();
    timings.readMs = t - started - timings.stageMs;
    const summary = reading.summary();
    const digest = summary.sha256 ?? (await sha256(path));
    const record = db.transaction((tx) => {
      const counts = staging.merge(importId);
      for (const [code, title] of summary.areaTitles) tx.insert(areas).values({ code, title }).onConflictDoUpdate({ target: areas.code, set: { title }, setWhere: sql`${areas.title} is not ${title}` }).run();
      for (const [code, title] of summary.industryTitles) tx.insert(industries).values({ code, title }).onConflictDoUpdate({ target: industries.code, set: { title }, setWhere: sql`${industries.title} is not ${title}` }).run();
      const done = tx
        .update(employmentImports)
        .set({ status: "done", sha256: digest, layout: summary.layout, rowsRead: summary.rowsRead, suppressed: summary.suppressed, skipped: skippedCounts(summary), ...counts, finishedAt: new Date().toISOString() })
        .where(eq(employmentImports.id, importId))
        .returning()
        .get();
      recordAudit(tx, actor, {
        action: "employment.import",
        entityType: "employment_import",
        entityId: importId,
        after: { fileName, layout: summary.layout, rows: summary.rowsRead, ...counts, suppressed: summary.suppressed, skipped: done.skipped },
      });
      return done;
    });
    timings.mergeMs = performance.now() - t;
    timings.totalMs = performance.now() - started;
    return { importId, record, summary, timings };
  } catch (error) {
    const message = isAppError(error) ? error.message : `${fileName}: the import failed (${error instanceof Error ? error.message : String(error)}).`;
    const summary = reading.summary();
    // Hashed again only if the read stopped early; a file that cannot be read keeps "" rather than hiding the first error.
    const digest = summary.sha256 ?? (await sha256(path).catch(() => ""));
    db.update(employmentImports)
      .set({ status: "failed", sha256: digest, error: message, layout: summary.layout, rowsRead: summary.rowsRead, finishedAt: new Date().toISOString() })
      .where(eq(employmentImports.id, importId))
      .run();
    throw error;
  } finally {
    staging.drop();
  }
}
