import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { plans } from "@/db/schema";

// One cheap query: proves the database answers. Also the benchmark's floor.
export function countPlans(): number {
  return getDb().select({ n: sql<number>`count(*)` }).from(plans).get()?.n ?? 0;
}
