import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { systemActor } from "@/lib/auth/actor";
import { qcew2016SjvFiles } from "@/lib/test/qcew-files";
import { importEmploymentFile } from "./import";
import { EmploymentFileError } from "./qcew-errors";

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

  // Rows are staged 64 to a statement: a repeated cell inside a full statement, or in the very statement of its first line, is found all the same.
  it("finds a repeated cell among full multi-row inserts, naming both lines and its own sha256 on the failed import", async () => {
    const far = fresnoCopy("dup-far.csv", 1000, (lines) => [...lines.slice(0, 700), lines[9]!, ...lines.slice(700)]);
    await expect(importOf(far)).rejects.toThrow(/dup-far\.csv, line 702: repeats the cell of line 11 \(/);
    const near = fresnoCopy("dup-near.csv", 1000, (lines) => [...lines.slice(0, 130), lines[129]!, ...lines.slice(130)]);
    await expect(importOf(near)).rejects.toThrow(/dup-near\.csv, line 132: repeats the cell of line 131 \(/);
    expect(cells()).toBe(0);
    const failed = getDb().$client.prepare("select file_name, sha256 from employment_imports where status = 'failed' order by id").all();
    const digest = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");
    expect(failed).toEqual([
      { file_name: "dup-far.csv", sha256: digest(far) },
      { file_name: "dup-near.csv", sha256: digest(near) },
    ]);
  });

  it("records the file's sha256, hashed as it was read", async () => {
    const { record } = await importOf(FRESNO);
    expect(record.sha256).toBe(createHash("sha256").update(fs.readFileSync(FRESNO)).digest("hex"));
  });
});

// A large file is parsed in a worker thread (qcew-parse-thread.ts); forced
// here on small files, it must import exactly what this thread does.
describe("importEmploymentFile, parsing in a worker thread", () => {
  const inWorker = (file: string, onProgress?: () => void) => importEmploymentFile(actor, { path: file, fileName: path.basename(file) }, onProgress, { parseThread: true });

  it("writes the same cells and counts, with progress, and a re-import in this thread changes nothing", async () => {
    let progress = 0;
    const { record, summary } = await inWorker(FRESNO, () => progress++);
    expect(progress).toBeGreaterThan(0);
    expect(record).toMatchObject({ status: "done", inserted: record.rowsRead, updated: 0, unchanged: 0 });
    expect(summary.finished).toBe(true);
    const before = cellsSnapshot();
    const again = await importOf(FRESNO);
    expect(again.record).toMatchObject({ inserted: 0, updated: 0, unchanged: record.rowsRead, rowsRead: record.rowsRead, suppressed: record.suppressed });
    expect(again.summary).toEqual(summary);
    expect(cellsSnapshot()).toBe(before);
  }, 30_000);

  it("refuses a bad row with the same error, naming file, line and column, and writes no cell", async () => {
    const bad = fresnoCopy("bad-w.csv", 5000, (lines) => lines.map((line, i) => (i === 2500 ? line.replace('"06019"', '"6019"') : line)));
    const error = await inWorker(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmploymentFileError);
    expect((error as EmploymentFileError).message).toMatch(/bad-w\.csv, line 2502, column "area_fips": "6019" is not a BLS area code/);
    expect((error as EmploymentFileError).position).toEqual({ file: "bad-w.csv", line: 2502, column: "area_fips" });
    expect(cells()).toBe(0);
    expect(getDb().$client.prepare("select status, rows_read from employment_imports").get()).toEqual({ status: "failed", rows_read: 2501 });
  }, 30_000);

  it("refuses a cell given twice, naming both lines", async () => {
    const dup = fresnoCopy("dup-w.csv", 50, (lines) => [...lines, lines[9]!]);
    await expect(inWorker(dup)).rejects.toThrow(/dup-w\.csv, line 52: repeats the cell of line 11/);
    expect(cells()).toBe(0);
  }, 30_000);
});
