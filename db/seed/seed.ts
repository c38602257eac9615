import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { plans } from "@/db/schema";
import { systemActor } from "@/lib/auth/actor";
import { importPlan } from "@/lib/plans/import";
import { sjvPlan2012, sjvSap2006 } from "./sjv-plans";

export const DEFAULT_PLAN_SLUG = sjvPlan2012.plan.slug;

// Loads the default data set into an empty database. Idempotent: a database
// that already holds any plan is left alone, so restarting never duplicates
// data and never overwrites what people have entered since.
export function seedDefaultData(): { seeded: boolean } {
  const db = getDb();
  // One outer transaction (the imports nest as savepoints): two processes
  // starting at once cannot both see an empty database and both seed it.
  return db.transaction(
    (tx) => {
      const count = tx.select({ n: sql<number>`count(*)` }).from(plans).get()?.n ?? 0;
      if (count > 0) return { seeded: false };
      const actor = systemActor("seed");
      // The 2006 SAP goes first so the 2012 plan can link to it as its predecessor.
      importPlan(actor, { document: sjvSap2006 });
      importPlan(actor, { document: sjvPlan2012 });
      return { seeded: true };
    },
    { behavior: "immediate" },
  );
}
