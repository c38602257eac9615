import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { seedDefaultData } from "@/db/seed/seed";
import { addDefaultAnalytics } from "@/db/seed/sjv-analytics";
import { plans } from "@/db/schema";
import { sjvPlanId } from "@/lib/test/actors";
import { useFreshDatabase } from "@/lib/test/db";
import { planFigures } from "./plan-figures";
import { warmPlanFigures } from "./warm-figures";

// planFigures' cache, read directly: a call to planFigures would fill it itself.
const cache = () => (globalThis as { analyticsFigures?: Map<string, { figures: unknown }> }).analyticsFigures;

describe("warmPlanFigures", () => {
  it("caches the figures of every plan with a region, without estimates", async () => {
    useFreshDatabase();
    seedDefaultData();
    addDefaultAnalytics();
    const planId = sjvPlanId();
    const other = getDb().insert(plans).values({ slug: "no-region", title: "No region", region: "Elsewhere" }).returning().get();
    cache()?.clear();
    await warmPlanFigures();
    expect([...(cache()?.keys() ?? [])]).toEqual([`${planId}:false`]);
    expect(planFigures(planId)).toBe(cache()?.get(`${planId}:false`)?.figures);
    expect(cache()?.has(`${other.id}:false`)).toBe(false);
  });
});
