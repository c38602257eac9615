import { migrateDatabase, openDatabase, setDb, type Db } from "@/db";

export function useFreshDatabase(): Db {
  const db = openDatabase(":memory:");
  migrateDatabase(db);
  setDb(db);
  return db;
}
