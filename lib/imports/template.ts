import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import type { Table } from "@/lib/spreadsheets/write";
import { COLUMNS, IMPORT_KINDS, IMPORT_KIND_LABELS, type ImportKind } from "./columns";

export function parseImportKind(value: string | null): ImportKind {
  const kind = IMPORT_KINDS.find((k) => k === value);
  if (!kind) throw new AppError("INVALID_INPUT", `Ask for ${IMPORT_KINDS.map((k) => `kind=${k}`).join(", ")}.`);
  return kind;
}

const SHEET_NAMES: Record<ImportKind, string> = { actions: "Actions", updates: "Updates", measurements: "Measurements" };

// The template of an import: its header row and one example row, and (in the
// XLSX file) a second sheet explaining each column, as the import page does.
export function importTemplate(actor: Actor, kind: ImportKind): { table: Table; notes: Table; fileName: string } {
  authorize(actor, "plan.import");
  const columns = COLUMNS[kind];
  return {
    fileName: `${kind}-import-template`,
    table: {
      sheetName: SHEET_NAMES[kind],
      columns: columns.map((c) => ({ header: c.header, width: Math.max(14, Math.min(60, c.example.length + 4)) })),
      rows: [columns.map((c) => c.example)],
    },
    notes: {
      sheetName: "Read me",
      columns: [
        { header: "Column", width: 18 },
        { header: "Required", width: 10 },
        { header: `What to enter (${IMPORT_KIND_LABELS[kind]}; the first sheet is imported, replace its example row)`, width: 100 },
      ],
      rows: columns.map((c) => [c.header, c.required ? "yes" : "no", c.help]),
    },
  };
}
