import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import fs from "node:fs";
import path from "node:path";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
// Drizzle's transaction handle; services accept either so they compose.
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export const MIGRATIONS_DIR = path.join(process.cwd(), "db", "migrations");

export function databasePath(): string {
  return process.env.DATABASE_PATH ?? path.join(dataDirectory(), "tracker.db");
}

export function dataDirectory(): string {
  return process.env.DATA_DIR ?? path.join(process.cwd(), "data");
}

// Pragmas are set explicitly at every open: SQLite defaults (rollback journal,
// foreign keys off, no busy wait) are wrong for a web server.
export function openDatabase(file: string): Db {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = drizzle(sqlite, { schema }) as Db;
  // Every transaction here writes, so each takes the write lock when it
  // begins (BEGIN IMMEDIATE). A deferred one that read first and then tried to
  // write after another process (the CLI, a second server) had written would
  // fail at once with "database is locked" instead of waiting busy_timeout.
  const transaction = db.transaction.bind(db);
  db.transaction = ((fn, config) => transaction(fn, { behavior: "immediate", ...config })) as Db["transaction"];
  return db;
}

export function migrateDatabase(db: Db) {
  migrate(db, { migrationsFolder: MIGRATIONS_DIR });
}

// One connection per server process, kept across hot reloads in development.
const globalForDb = globalThis as unknown as { trackerDb?: Db };

export function getDb(): Db {
  if (!globalForDb.trackerDb) {
    const db = openDatabase(databasePath());
    migrateDatabase(db);
    globalForDb.trackerDb = db;
  }
  return globalForDb.trackerDb;
}

// Unit tests swap in a fresh migrated in-memory database.
export function setDb(db: Db) {
  globalForDb.trackerDb = db;
}

// Hot read paths run the same SQL on every request; compiling it once per
// connection (and skipping the query builder) is measurably cheaper there.
// Use only for reads whose SQL text is fixed (values go in as parameters).
const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();
export function statement(sqlText: string): Database.Statement {
  const client = getDb().$client;
  let cache = statements.get(client);
  if (!cache) statements.set(client, (cache = new Map()));
  let stmt = cache.get(sqlText);
  if (!stmt) cache.set(sqlText, (stmt = client.prepare(sqlText)));
  return stmt;
}
