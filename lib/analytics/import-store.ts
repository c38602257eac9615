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

export const STAGING_BATCH = 10_000;

const COLUMNS = ["area", "industry", "ownership", "year", "quarter", "level", "disclosed", "establishments", "month1", "month2", "month3", "annual_employment", "wages"] as const;
const KEY = ["area", "industry", "ownership", "year", "quarter"] as const;
const VALUES = COLUMNS.filter((c) => !(KEY as readonly string[]).includes(c));

export class Staging {
  readonly table: string;
  private readonly insert: Database.Statement;
  private rows: unknown[][] = [];
  count = 0;

  constructor(
    private readonly client: Database.Database,
    importId: number,
  ) {
    this.table = `temp.employment_staging_${importId}`;
    client.exec(`drop table if exists ${this.table}`);
    // No key here: duplicates are looked for once, after the file is read, which is faster than a unique index on every insert.
    client.exec(`create table ${this.table} (${COLUMNS.join(", ")}, line integer not null)`);
    this.insert = client.prepare(`insert into ${this.table} values (${COLUMNS.map(() => "?").join(", ")}, ?)`);
  }

  add(r: EmploymentRecord, source: RecordSource) {
    const m = r.months;
    this.rows.push([r.area, r.industry, r.ownership, r.year, r.quarter ?? 0, r.level, r.disclosed ? 1 : 0, r.establishments, m?.[0] ?? null, m?.[1] ?? null, m?.[2] ?? null, r.annualEmployment, r.wages, source.line]);
    if (this.rows.length >= STAGING_BATCH) this.flush();
  }

  /** Writes the pending batch. Synchronous and short, so no other request's statement runs inside it. */
  flush() {
    if (this.rows.length === 0) return;
    const rows = this.rows;
    this.rows = [];
    // A plain (deferred) BEGIN: writing only the temp table, it never locks the main database.
    this.client.exec("begin");
    try {
      for (const row of rows) this.insert.run(row);
      this.client.exec("commit");
    } catch (error) {
      this.client.exec("rollback");
      throw error;
    }
    this.count += rows.length;
  }

  /** A cell given twice in the file is an error: which value would be meant? */
  assertNoDuplicates(fileName: string) {
    const dup = this.client
      .prepare(`select ${KEY.join(", ")}, min(line) as first, max(line) as last from ${this.table} group by ${KEY.join(", ")} having count(*) > 1 order by first limit 1`)
      .get() as (Record<(typeof KEY)[number], string | number> & { first: number; last: number }) | undefined;
    if (dup) {
      const period = dup.quarter === 0 ? `${dup.year}` : `${dup.year} Q${dup.quarter}`;
      throw new AppError("INVALID_INPUT", `${fileName}, line ${dup.last}: repeats the cell of line ${dup.first} (area ${dup.area}, industry ${dup.industry}, ownership ${dup.ownership}, ${period}).`);
    }
  }

  /**
   * Merges the staged cells into employment_cells; run inside the caller's
   * transaction. A cell whose values are all the same is left alone (so a
   * re-imported file changes nothing, not even which import last wrote it).
   */
  merge(importId: number): { inserted: number; updated: number; unchanged: number } {
    const keyMatch = KEY.map((k) => `c.${k} = s.${k}`).join(" and ");
    const { inserted } = this.client.prepare(`select count(*) as inserted from ${this.table} s where not exists (select 1 from employment_cells c where ${keyMatch})`).get() as { inserted: number };
    const differs = VALUES.map((c) => `employment_cells.${c} is not excluded.${c}`).join(" or ");
    const changed = this.client
      .prepare(
        `insert into employment_cells (${COLUMNS.join(", ")}, import_id)
         select ${COLUMNS.join(", ")}, ? from ${this.table} where true order by ${KEY.join(", ")}
         on conflict (${KEY.join(", ")}) do update set ${VALUES.map((c) => `${c} = excluded.${c}`).join(", ")}, import_id = excluded.import_id
         where ${differs}`,
      )
      .run(importId).changes;
    const updated = changed - inserted;
    return { inserted, updated, unchanged: this.count - inserted - updated };
  }

  /** Years and areas the file touched, for refreshing the metrics they feed. */
  touched(): { areas: string[]; years: number[] } {
    const areas = (this.client.prepare(`select distinct area from ${this.table} order by area`).pluck().all() as string[]);
    const years = (this.client.prepare(`select distinct year from ${this.table} order by year`).pluck().all() as number[]);
    return { areas, years };
  }

  drop() {
    this.rows = [];
    this.client.exec(`drop table if exists ${this.table}`);
  }
}
