import { sql } from "drizzle-orm";
import { databasePath, getDb } from "@/db";
import { users } from "@/db/schema";
import { addDefaultMetrics, seedDefaultData } from "@/db/seed/seed";
import { addDefaultAnalytics } from "@/db/seed/sjv-analytics";
import { systemActor } from "@/lib/auth/actor";
import { isAppError } from "@/lib/errors";
import { createUser } from "@/lib/users/service";

export const FIRST_ADMIN_EMAIL = () => process.env.ADMIN_EMAIL ?? "admin@tracker.local";

// Run once per process before serving: getDb() applies pending migrations; an
// empty database gets the default plan (unless SEED_DEFAULT_PLAN=false); and a
// database with no users gets one admin whose one-time password is printed
// once. No default password exists anywhere.
export async function prepareDatabase(log: (line: string) => void = console.log) {
  const db = getDb();
  if (process.env.SEED_DEFAULT_PLAN !== "false") {
    const { seeded } = seedDefaultData();
    if (seeded) log(`Loaded the default San Joaquin Valley 2012 plan into ${databasePath()}`);
    else if (addDefaultMetrics().added > 0) log("Added the San Joaquin Valley plan's default metrics.");
    // After the metrics: each cluster's definition names the metric it feeds.
    if (addDefaultAnalytics().added && !seeded) log("Added the San Joaquin Valley plan's region and starting cluster definitions.");
  }
  // An import the last server was running when it stopped wrote nothing (its merge is one transaction): say so.
  db.$client.prepare("update employment_imports set status = 'failed', error = 'The server stopped during this import. Nothing was imported; import the file again.', finished_at = ? where status = 'running'").run(new Date().toISOString());
  const count = db.select({ n: sql<number>`count(*)` }).from(users).get()?.n ?? 0;
  if (count > 0) return;
  try {
    const { user, oneTimePassword } = await createUser(systemActor("first-start"), { email: FIRST_ADMIN_EMAIL(), name: "Administrator", role: "admin" });
    log("");
    log("  First administrator created. Sign in at /login with:");
    log(`    email:    ${user.email}`);
    log(`    password: ${oneTimePassword}   (one-time: you will choose your own at first sign-in)`);
    log("  This password is shown only once.");
    log("");
  } catch (error) {
    // Another process created the first user at the same moment.
    if (!(isAppError(error) && error.code === "CONFLICT")) throw error;
  }
}
