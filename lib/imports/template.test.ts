import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { reportingPeriods } from "@/db/schema";
import { seedDefaultData } from "@/db/seed/seed";
import { AppError } from "@/lib/errors";
import { getPlanBySlug } from "@/lib/plans/queries";
import { readSpreadsheet } from "@/lib/spreadsheets/read";
import { renderTable } from "@/lib/spreadsheets/write";
import { makeUser } from "@/lib/test/spreadsheets";
import { IMPORT_KINDS } from "./columns";
import { getImportBatch } from "./queries";
import { previewImport, sheetSpec } from "./service";
import { importTemplate, parseImportKind } from "./template";

describe("import templates", () => {
  it("read back through the import itself, in both formats, with a clean example row", async () => {
    seedDefaultData();
    const admin = makeUser("admin");
    const planId = getPlanBySlug("sjv-2012")!.id;
    const period = getDb().insert(reportingPeriods).values({ planId, label: "2026 Q1", startDate: "2026-01-01", endDate: "2026-03-31", deadline: "2026-04-15", status: "open" }).returning().get();
    for (const kind of IMPORT_KINDS) {
      const { table, notes, fileName } = importTemplate(admin, kind);
      expect(notes.rows.map((r) => r[0])).toEqual(table.columns.map((c) => c.header));
      for (const format of ["csv", "xlsx"] as const) {
        const file = { name: `${fileName}.${format}`, bytes: await renderTable(table, format, [notes]) };
        const sheet = await readSpreadsheet(file, sheetSpec(kind));
        expect(sheet.rows).toHaveLength(1);
        expect(sheet.keys).toEqual(table.columns.map((_, i) => sheetSpec(kind).columns[i]!.key));
        const preview = await previewImport(admin, { plan: "sjv-2012", kind, periodId: period.id }, file);
        expect(getImportBatch(preview.batchId)!.errors).toEqual([]);
      }
    }
  });

  it("are for importers only, and only of the known kinds", () => {
    expect(() => importTemplate({ kind: "anonymous" }, "actions")).toThrow(AppError);
    expect(() => parseImportKind("__proto__")).toThrow("Ask for kind=actions, kind=updates, kind=measurements.");
  });
});
