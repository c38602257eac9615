import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { clusterCodes, clusterDefinitions, metrics, plans, regionAreas, regions, sections } from "@/db/schema";
import { addDefaultAnalytics } from "@/db/seed/sjv-analytics";
import { seedDefaultData } from "@/db/seed/seed";
import { updateReportingSettings } from "@/lib/plans/settings";
import { auditOf, makeActor, refusal, sjvPlanId } from "@/lib/test/actors";
import { readDefinitionCodes } from "./definition-codes";
import { definitionFormValues } from "./definition-schema";
import { clusterOverlaps, removeClusterDefinition, saveClusterDefinition, savePlanRegion, saveRegion } from "./definitions";
import { analyticsSetup } from "./setup";

let planId: number;
let admin: ReturnType<typeof makeActor>;

beforeEach(() => {
  seedDefaultData();
  addDefaultAnalytics();
  planId = sjvPlanId();
  admin = makeActor("admin", "Ada Admin");
});

const cluster = (key: string) => analyticsSetup(getDb(), planId).clusters.find((c) => c.key === key);
const definition = (key: string) => getDb().select().from(clusterDefinitions).where(eq(clusterDefinitions.sectionId, cluster(key)!.sectionId)).get()!;
// Every row the definition and region services may write, to prove a refusal wrote nothing.
const snapshot = () => {
  const sqlite = getDb().$client;
  return JSON.stringify(["cluster_definitions", "cluster_codes", "regions", "region_areas", "plans", "audit_log"].map((t) => sqlite.prepare(`select * from ${t} order by rowid`).all()));
};

// The Water Technology form as it opens, with some fields changed.
function waterForm(change: Record<string, unknown> = {}) {
  const c = cluster("water-technology")!;
  return { sectionId: c.sectionId, version: c.version, ...definitionFormValues(c), ...change };
}

describe("reading a definition's code lists", () => {
  it("takes codes one per line or separated by commas, ignores titles (commas included), and normalises 31 to 31-33", () => {
    const read = readDefinitionCodes({
      codes: "311421 Fruit and vegetable canning, pickling, and drying\n111, 1121; 5417 2211\n44",
      components: [],
    });
    expect(read.errors).toBeNull();
    expect(read.codes.map((c) => c.code)).toEqual(["311421", "111", "1121", "5417", "2211", "44-45"]);
    expect(read.notes).toEqual(["44 was saved as 44-45, the form in which BLS publishes that sector."]);
    // 31 would be 31-33, which holds 311421: refused.
    expect(readDefinitionCodes({ codes: "311421\n31", components: [] }).errors).toEqual({ codes: ["Line 1: 311421 lies inside 31-33 (line 2), which already counts its jobs. List one or the other."] });
  });

  it("names the bad code and its line, and keeps going", () => {
    const read = readDefinitionCodes({ codes: "111\n5417x Research\n1234567\n10 Total, all industries", components: [] });
    expect(read.errors?.codes).toEqual([expect.stringMatching(/^Line 2: “5417x” is not a NAICS code/), expect.stringMatching(/^Line 3: “1234567”/), expect.stringMatching(/^Line 4: “10”/)]);
  });

  it("refuses a code listed twice or with its ancestor, on the later list, naming the other", () => {
    const read = readDefinitionCodes({
      codes: "2213",
      components: [
        { index: 0, name: "Supply", codes: "221310\n5417" },
        { index: 1, name: "Research", codes: "54171\n5417" },
      ],
    });
    expect(read.errors).toEqual({
      "components.1.codes": ["Line 2: 5417 is already listed in Supply, line 2. A code counts once in a cluster; keep one.", "Line 1: 54171 lies inside 5417 (Supply, line 2), which already counts its jobs. List one or the other."],
      "components.0.codes": ["Line 1: 221310 lies inside 2213 (the cluster as a whole, line 1), which already counts its jobs. List one or the other."],
    });
  });

  it("asks for a component's name and refuses two components of one name", () => {
    const read = readDefinitionCodes({ codes: "111", components: [{ index: 0, name: "", codes: "112" }, { index: 1, name: "A", codes: "113" }, { index: 2, name: "a", codes: "114" }, { index: 3, name: "Empty", codes: "" }] });
    expect(Object.keys(read.errors ?? {})).toEqual(["components.0.name", "components.2.name"]);
  });
});

describe("saveClusterDefinition", () => {
  it("replaces the codes by component, clears the starting point, bumps the version and audits before and after", () => {
    const before = cluster("water-technology")!;
    expect(before.isStartingPoint).toBe(true);
    const result = saveClusterDefinition(admin, waterForm({ note: "Edited.", codes: "221", "components.0.name": "Supply", "components.0.codes": "333911 Pumps", "components.1.name": "", "components.1.codes": "", "components.2.name": "", "components.2.codes": "" }));
    expect(result).toMatchObject({ created: false, changed: true });
    const after = cluster("water-technology")!;
    expect(after).toMatchObject({ note: "Edited.", isStartingPoint: false, version: before.version + 1, codes: [{ code: "221", component: "" }, { code: "333911", component: "Supply" }] });
    expect(definition("water-technology").updatedBy).toBe(admin.userId);
    const [entry] = auditOf("cluster_definition", after.sectionId);
    expect(entry).toMatchObject({ action: "cluster_definition.update", actorLabel: "Ada Admin" });
    const diff = JSON.parse(entry!.diff!);
    expect(diff.before.codes).toEqual(before.codes.map((c) => `${c.code} (${c.component})`));
    expect(diff.after).toMatchObject({ note: "Edited.", isStartingPoint: false, codes: ["221", "333911 (Supply)"] });
  });

  it("says what it normalised, and saves nothing new when nothing changed", () => {
    const result = saveClusterDefinition(admin, waterForm({ codes: "48 Transportation" }));
    expect(result.warnings[0]).toBe("48 was saved as 48-49, the form in which BLS publishes that sector.");
    expect(cluster("water-technology")!.codes[0]).toEqual({ code: "48-49", component: "" });
    const version = cluster("water-technology")!.version;
    expect(saveClusterDefinition(admin, waterForm()).changed).toBe(false);
    expect(cluster("water-technology")!.version).toBe(version);
  });

  it("refuses a bad code with a field error naming it and its line, writing nothing", () => {
    const before = snapshot();
    const error = refusal(() => saveClusterDefinition(admin, waterForm({ "components.1.codes": "333911\n33391x" })));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.fieldErrors?.["components.1.codes"]?.[0]).toMatch(/^Line 2: “33391x” is not a NAICS code/);
    expect(snapshot()).toBe(before);
  });

  it("refuses a code listed in two components, writing nothing", () => {
    const before = snapshot();
    const error = refusal(() => saveClusterDefinition(admin, waterForm({ "components.0.codes": "221310\n221320\n333911" })));
    expect(error.fieldErrors?.["components.1.codes"]).toEqual([expect.stringContaining("333911 is already listed in Water supply, irrigation and treatment systems, line 3")]);
    expect(snapshot()).toBe(before);
  });

  it("allows a code another cluster counts, and flags the overlap", () => {
    const result = saveClusterDefinition(admin, waterForm({ codes: "54171" }));
    expect(result.warnings).toEqual([expect.stringMatching(/^Shares 54171 with Energy; 54171 with Health and Wellness\./)]);
    const overlaps = clusterOverlaps(analyticsSetup(getDb(), planId));
    expect(overlaps["water-technology"]!.map((o) => o.key)).toEqual(["energy", "health-wellness"]);
    expect(overlaps["energy"]!.find((o) => o.key === "water-technology")?.shared).toEqual(["54171"]);
  });

  it("refuses a save from a stale form with who changed it and what (CONFLICT)", () => {
    const stale = waterForm();
    saveClusterDefinition(makeActor("admin", "Bea Busy"), waterForm({ note: "Bea's note." }));
    const before = snapshot();
    const error = refusal(() => saveClusterDefinition(admin, { ...stale, note: "Mine." }));
    expect(error.code).toBe("CONFLICT");
    expect(error.conflict).toMatchObject({ by: "Bea Busy", version: stale.version + 1, current: expect.objectContaining({ note: "Bea's note." }) });
    expect(error.conflict!.changes.find((l) => l.startsWith("Note: "))).toMatch(/→ “Bea's note\.”$/);
    expect(snapshot()).toBe(before);
  });

  it("defines a section that had no definition, with a plan's annual metric, and refuses another plan's metric or one another cluster feeds", () => {
    const id = getDb().insert(sections).values({ planId, key: "drones", title: "Drones", position: 99 }).returning().get().id;
    const metric = getDb().insert(metrics).values({ planId, key: "drone-jobs", name: "Drone jobs", unit: "jobs" }).returning().get();
    const energyMetric = cluster("energy")!.metricId!;
    expect(refusal(() => saveClusterDefinition(admin, { sectionId: id, version: 0, metricId: energyMetric, codes: "3364" })).fieldErrors?.metricId?.[0]).toMatch(/^Energy already feeds/);
    const result = saveClusterDefinition(admin, { sectionId: id, version: 0, note: "New.", metricId: String(metric.id), codes: "3364 Aerospace" });
    expect(result).toMatchObject({ created: true, changed: true });
    expect(cluster("drones")).toMatchObject({ version: 1, isStartingPoint: false, metricId: metric.id, codes: [{ code: "3364", component: "" }] });
    expect(auditOf("cluster_definition", id)).toMatchObject([{ action: "cluster_definition.create" }]);
    // A second "define" form opened before the first save is refused.
    expect(refusal(() => saveClusterDefinition(admin, { sectionId: id, version: 0, codes: "3365" })).code).toBe("CONFLICT");
  });

  it("refuses a sub-section", () => {
    const child = getDb().select({ id: sections.id, parentId: sections.parentId }).from(sections).where(eq(sections.planId, planId)).all().find((s) => s.parentId !== null)!;
    expect(refusal(() => saveClusterDefinition(admin, { sectionId: child.id, version: 0, codes: "111" })).code).toBe("INVALID_INPUT");
  });
});

describe("removeClusterDefinition", () => {
  it("removes the definition and its codes, version-checked and audited", () => {
    const c = cluster("water-technology")!;
    expect(refusal(() => removeClusterDefinition(admin, { sectionId: c.sectionId, version: c.version + 1 })).code).toBe("CONFLICT");
    removeClusterDefinition(admin, { sectionId: c.sectionId, version: c.version });
    expect(cluster("water-technology")).toBeUndefined();
    expect(getDb().select().from(clusterCodes).where(eq(clusterCodes.sectionId, c.sectionId)).all()).toEqual([]);
    const [entry] = auditOf("cluster_definition", c.sectionId);
    expect(entry).toMatchObject({ action: "cluster_definition.remove" });
    expect(JSON.parse(entry!.diff!).before.codes).toHaveLength(c.codes.length);
    // A form opened before the removal cannot bring it back unseen.
    expect(refusal(() => saveClusterDefinition(admin, { sectionId: c.sectionId, version: c.version, codes: "2213" })).code).toBe("CONFLICT");
  });
});

describe("the plan's region", () => {
  const plan = () => getDb().select().from(plans).where(eq(plans.id, planId)).get()!;

  it("defines a new region and the reference area, version-checked and audited", () => {
    const p = plan();
    const before = snapshot();
    expect(refusal(() => savePlanRegion(admin, { planId, version: p.version, regionId: "", regionName: "Two counties", regionAreas: "06019 Fresno\n6029", referenceArea: "us000" })).fieldErrors).toEqual({
      regionAreas: [expect.stringMatching(/^Line 2: “6029” is not a BLS area code/)],
    });
    expect(snapshot()).toBe(before);
    const { regionId } = savePlanRegion(admin, { planId, version: p.version, regionId: "", regionName: "Two counties", regionAreas: "06019 Fresno County, California\n06029", referenceArea: "us000" });
    const setup = analyticsSetup(getDb(), planId);
    expect(setup.region).toMatchObject({ id: regionId, key: "two-counties", name: "Two counties" });
    expect(setup.areas.map((a) => a.code)).toEqual(["06019", "06029"]);
    expect(setup.reference?.code).toBe("US000");
    expect(plan().version).toBe(p.version + 1);
    expect(auditOf("plan", planId).at(-1)).toMatchObject({ action: "plan.update" });
    expect(auditOf("region", regionId)).toMatchObject([{ action: "region.create" }]);
    // The old form is now stale.
    const stale = refusal(() => savePlanRegion(admin, { planId, version: p.version, regionId: String(regionId), referenceArea: "06000" }));
    expect(stale.code).toBe("CONFLICT");
    expect(stale.conflict?.changes).toContain("Reference area: “06000” → “US000”");
  });

  it("a region form made stale by the reporting settings names who saved them and what changed", () => {
    const p = plan();
    updateReportingSettings(admin, { planId, version: p.version, countSubmittedUpdates: p.countSubmittedUpdates, reminderDaysBefore: p.reminderDaysBefore + 1 });
    const stale = refusal(() => savePlanRegion(admin, { planId, version: p.version, regionId: String(p.analyticsRegionId), referenceArea: "US000" }));
    expect(stale.code).toBe("CONFLICT");
    expect(stale.message).not.toContain("unknown time");
    expect(stale.conflict?.changes).toEqual([`Reminder days before the due date: ${p.reminderDaysBefore} → ${p.reminderDaysBefore + 1}`]);
  });

  it("edits a shared region's name and areas, version-checked and audited", () => {
    const region = getDb().select().from(regions).get()!;
    saveRegion(admin, { regionId: region.id, version: region.version, name: "The Valley", areas: "06019\n06029\n06031" });
    expect(getDb().select().from(regionAreas).where(eq(regionAreas.regionId, region.id)).all().map((r) => r.area)).toEqual(["06019", "06029", "06031"]);
    expect(auditOf("region", region.id)).toMatchObject([{ action: "region.update" }]);
    expect(refusal(() => saveRegion(admin, { regionId: region.id, version: region.version, name: "Again", areas: "06019" })).code).toBe("CONFLICT");
    expect(refusal(() => saveRegion(admin, { regionId: region.id, version: region.version + 1, name: "Again", areas: "06019\n06019" })).fieldErrors).toEqual({ areas: ["Line 2: 06019 is already listed on line 1."] });
  });
});

describe("only admins manage definitions and regions", () => {
  it("refuses every mutation to leads, contributors and viewers, writing nothing", () => {
    const c = cluster("water-technology")!;
    const region = getDb().select().from(regions).get()!;
    const p = getDb().select().from(plans).where(eq(plans.id, planId)).get()!;
    const before = snapshot();
    for (const role of ["lead", "contributor", "viewer"] as const) {
      const actor = makeActor(role, `A ${role}`);
      expect(refusal(() => saveClusterDefinition(actor, waterForm({ note: "x" }))).code).toBe("FORBIDDEN");
      expect(refusal(() => removeClusterDefinition(actor, { sectionId: c.sectionId, version: c.version })).code).toBe("FORBIDDEN");
      expect(refusal(() => savePlanRegion(actor, { planId, version: p.version, regionId: String(region.id), referenceArea: "US000" })).code).toBe("FORBIDDEN");
      expect(refusal(() => saveRegion(actor, { regionId: region.id, version: region.version, name: "x", areas: "06019" })).code).toBe("FORBIDDEN");
    }
    // makeActor writes users, not these tables.
    expect(snapshot()).toBe(before);
  });
});
