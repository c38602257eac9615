import { isNotNull } from "drizzle-orm";
import { getDb } from "@/db";
import { plans } from "@/db/schema";
import { planFigures } from "./plan-figures";

// Once uploaded files are imported (import-jobs.ts), the server computes the
// figures of every plan with an analytics region, so that the first person to
// open a plan's analytics after an import does not wait for them. The import
// ran in a worker thread, and the figures it computed there for the metric
// feed are that thread's, not the pages'. One plan per turn of the event
// loop, so requests in between are served; only the default view (no
// estimates) is computed.

/** Resolves when every plan's figures are cached. A failure is logged, never thrown: warming is a convenience. */
export function warmPlanFigures(): Promise<void> {
  return new Promise((resolve) => {
    let ids: number[];
    try {
      ids = getDb().select({ id: plans.id }).from(plans).where(isNotNull(plans.analyticsRegionId)).all().map((p) => p.id);
    } catch (error) {
      console.error(error);
      return resolve();
    }
    const next = () => {
      const id = ids.shift();
      if (id === undefined) return resolve();
      try {
        planFigures(id);
      } catch (error) {
        console.error(error);
      }
      setImmediate(next);
    };
    setImmediate(next);
  });
}
