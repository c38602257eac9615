import { desc, eq, sql, type AnyColumn } from "drizzle-orm";
import { getDb } from "@/db";
import { importBatches, reportingPeriods, users } from "@/db/schema";
import { storedActionRowSchema, storedErrorsSchema, storedMeasurementRowSchema, storedUpdateRowSchema } from "./schema";

const batchColumns = {
  id: importBatches.id,
  planId: importBatches.planId,
  kind: importBatches.kind,
  fileName: importBatches.fileName,
  committedAt: importBatches.committedAt,
  createdAt: importBatches.createdAt,
  periodId: importBatches.periodId,
  periodLabel: reportingPeriods.label,
  createdByName: users.name,
};

// One import batch with its rows and problems, for the preview page.
export function getImportBatch(batchId: number) {
  const row = getDb()
    .select({ ...batchColumns, rows: importBatches.rows, errors: importBatches.errors })
    .from(importBatches)
    .leftJoin(reportingPeriods, eq(reportingPeriods.id, importBatches.periodId))
    .leftJoin(users, eq(users.id, importBatches.createdById))
    .where(eq(importBatches.id, batchId))
    .get();
  if (!row) return null;
  const { rows, errors, ...batch } = row;
  const parsedErrors = storedErrorsSchema.parse(JSON.parse(errors));
  switch (batch.kind) {
    case "actions":
      return { ...batch, kind: "actions" as const, rows: storedActionRowSchema.array().parse(JSON.parse(rows)), errors: parsedErrors };
    case "updates":
      return { ...batch, kind: "updates" as const, rows: storedUpdateRowSchema.array().parse(JSON.parse(rows)), errors: parsedErrors };
    case "measurements":
      return { ...batch, kind: "measurements" as const, rows: storedMeasurementRowSchema.array().parse(JSON.parse(rows)), errors: parsedErrors };
  }
}

export type ImportBatchView = NonNullable<ReturnType<typeof getImportBatch>>;

// The plan's latest imports, with how many rows and problems each had.
export function listImportBatches(planId: number, limit = 10) {
  return getDb()
    .select({ ...batchColumns, rowCount: sqlJsonLength(importBatches.rows), errorCount: sqlJsonLength(importBatches.errors) })
    .from(importBatches)
    .leftJoin(reportingPeriods, eq(reportingPeriods.id, importBatches.periodId))
    .leftJoin(users, eq(users.id, importBatches.createdById))
    .where(eq(importBatches.planId, planId))
    .orderBy(desc(importBatches.id))
    .limit(limit)
    .all();
}

// Counted by SQLite, so the list does not parse every batch's JSON.
function sqlJsonLength(column: AnyColumn) {
  return sql<number>`json_array_length(${column})`;
}
