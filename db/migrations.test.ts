import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { describe, expect, it } from "vitest";
import { MIGRATIONS_DIR } from "@/db";

// 0007_metrics rebuilds the metrics table. It must keep rows written under the
// old shape, and their measurements: the migrator runs in a transaction, where
// PRAGMA foreign_keys=OFF does nothing, so a plain DROP TABLE would cascade.
/** A copy of the migrations folder holding only migrations up to `last`. */
function migrationsUpTo(last: number): string {
  const before = fs.mkdtempSync(path.join(os.tmpdir(), "mig-"));
  fs.mkdirSync(path.join(before, "meta"));
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, "meta", "_journal.json"), "utf8"));
  journal.entries = journal.entries.filter((e: { idx: number }) => e.idx <= last);
  fs.writeFileSync(path.join(before, "meta", "_journal.json"), JSON.stringify(journal));
  for (const e of journal.entries as { tag: string }[]) fs.copyFileSync(path.join(MIGRATIONS_DIR, `${e.tag}.sql`), path.join(before, `${e.tag}.sql`));
  return before;
}

describe("migration 0007_metrics", () => {
  it("keeps earlier metrics (with a scope and unit worked out) and their measurements", () => {
    const before = migrationsUpTo(6);
    const sqlite = new Database(":memory:");
    sqlite.pragma("foreign_keys = ON");
    const db = drizzle(sqlite);
    migrate(db, { migrationsFolder: before });
    sqlite.prepare("insert into plans (slug, title, region) values ('p', 'Plan', 'Region')").run();
    sqlite.prepare("insert into metrics (plan_id, name, unit) values (1, 'Acres restored', 'acres')").run();
    sqlite.prepare("insert into metrics (plan_id, name, unit) values (1, 'Jobs', 'jobs')").run();
    const measure = sqlite.prepare("insert into measurements (metric_id, period_label, value) values (?, ?, ?)");
    measure.run(1, "2014", 5);
    measure.run(1, "2014", 6);
    measure.run(2, "2015", 100);

    migrate(db, { migrationsFolder: MIGRATIONS_DIR });
    expect(sqlite.prepare("select id, scope, unit, unit_label from metrics order by id").all()).toEqual([
      { id: 1, scope: "plan", unit: "other", unit_label: "acres" },
      { id: 2, scope: "plan", unit: "jobs", unit_label: null },
    ]);
    // Every measurement is kept; of two for one period, the older becomes history.
    expect(sqlite.prepare("select id, metric_id, value, superseded_at is not null as superseded from measurements order by id").all()).toEqual([
      { id: 1, metric_id: 1, value: 5, superseded: 1 },
      { id: 2, metric_id: 1, value: 6, superseded: 0 },
      { id: 3, metric_id: 2, value: 100, superseded: 0 },
    ]);
    expect(sqlite.pragma("foreign_key_check")).toEqual([]);
    fs.rmSync(before, { recursive: true });
  });
});

// 0009_report_comments rebuilds the comments table so a comment can be about
// a report: the action comments already written must survive it.
describe("migration 0009_report_comments", () => {
  it("keeps action comments and allows exactly one subject", () => {
    const before = migrationsUpTo(8);
    const sqlite = new Database(":memory:");
    sqlite.pragma("foreign_keys = ON");
    const db = drizzle(sqlite);
    migrate(db, { migrationsFolder: before });
    sqlite.prepare("insert into plans (slug, title, region) values ('p', 'Plan', 'Region')").run();
    sqlite.prepare("insert into actions (plan_id, code, text) values (1, 'A-1', 'Do it')").run();
    sqlite.prepare("insert into comments (action_id, body) values (1, 'Kept')").run();

    migrate(db, { migrationsFolder: MIGRATIONS_DIR });
    expect(sqlite.prepare("select id, action_id, report_id, body from comments").all()).toEqual([{ id: 1, action_id: 1, report_id: null, body: "Kept" }]);
    expect(() => sqlite.prepare("insert into comments (body) values ('About nothing')").run()).toThrow(/CHECK/);
    expect(sqlite.pragma("foreign_key_check")).toEqual([]);
    fs.rmSync(before, { recursive: true });
  });
});

describe("migration 0010_employment_analytics", () => {
  it("keeps plans, and a region's deletion leaves its plans without a region", () => {
    const before = migrationsUpTo(9);
    const sqlite = new Database(":memory:");
    sqlite.pragma("foreign_keys = ON");
    const db = drizzle(sqlite);
    migrate(db, { migrationsFolder: before });
    sqlite.prepare("insert into plans (slug, title, region) values ('p', 'Plan', 'Region')").run();

    migrate(db, { migrationsFolder: MIGRATIONS_DIR });
    expect(sqlite.prepare("select slug, analytics_region_id, reference_area from plans").all()).toEqual([{ slug: "p", analytics_region_id: null, reference_area: null }]);
    sqlite.prepare("insert into regions (key, name) values ('sjv', 'San Joaquin Valley')").run();
    sqlite.prepare("update plans set analytics_region_id = 1, reference_area = '06000'").run();
    sqlite.prepare("delete from regions").run();
    expect(sqlite.prepare("select analytics_region_id, reference_area from plans").get()).toEqual({ analytics_region_id: null, reference_area: "06000" });
  });

  it("refuses malformed codes and quarterly cells without months", () => {
    const sqlite = new Database(":memory:");
    migrate(drizzle(sqlite), { migrationsFolder: MIGRATIONS_DIR });
    expect(() => sqlite.prepare("insert into areas (code, title) values ('6019', 'Short')").run()).toThrow(/CHECK/);
    const cell = sqlite.prepare("insert into employment_cells (area, industry, ownership, year, quarter, disclosed, establishments, month1, month2, month3, annual_employment, wages) values ('06019', '1111', 5, 2016, ?, 1, 3, ?, ?, ?, ?, 100)");
    expect(() => cell.run(1, null, null, null, null)).toThrow(/CHECK/);
    expect(() => cell.run(0, 1, 2, 3, 2)).toThrow(/CHECK/);
    cell.run(1, 1, 2, 3, null);
    cell.run(0, null, null, null, 2);
  });
});
