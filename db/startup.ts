import { databasePath, getDb } from "@/db";
import { seedDefaultData } from "@/db/seed/seed";

// Run once per process before serving: getDb() applies pending migrations, and
// an empty database gets the default plan unless SEED_DEFAULT_PLAN=false.
export function prepareDatabase(log: (line: string) => void = console.log) {
  getDb();
  if (process.env.SEED_DEFAULT_PLAN === "false") return;
  const { seeded } = seedDefaultData();
  if (seeded) log(`Loaded the default San Joaquin Valley 2012 plan into ${databasePath()}`);
}
