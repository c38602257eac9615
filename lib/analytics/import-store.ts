import type Database from "better-sqlite3";
import { AppError } from "@/lib/errors";
import type { EmploymentRecord, RecordSource } from "./types";

// Writing an imported file's cells (issue #7). The file is read as a stream
// and its records land in a temporary staging table of this connection, a
// batch at a time: a temp table lives in the connection's own temp database,
// so staging takes no lock on the tracker's database and other requests keep
// writing while a large file is read. Only once the whole file has been read
// and checked are the cells merged into employment_cells, in the caller's
// single transaction: a file that fails half way writes nothing.
//
// Speed (3.5 million rows of a national annual file, see `npm run bench`):
// rows go in ROWS_PER_INSERT to a statement (one call into SQLite per 64 rows,
// not per row); the staging table gets its unique key only once the file is
// read (one sort, which finds a repeated cell and then hands the merge its rows
// in key order, so the merge sorts nothing); and the merge's "inserted" count
// comes from counting the file's areas in employment_cells before and after,
// not from a "not exists" probe per staged row.

export const STAGING_BATCH = 20_000;
const ROWS_PER_INSERT = 64;

const COLUMNS = ["area", "industry", "ownership", "year", "quarter", "level", "disclosed", "establishments", "month1", "month2", "month3", "annual_employment", "wages"] as const;
const KEY = ["area", "industry", "ownership", "year", "quarter"] as const;
const VALUES = COLUMNS.filter((c) => !(KEY as readonly string[]).includes(c));
const WIDTH = COLUMNS.length + 1; // + line

export class Staging {
  readonly table: string;
  private readonly name: string;
  private readonly insertOne: Database.Statement;
  private readonly insertMany: Database.Statement;
  private values: unknown[] = [];
  private readonly areas = new Set<string>();
  private readonly years = new Set<number>();
  private lastArea = "";
  count = 0;

  constructor(
    private readonly client: Database.Database,
    importId: number,
  ) {
    this.name = `employment_staging_${importId}`;
    this.table = `temp.${this.name}`;
    client.exec(`drop table if exists ${this.table}`);
    // No key yet: see assertNoDuplicates.
    client.exec(`create table ${this.table} (${COLUMNS.join(", ")}, line integer not null)`);
    const row = `(${Array<string>(WIDTH).fill("?").join(", ")})`;
    this.insertOne = client.prepare(`insert into ${this.table} values ${row}`);
    this.insertMany = client.prepare(`insert into ${this.table} values ${Array<string>(ROWS_PER_INSERT).fill(row).join(", ")}`);
  }

  add(r: EmploymentRecord, source: RecordSource) {
    const m = r.months;
    this.values.push(r.area, r.industry, r.ownership, r.year, r.quarter ?? 0, r.level, r.disclosed ? 1 : 0, r.establishments, m?.[0] ?? null, m?.[1] ?? null, m?.[2] ?? null, r.annualEmployment, r.wages, source.line);
    // Files are grouped by area, so the set is touched once per area, not per row.
    if (r.area !== this.lastArea) this.areas.add((this.lastArea = r.area));
    this.years.add(r.year);
    if (this.values.length >= STAGING_BATCH * WIDTH) this.flush();
  }

  /** Writes the pending batch. Synchronous and short, so no other request's statement runs inside it. */
  flush() {
    if (this.values.length === 0) return;
    const values = this.values;
    this.values = [];
    const many = ROWS_PER_INSERT * WIDTH;
    // A plain (deferred) BEGIN: writing only the temp table, it never locks the main database.
    this.client.exec("begin");
    try {
      let at = 0;
      for (; at + many <= values.length; at += many) this.insertMany.run(values.slice(at, at + many));
      for (; at < values.length; at += WIDTH) this.insertOne.run(values.slice(at, at + WIDTH));
      this.client.exec("commit");
    } catch (error) {
      this.client.exec("rollback");
      throw error;
    }
    this.count += values.length / WIDTH;
  }

  /** A cell given twice in the file is an error: which value would be meant? */
  assertNoDuplicates(fileName: string) {
    try {
      // The unique key, built in one sort now that the file is read; the merge then reads the rows in its order.
      this.client.exec(`create unique index temp.${this.name}_key on ${this.name} (${KEY.join(", ")})`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== "SQLITE_CONSTRAINT_UNIQUE") throw error;
    }
    const dup = this.client
      .prepare(`select ${KEY.join(", ")}, min(line) as first, max(line) as last from ${this.table} group by ${KEY.join(", ")} having count(*) > 1 order by first limit 1`)
      .get() as Record<(typeof KEY)[number], string | number> & { first: number; last: number };
    const period = dup.quarter === 0 ? `${dup.year}` : `${dup.year} Q${dup.quarter}`;
    throw new AppError("INVALID_INPUT", `${fileName}, line ${dup.last}: repeats the cell of line ${dup.first} (area ${dup.area}, industry ${dup.industry}, ownership ${dup.ownership}, ${period}).`);
  }

  /**
   * Merges the staged cells into employment_cells; run inside the caller's
   * transaction, after assertNoDuplicates. A cell whose values are all the
   * same is left alone (so a re-imported file changes nothing, not even which
   * import last wrote it).
   */
  merge(importId: number): { inserted: number; updated: number; unchanged: number } {
    const before = this.cellsInAreas();
    const differs = VALUES.map((c) => `employment_cells.${c} is not excluded.${c}`).join(" or ");
    const changed = this.client
      .prepare(
        `insert into employment_cells (${COLUMNS.join(", ")}, import_id)
         select ${COLUMNS.join(", ")}, ? from ${this.table} where true order by ${KEY.join(", ")}
         on conflict (${KEY.join(", ")}) do update set ${VALUES.map((c) => `${c} = excluded.${c}`).join(", ")}, import_id = excluded.import_id
         where ${differs}`,
      )
      .run(importId).changes;
    // Nothing else writes inside this transaction, so the cells added are the ones inserted.
    const inserted = this.cellsInAreas() - before;
    const updated = changed - inserted;
    return { inserted, updated, unchanged: this.count - inserted - updated };
  }

  // One range count per area on the primary key's leading column.
  private cellsInAreas(): number {
    const count = this.client.prepare("select count(*) from employment_cells where area = ?").pluck();
    let total = 0;
    for (const area of this.areas) total += count.get(area) as number;
    return total;
  }

  /** Years and areas the file touched, for refreshing the metrics they feed. */
  touched(): { areas: string[]; years: number[] } {
    return { areas: [...this.areas].sort(), years: [...this.years].sort((a, b) => a - b) };
  }

  drop() {
    this.values = [];
    this.client.exec(`drop table if exists ${this.table}`);
  }
}
