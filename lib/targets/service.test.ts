import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { targets } from "@/db/schema";
import { seedDefaultData } from "@/db/seed/seed";
import { getPlanDashboard } from "@/lib/plans/queries";
import { auditOf, makeActor, refusal, sjvPlanId, tablesSnapshot } from "@/lib/test/actors";
import { getTargetForEditing, listTargets, listTargetsForEditing } from "./queries";
import { createTarget, moveTarget, setTargetRetired, updateTarget } from "./service";

let planId: number;
let admin: ReturnType<typeof makeActor>;
let sectionId: number;

beforeEach(() => {
  seedDefaultData();
  planId = sjvPlanId();
  admin = makeActor("admin", "Ada Admin");
  sectionId = (getDb().$client.prepare("select id from sections where plan_id = ? order by id limit 1").get(planId) as { id: number }).id;
});

const target = (id: number) => getDb().select().from(targets).where(eq(targets.id, id)).get()!;
const sort = { sort: "amount", dir: "desc" } as const;

describe("targets", () => {
  it("creates a target from typed dollars, linked to sections, at the end of the plan's order", () => {
    const row = createTarget(admin, { planId, description: "Irrigation pumps", marketSupportUsd: "$1,250,000", source: "", sectionIds: String(sectionId) });
    expect(row).toMatchObject({ marketSupportUsd: 1_250_000, source: null });
    expect(getTargetForEditing(planId, row.id)?.sectionIds).toEqual([sectionId]);
    expect(listTargetsForEditing(planId).rows.at(-1)?.id).toBe(row.id);
    expect(auditOf("target", row.id)[0]?.action).toBe("target.create");
  });

  it("refuses amounts that are not whole dollars, writing nothing", () => {
    const before = tablesSnapshot();
    for (const amount of ["12.5", "-3", "lots"]) expect(() => createTarget(admin, { planId, description: "X", marketSupportUsd: amount })).toThrow();
    expect(tablesSnapshot()).toBe(before);
  });

  it("edits, refuses a stale edit with the other change, moves, retires out of the totals and back", () => {
    const row = createTarget(admin, { planId, description: "Cold storage", marketSupportUsd: 500 });
    const usdBefore = getPlanDashboard(planId).targets.usd;
    updateTarget(admin, { targetId: row.id, version: 1, description: "Cold storage", marketSupportUsd: 900, sectionIds: "" });
    expect(target(row.id)).toMatchObject({ marketSupportUsd: 900, version: 2 });
    expect(refusal(() => updateTarget(admin, { targetId: row.id, version: 1, description: "Mine", marketSupportUsd: 1 })).conflict?.changes).toEqual(["Market support (USD): 500 → 900"]);

    const order = () => listTargetsForEditing(planId).rows.map((t) => t.id);
    const before = order();
    moveTarget(admin, { targetId: row.id, direction: "up" });
    expect(order().slice(-2)).toEqual([row.id, before.at(-2)]);

    setTargetRetired(admin, { targetId: row.id, version: 2, retired: "true" });
    expect(target(row.id).retiredAt).not.toBeNull();
    expect(listTargets(planId, sort).rows.some((t) => t.id === row.id)).toBe(false);
    expect(listTargetsForEditing(planId, { showRetired: true }).rows.some((t) => t.id === row.id)).toBe(true);
    expect(getPlanDashboard(planId).targets.usd).toBe(usdBefore - 500);
    setTargetRetired(admin, { targetId: row.id, version: 3, retired: "false" });
    expect(target(row.id).retiredAt).toBeNull();
  });

  it("are edited by admins only", () => {
    const row = createTarget(admin, { planId, description: "Packaging", marketSupportUsd: 10 });
    const before = tablesSnapshot();
    for (const role of ["lead", "contributor", "viewer"] as const) {
      const actor = makeActor(role);
      expect(refusal(() => updateTarget(actor, { targetId: row.id, version: 1, description: "No", marketSupportUsd: 1 })).code).toBe("FORBIDDEN");
      expect(refusal(() => setTargetRetired(actor, { targetId: row.id, version: 1, retired: "true" })).code).toBe("FORBIDDEN");
    }
    expect(tablesSnapshot()).toBe(before);
  });
});
