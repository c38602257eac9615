import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { systemActor } from "@/lib/auth/actor";
import { qcew2016SjvFiles } from "@/lib/test/qcew-files";
import { importEmploymentFile } from "./import";

// The import service on the real 2016 SJV files and on small damaged copies:
// exact counts, idempotent re-imports, and a refused file writes no cell.

const actor = systemActor("test");
const FILES = qcew2016SjvFiles();
const FRESNO = FILES[0]!;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "qcew-import-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const cells = () => getDb().$client.prepare("select count(*) from employment_cells").pluck().get() as number;
const cellsSnapshot = () => JSON.stringify(getDb().$client.prepare("select * from employment_cells order by area, industry, ownership, year, quarter").all());
const importOf = (file: string, fileName = path.basename(file)) => importEmploymentFile(actor, { path: file, fileName });

// Fresno's header and its first `rows` data lines, with `edit` applied to the data lines.
function fresnoCopy(name: string, rows: number, edit: (lines: string[]) => string[] = (lines) => lines): string {
  const [header, ...data] = fs.readFileSync(FRESNO, "utf8").split("\r\n");
  const file = path.join(tmp, name);
  fs.writeFileSync(file, [header, ...edit(data.slice(0, rows))].join("\r\n") + "\r\n");
  return file;
}

describe("importEmploymentFile", () => {
  it("imports the eight SJV counties: 53,516 new cells, then re-imports them unchanged", async () => {
    let inserted = 0;
    for (const file of FILES) inserted += (await importOf(file)).record.inserted;
    expect(inserted).toBe(53516);
    expect(cells()).toBe(53516);
    const before = cellsSnapshot();
    for (const file of FILES) {
      const { record } = await importOf(file);
      expect(record).toMatchObject({ status: "done", inserted: 0, updated: 0, unchanged: record.rowsRead });
    }
    expect(cellsSnapshot()).toBe(before);
  }, 60_000);

  it("counts a changed cell as updated and the rest as unchanged", async () => {
    await importOf(fresnoCopy("a.csv", 100));
    const changed = fresnoCopy("b.csv", 120, (lines) => lines.map((line, i) => (i === 5 ? line.replace(/",\d+,/, '",1,') : line)));
    const { record } = await importOf(changed);
    expect(record).toMatchObject({ status: "done", rowsRead: 120, inserted: 20, updated: 1, unchanged: 99 });
  });

  it("a file with a bad row in the middle writes no cell, and its import record says why", async () => {
    const bad = fresnoCopy("bad.csv", 5000, (lines) => lines.map((line, i) => (i === 2500 ? line.replace('"06019"', '"6019"') : line)));
    await expect(importOf(bad)).rejects.toThrow(/bad\.csv, line 2502, column "area_fips": "6019" is not a BLS area code/);
    expect(cells()).toBe(0);
    const record = getDb().$client.prepare("select status, error from employment_imports").get() as { status: string; error: string };
    expect(record.status).toBe("failed");
    expect(record.error).toContain("line 2502");
  });

  it("refuses a cell given twice, naming both lines, and writes nothing", async () => {
    const dup = fresnoCopy("dup.csv", 50, (lines) => [...lines, lines[9]!]);
    await expect(importOf(dup)).rejects.toThrow(/dup\.csv, line 52: repeats the cell of line 11 \(area 06019, industry [^,]+, ownership \d, 2016 Q\d\)/);
    expect(cells()).toBe(0);
    // The staging table went with the failure.
    expect(getDb().$client.prepare("select count(*) from temp.sqlite_master where name like 'employment_staging_%'").pluck().get()).toBe(0);
  });
});
