import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { workGroups } from "@/db/schema";
import { seedDefaultData } from "@/db/seed/seed";
import { listWorkGroups } from "@/lib/plans/queries";
import { auditOf, groupIdOf, makeActor, refusal, sjvPlanId, tablesSnapshot } from "@/lib/test/actors";
import { getWorkGroupForEditing, listPlanWorkGroups } from "./queries";
import { createWorkGroup, moveWorkGroup, setWorkGroupRetired, updateWorkGroup } from "./service";

let planId: number;
let admin: ReturnType<typeof makeActor>;
let sectionIds: number[];
let orgId: number;

beforeEach(() => {
  seedDefaultData();
  planId = sjvPlanId();
  admin = makeActor("admin", "Ada Admin");
  sectionIds = (getDb().$client.prepare("select id from sections where plan_id = ? order by id limit 3").all(planId) as { id: number }[]).map((r) => r.id);
  orgId = (getDb().$client.prepare("select id from organizations order by id limit 1").get() as { id: number }).id;
});

const group = (id: number) => getDb().select().from(workGroups).where(eq(workGroups.id, id)).get()!;
const fields = (over: Record<string, unknown> = {}) => ({ key: "water-wg", name: "Water Work Group", description: "", leadOrganizationId: orgId, status: "active", sectionIds: `${sectionIds[0]},${sectionIds[1]}`, ...over });

describe("createWorkGroup", () => {
  it("creates the group with its linked sections at the end of the plan's list, audited", () => {
    const row = createWorkGroup(admin, { planId, ...fields() });
    expect(row).toMatchObject({ key: "water-wg", name: "Water Work Group", description: null, leadOrganizationId: orgId });
    expect(getWorkGroupForEditing(planId, row.id)?.sectionIds.sort()).toEqual([sectionIds[0], sectionIds[1]].sort());
    expect(listPlanWorkGroups(planId).at(-1)?.id).toBe(row.id);
    expect(auditOf("work_group", row.id)[0]).toMatchObject({ action: "work_group.create" });
  });

  it("refuses a bad key, a taken key, and sections of another plan, writing nothing", () => {
    const before = tablesSnapshot();
    expect(() => createWorkGroup(admin, { planId, ...fields({ key: "Water WG" }) })).toThrow(/lower-case letters/);
    expect(refusal(() => createWorkGroup(admin, { planId, ...fields({ key: "energy-wg" }) })).fieldErrors).toEqual({ key: ["Choose a key no other work group of this plan has."] });
    const foreign = getDb().$client.prepare("select id from sections where plan_id <> ? limit 1").get(planId) as { id: number };
    expect(refusal(() => createWorkGroup(admin, { planId, ...fields({ sectionIds: [foreign.id] }) })).fieldErrors).toEqual({ sectionIds: ["Choose sections of this plan."] });
    expect(tablesSnapshot()).toBe(before);
  });

  it("is refused to leads, even of another group", () => {
    expect(refusal(() => createWorkGroup(makeActor("lead", "Lee", ["energy-wg"]), { planId, ...fields() })).code).toBe("FORBIDDEN");
  });
});

describe("updateWorkGroup", () => {
  it("changes fields and linked sections together, audited as one diff", () => {
    const row = createWorkGroup(admin, { planId, ...fields() });
    updateWorkGroup(admin, { workGroupId: row.id, version: 1, ...fields({ name: "Water and Power", status: "reorganizing", sectionIds: String(sectionIds[2]) }) });
    expect(group(row.id)).toMatchObject({ name: "Water and Power", status: "reorganizing", version: 2 });
    expect(getWorkGroupForEditing(planId, row.id)?.sectionIds).toEqual([sectionIds[2]]);
    const diff = JSON.parse(auditOf("work_group", row.id).at(-1)!.diff!);
    expect(diff.after).toEqual({ name: "Water and Power", status: "reorganizing", sectionIds: [sectionIds[2]] });
  });

  it("refuses a stale save and shows the other change with section names", () => {
    const row = createWorkGroup(admin, { planId, ...fields() });
    updateWorkGroup(makeActor("admin", "Other Admin"), { workGroupId: row.id, version: 1, ...fields({ sectionIds: "" }) });
    const error = refusal(() => updateWorkGroup(admin, { workGroupId: row.id, version: 1, ...fields({ name: "Mine" }) }));
    expect(error.message).toMatch(/changed by Other Admin at/);
    expect(error.conflict?.changes[0]).toMatch(/^Linked sections: .+, .+ → \(none\)$/);
    expect(group(row.id).name).toBe("Water Work Group");
  });
});

describe("moveWorkGroup and ordering", () => {
  it("orders the plan's groups and moves one up", () => {
    const ids = listPlanWorkGroups(planId).map((g) => g.id);
    moveWorkGroup(admin, { workGroupId: ids[2], direction: "up" });
    expect(listPlanWorkGroups(planId).map((g) => g.id).slice(0, 3)).toEqual([ids[0], ids[2], ids[1]]);
  });
});

describe("setWorkGroupRetired", () => {
  it("refuses a group with live actions", () => {
    const energy = group(groupIdOf("energy-wg"));
    expect(refusal(() => setWorkGroupRetired(admin, { workGroupId: energy.id, version: energy.version, retired: "true" })).message).toMatch(/still has \d+ live actions?/);
  });

  it("retires an empty group out of the lists and pickers, keeps it, and brings it back", () => {
    const row = createWorkGroup(admin, { planId, ...fields() });
    setWorkGroupRetired(admin, { workGroupId: row.id, version: 1, retired: "true" });
    expect(group(row.id).retiredAt).not.toBeNull();
    expect(listPlanWorkGroups(planId).some((g) => g.id === row.id)).toBe(false);
    expect(listPlanWorkGroups(planId, { showRetired: true }).some((g) => g.id === row.id)).toBe(true);
    expect(listWorkGroups(planId).some((g) => g.id === row.id)).toBe(false);
    setWorkGroupRetired(admin, { workGroupId: row.id, version: 2, retired: "false" });
    expect(group(row.id)).toMatchObject({ retiredAt: null, version: 3 });
  });
});
