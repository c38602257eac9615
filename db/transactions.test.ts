import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { migrateDatabase, openDatabase } from "./index";
import { plans } from "./schema";

// Transactions take the write lock when they begin, so a transaction that
// reads first and writes later waits for other processes instead of failing
// with "database is locked" when one of them wrote in between.
describe("openDatabase transactions", () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it("hold the write lock from their first statement", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cat-tx-"));
    dirs.push(dir);
    const file = path.join(dir, "t.db");
    const db = openDatabase(file);
    migrateDatabase(db);
    const other = new Database(file);
    other.pragma("busy_timeout = 0");
    try {
      const seen = db.transaction((tx) => {
        tx.select().from(plans).all();
        // Before this transaction has written anything, another connection cannot start writing.
        try {
          other.exec("BEGIN IMMEDIATE");
          other.exec("ROLLBACK");
          return "other connection got the lock";
        } catch (error) {
          return (error as { code?: string }).code;
        }
      });
      expect(seen).toBe("SQLITE_BUSY");
    } finally {
      other.close();
      db.$client.close();
    }
  });
});
