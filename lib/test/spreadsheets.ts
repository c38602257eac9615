import ExcelJS from "exceljs";
import { zipSync } from "fflate";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import type { UserRole } from "@/db/schema/enums";
import type { UserActor } from "@/lib/auth/actor";

// Builders for the spreadsheet tests: files as an upload hands them over, and
// people to act as.

export type UploadedFile = { name: string; bytes: Uint8Array };

export function csvFile(text: string, name = "sheet.csv"): UploadedFile {
  return { name, bytes: new TextEncoder().encode(text) };
}

// A real workbook written by exceljs; `cells` may hold numbers, dates,
// formulas, anything exceljs writes.
export async function xlsxFile(rows: ExcelJS.CellValue[][], name = "sheet.xlsx", configure?: (sheet: ExcelJS.Worksheet) => void): Promise<UploadedFile> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Sheet1");
  for (const row of rows) sheet.addRow(row);
  configure?.(sheet);
  return { name, bytes: new Uint8Array(await workbook.xlsx.writeBuffer()) };
}

// A small archive that expands to `expandedBytes` of zeros in one worksheet.
export function zipBomb(expandedBytes: number, name = "bomb.xlsx"): UploadedFile {
  const bytes = zipSync(
    {
      "[Content_Types].xml": new TextEncoder().encode("<Types/>"),
      "xl/workbook.xml": new TextEncoder().encode("<workbook/>"),
      "xl/worksheets/sheet1.xml": new Uint8Array(expandedBytes),
    },
    { level: 9 },
  );
  return { name, bytes };
}

let people = 0;
export function makeUser(role: UserRole, memberships: { leadOf?: number[]; memberOf?: number[] } = {}): UserActor {
  people++;
  const name = `${role} ${people}`;
  const row = getDb()
    .insert(users)
    .values({ email: `${role}${people}@example.org`, name, role })
    .returning({ id: users.id })
    .get();
  return { kind: "user", userId: row.id, role, label: name, leadOf: memberships.leadOf ?? [], memberOf: memberships.memberOf ?? [] };
}
