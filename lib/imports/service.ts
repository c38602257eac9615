import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { importBatches } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { getPeriod } from "@/lib/periods/queries";
import { getPlanBySlug } from "@/lib/plans/queries";
import { readSpreadsheet } from "@/lib/spreadsheets/read";
import { SPREADSHEET_LIMITS, type SpreadsheetLimits } from "@/lib/spreadsheets/limits";
import { applyActionRows, validateActionRows, type ActionRowInput } from "./actions-import";
import { COLUMNS, IGNORED_HEADERS, type ImportKind } from "./columns";
import { applyMeasurementRows, validateMeasurementRows, type MeasurementRowInput } from "./measurements-import";
import { commitImportSchema, previewImportSchema, storedActionRowSchema, storedErrorsSchema, storedMeasurementRowSchema, storedUpdateRowSchema, type ImportError } from "./schema";
import { applyUpdateRows, validateUpdateRows, type UpdateRowInput } from "./updates-import";

// A spreadsheet import in two steps. previewImport() reads and checks the file
// (a dry run: nothing in the plan changes) and keeps the rows and the
// row-level problems in an import batch for the preview page. commitImport()
// writes a batch that had no problems: all rows in one transaction, after
// checking them again against the plan as it is now, and only once.

export function sheetSpec(kind: ImportKind) {
  const columns = COLUMNS[kind];
  return { columns, ignored: IGNORED_HEADERS[kind], required: columns.filter((c) => c.required).map((c) => c.key) };
}

// The uploaded name is shown back, never used as a path: keep it short and printable.
function displayName(name: string): string {
  const base = name.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return base.slice(0, 200) || "upload";
}

const byRow = (a: ImportError, b: ImportError) => a.row - b.row;

export async function previewImport(actor: Actor, input: Record<string, unknown>, file: { name: string; bytes: Uint8Array }, limits: SpreadsheetLimits = SPREADSHEET_LIMITS) {
  const data = previewImportSchema.parse(input);
  authorize(actor, "plan.import");
  const plan = getPlanBySlug(data.plan);
  if (!plan) throw new AppError("NOT_FOUND", `No plan with the slug "${data.plan}".`);
  const period = data.kind === "updates" ? getPeriod(data.periodId!) : undefined;
  if (data.kind === "updates" && (!period || period.planId !== plan.id)) {
    throw new AppError("INVALID_INPUT", "Choose a reporting period of this plan.", { periodId: ["Choose a reporting period of this plan."] });
  }

  // Parsing is asynchronous (the workbook reader), so it happens before the
  // transaction; the checks against the plan happen inside it.
  const sheet = await readSpreadsheet(file, sheetSpec(data.kind), limits);
  const rows = sheet.rows.map((r) => ({ row: r.rowNumber, values: Object.fromEntries(r.cells) }));

  return getDb().transaction((tx) => {
    const result =
      data.kind === "updates"
        ? validateUpdateRows(tx, plan.id, period!.id, rows as UpdateRowInput[])
        : data.kind === "measurements"
          ? validateMeasurementRows(tx, plan.id, rows as MeasurementRowInput[])
          : validateActionRows(tx, plan.id, rows as ActionRowInput[]);
    const errors = [...sheet.issues, ...result.errors].sort(byRow);
    const batch = tx
      .insert(importBatches)
      .values({
        planId: plan.id,
        kind: data.kind,
        periodId: period?.id ?? null,
        fileName: displayName(file.name),
        createdById: actor.kind === "user" ? actor.userId : null,
        rows: JSON.stringify(result.stored),
        errors: JSON.stringify(errors),
      })
      .returning()
      .get();
    recordAudit(tx, actor, {
      action: "import.preview",
      entityType: "import_batch",
      entityId: batch.id,
      after: { kind: data.kind, fileName: batch.fileName, period: period?.label ?? null, rows: result.stored.length, errors: errors.length },
    });
    return { batchId: batch.id, rows: result.stored.length, errors: errors.length };
  });
}

function listOf(errors: ImportError[]) {
  const shown = errors.slice(0, 3).map((e) => `row ${e.row}, ${e.column}: ${e.reason}`);
  return shown.join(" ") + (errors.length > 3 ? ` (and ${errors.length - 3} more)` : "");
}

export function commitImport(actor: Actor, input: unknown) {
  const data = commitImportSchema.parse(input);
  authorize(actor, "plan.import");
  const plan = getPlanBySlug(data.plan);
  if (!plan) throw new AppError("NOT_FOUND", `No plan with the slug "${data.plan}".`);

  return getDb().transaction((tx) => {
    const batch = tx.select().from(importBatches).where(eq(importBatches.id, data.batchId)).get();
    if (!batch || batch.planId !== plan.id) throw new AppError("NOT_FOUND", "No such import in this plan.");
    if (batch.committedAt) throw new AppError("CONFLICT", `This import was already committed at ${batch.committedAt.replace("T", " ").slice(0, 16)} UTC; it was not written again.`);
    const previewErrors = storedErrorsSchema.parse(JSON.parse(batch.errors));
    if (previewErrors.length > 0) throw new AppError("INVALID_INPUT", `The preview found ${previewErrors.length} problem${previewErrors.length === 1 ? "" : "s"} in this file, so none of it can be imported. Fix the file and upload it again.`);

    // Checked again now, inside the transaction: the plan may have changed since the preview.
    const changed = (errors: ImportError[]) =>
      new AppError("CONFLICT", `The plan changed since the preview, and nothing was imported: ${listOf(errors)} Upload the file again for a fresh preview.`);
    let summary: Record<string, number>;
    if (batch.kind === "actions") {
      const stored = storedActionRowSchema.array().parse(JSON.parse(batch.rows));
      const result = validateActionRows(tx, plan.id, stored as ActionRowInput[]);
      const moved = stored.flatMap((s, i) => {
        const now = result.stored[i]!.existing;
        return s.existing?.id === now?.id && s.existing?.version === now?.version ? [] : [{ row: s.row, column: "Code", reason: `${s.values.code} ${s.existing ? "was changed or removed" : "was created"} by someone else after the preview.` }];
      });
      if (result.errors.length || moved.length) throw changed([...result.errors, ...moved].sort(byRow));
      summary = applyActionRows(tx, actor, plan.id, result.resolved, result.currentChampions);
    } else if (batch.kind === "measurements") {
      const stored = storedMeasurementRowSchema.array().parse(JSON.parse(batch.rows));
      const result = validateMeasurementRows(tx, plan.id, stored as MeasurementRowInput[]);
      const moved = stored.flatMap((s, i) => {
        const now = result.stored[i]!;
        return s.metricId === now.metricId && s.existing?.id === now.existing?.id
          ? []
          : [{ row: s.row, column: "Period", reason: `The ${s.period ?? s.values.period} value of ${s.values.metricKey} was ${s.existing ? "corrected" : "recorded"} by someone else after the preview.` }];
      });
      if (result.errors.length || moved.length) throw changed([...result.errors, ...moved].sort(byRow));
      summary = applyMeasurementRows(tx, actor, result.resolved, result.stored);
    } else {
      if (batch.periodId === null) throw new AppError("NOT_FOUND", "The reporting period of this import no longer exists.");
      const stored = storedUpdateRowSchema.array().parse(JSON.parse(batch.rows));
      const result = validateUpdateRows(tx, plan.id, batch.periodId, stored as UpdateRowInput[]);
      const moved = stored.flatMap((s, i) => {
        const now = result.stored[i]!.existing;
        return s.existing?.id === now?.id && s.existing?.version === now?.version ? [] : [{ row: s.row, column: "Action code", reason: `The update of ${s.values.actionCode} for this quarter was changed by someone after the preview.` }];
      });
      if (result.errors.length || moved.length) throw changed([...result.errors, ...moved].sort(byRow));
      summary = applyUpdateRows(tx, actor, batch.periodId, result.resolved);
    }

    const committedAt = new Date().toISOString();
    const marked = tx.update(importBatches).set({ committedAt }).where(and(eq(importBatches.id, batch.id), isNull(importBatches.committedAt))).run();
    if (marked.changes !== 1) throw new AppError("CONFLICT", "This import was committed by someone else at the same moment.");
    recordAudit(tx, actor, { action: "import.commit", entityType: "import_batch", entityId: batch.id, after: { kind: batch.kind, fileName: batch.fileName, ...summary } });
    return { kind: batch.kind, ...summary };
  });
}
