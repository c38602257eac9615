import type Database from "better-sqlite3";
import { AppError } from "@/lib/errors";
import { ROWS_PER_INSERT, STAGING_COLUMNS, STAGING_WIDTH, type PackedRows } from "./import-pack";

// Writing an imported file's cells (issue #7). The file is read as a stream
// and its records land in a temporary staging table of this connection, a
// batch at a time: a temp table lives in the connection's own temp database,
// so staging takes no lock on the tracker's database and other requests keep
// writing while a large file is read. Only once the whole file has been read
// and checked are the cells merged into employment_cells, in the caller's
// single transaction: a file that fails half way writes nothing.
//
// Speed (3.5 million rows of a national annual file, see `npm run bench`):
// - rows come packed (import-pack.ts), ROWS_PER_INSERT to a statement (one
//   call into SQLite per 64 rows, not per row), and a large file is parsed in
//   another thread meanwhile (qcew-parse-thread.ts);
// - the staging table is keyed by the cell (WITHOUT ROWID: the key is the
//   table, no second B-tree). It refuses a repeated cell as it is written,
//   while the parser works, instead of in a sort after the read; and it hands
//   the merge its rows in employment_cells' key order, so the merge sorts
//   nothing (a key in the files' own order, ownership before industry, staged
//   faster but merged slower: 0.8 s slower in all);
// - the merge's "inserted" count comes from counting the file's areas in
//   employment_cells before and after, not from a "not exists" probe per
//   staged row.

const COLUMNS = STAGING_COLUMNS;
const KEY = ["area", "industry", "ownership", "year", "quarter"] as const;
const VALUES = COLUMNS.filter((c) => !(KEY as readonly string[]).includes(c));
const WIDTH = STAGING_WIDTH;

export class Staging {
  readonly table: string;
  private readonly name: string;
  private readonly insertOne: Database.Statement;
  private readonly insertMany: Database.Statement;
  private readonly areas = new Set<string>();
  private readonly years = new Set<number>();
  count = 0;

  constructor(
    private readonly client: Database.Database,
    importId: number,
    /** The file's name, for messages. */
    private readonly fileName: string,
  ) {
    this.name = `employment_staging_${importId}`;
    this.table = `temp.${this.name}`;
    client.exec(`drop table if exists ${this.table}`);
    client.exec(`create table ${this.table} (${COLUMNS.join(", ")}, line integer not null, primary key (${KEY.join(", ")})) without rowid`);
    const row = `(${Array<string>(WIDTH).fill("?").join(", ")})`;
    this.insertOne = client.prepare(`insert into ${this.table} values ${row}`);
    this.insertMany = client.prepare(`insert into ${this.table} values ${Array<string>(ROWS_PER_INSERT).fill(row).join(", ")}`);
  }

  /** Writes a packed batch (import-pack.ts) in one transaction. Synchronous and short, so no other request's statement runs inside it. */
  add(packed: PackedRows) {
    const many = ROWS_PER_INSERT * WIDTH;
    // A plain (deferred) BEGIN: writing only the temp table, it never locks the main database.
    this.client.exec("begin");
    try {
      for (const chunk of packed.chunks) {
        try {
          if (chunk.length === many) this.insertMany.run(chunk);
          else for (let at = 0; at < chunk.length; at += WIDTH) this.insertRow(chunk.slice(at, at + WIDTH));
        } catch (error) {
          // A repeated cell fails the whole statement (and only it): find the row, one at a time.
          if (!isRepeatedKey(error)) throw error;
          for (let at = 0; at < chunk.length; at += WIDTH) this.insertRow(chunk.slice(at, at + WIDTH));
        }
      }
      this.client.exec("commit");
    } catch (error) {
      this.client.exec("rollback");
      throw error;
    }
    for (const area of packed.areas) this.areas.add(area);
    for (const year of packed.years) this.years.add(year);
    this.count += packed.rows;
  }

  // A cell given twice in the file is an error: which value would be meant?
  private insertRow(row: unknown[]) {
    try {
      this.insertOne.run(row);
    } catch (error) {
      if (!isRepeatedKey(error)) throw error;
      const [area, industry, ownership, year, quarter] = row as [string, string, number, number, number];
      const first = this.client.prepare(`select line from ${this.table} where ${KEY.map((c) => `${c} = ?`).join(" and ")}`).pluck().get(area, industry, ownership, year, quarter) as number;
      const period = quarter === 0 ? `${year}` : `${year} Q${quarter}`;
      throw new AppError("INVALID_INPUT", `${this.fileName}, line ${row[WIDTH - 1] as number}: repeats the cell of line ${first} (area ${area}, industry ${industry}, ownership ${ownership}, ${period}).`);
    }
  }

  /**
   * Merges the staged cells into employment_cells; run inside the caller's
   * transaction, once the whole file is staged. A cell whose values are all the
   * same is left alone (so a re-imported file changes nothing, not even which
   * import last wrote it).
   */
  merge(importId: number): { inserted: number; updated: number; unchanged: number } {
    const before = this.cellsInAreas();
    const differs = VALUES.map((c) => `employment_cells.${c} is not excluded.${c}`).join(" or ");
    const changed = this.client
      .prepare(
        `insert into employment_cells (${COLUMNS.join(", ")}, import_id)
         select ${COLUMNS.join(", ")}, ? from ${this.table} where true
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
    this.client.exec(`drop table if exists ${this.table}`);
  }
}

const isRepeatedKey = (error: unknown) => (error as { code?: string }).code === "SQLITE_CONSTRAINT_PRIMARYKEY";
