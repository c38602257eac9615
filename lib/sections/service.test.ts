import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { getDb } from "@/db";
import { sections } from "@/db/schema";
import { seedDefaultData } from "@/db/seed/seed";
import { getPlanDashboard, getSectionPage } from "@/lib/plans/queries";
import { auditOf, makeActor, refusal, sjvPlanId, tablesSnapshot } from "@/lib/test/actors";
import { listSectionsForEditing } from "./queries";
import { createSection, moveSection, setSectionRetired, updateSection } from "./service";

let planId: number;
let admin: ReturnType<typeof makeActor>;

beforeEach(() => {
  seedDefaultData();
  planId = sjvPlanId();
  admin = makeActor("admin", "Ada Admin");
});

const topLevel = () => listSectionsForEditing(planId).filter((s) => s.depth === 0);
const section = (id: number) => getDb().select().from(sections).where(eq(sections.id, id)).get()!;

describe("createSection", () => {
  it("adds a section at the end of its siblings with a key made from its title, and audits it", () => {
    const before = topLevel();
    const row = createSection(admin, { planId, parentId: "", kind: "cluster", code: "", title: "Drone Services", description: "Pumps and sensors." });
    expect(row).toMatchObject({ key: "drone-services", kind: "cluster", code: null, title: "Drone Services", parentId: null });
    expect(topLevel().map((s) => s.id)).toEqual([...before.map((s) => s.id), row.id]);
    expect(auditOf("section", row.id)).toMatchObject([{ action: "section.create", actorLabel: "Ada Admin" }]);
    // A second section of the same name gets its own key.
    expect(createSection(admin, { planId, kind: "cluster", title: "Drone Services" }).key).toBe("drone-services-2");
  });

  it("nests to any depth", () => {
    const a = createSection(admin, { planId, kind: "goal", title: "Goal A" });
    const b = createSection(admin, { planId, parentId: a.id, kind: "strategy", code: "A.1", title: "Strategy" });
    const c = createSection(admin, { planId, parentId: String(b.id), kind: "objective", title: "Objective" });
    expect(listSectionsForEditing(planId).find((s) => s.id === c.id)?.depth).toBe(2);
    expect(b.key).toBe("a-1-strategy");
  });

  it("refuses a missing title, an unknown kind and a parent from another plan, writing nothing", () => {
    const before = tablesSnapshot();
    const invalid = refusal(() => createSection(admin, { planId, kind: "planet", title: "  " }));
    expect(invalid).toBeInstanceOf(z.ZodError);
    expect(z.flattenError(invalid as unknown as z.ZodError).fieldErrors).toMatchObject({ title: ["Give the section a title."], kind: ["Choose what kind of section this is."] });
    const otherPlanSection = getDb().$client.prepare("select id from sections where plan_id <> ? limit 1").get(planId) as { id: number };
    expect(refusal(() => createSection(admin, { planId, parentId: otherPlanSection.id, kind: "section", title: "Stray" })).fieldErrors).toEqual({ parentId: ["Choose a section of this plan."] });
    expect(tablesSnapshot()).toBe(before);
  });

  it("is refused to everyone but admins", () => {
    const before = tablesSnapshot();
    for (const role of ["lead", "contributor", "viewer"] as const) {
      expect(refusal(() => createSection(makeActor(role), { planId, kind: "cluster", title: "Nope" })).code).toBe("FORBIDDEN");
    }
    expect(tablesSnapshot()).toBe(before);
  });
});

describe("updateSection", () => {
  it("saves only what changed, bumps the version and audits the diff", () => {
    const s = topLevel()[0]!;
    const result = updateSection(admin, { sectionId: s.id, version: s.version, parentId: "", kind: s.kind, code: "C1", title: "Renamed", description: s.description ?? "" });
    expect(result.changed).toBe(true);
    expect(section(s.id)).toMatchObject({ code: "C1", title: "Renamed", version: s.version + 1, key: s.key });
    expect(auditOf("section", s.id).at(-1)).toMatchObject({ action: "section.update", diff: JSON.stringify({ before: { code: null, title: s.title }, after: { code: "C1", title: "Renamed" } }) });
    // Saving the same values again changes nothing.
    expect(updateSection(admin, { sectionId: s.id, version: s.version + 1, kind: s.kind, code: "C1", title: "Renamed", description: s.description ?? "" }).changed).toBe(false);
  });

  it("refuses a stale version naming who changed it, when and what, and keeps the row as the other person left it", () => {
    const s = topLevel()[0]!;
    const lee = makeActor("admin", "Lee Other");
    updateSection(lee, { sectionId: s.id, version: s.version, kind: s.kind, title: "Their title", description: s.description ?? "" });
    const error = refusal(() => updateSection(admin, { sectionId: s.id, version: s.version, kind: s.kind, title: "My title", description: "mine" }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/changed by Lee Other at \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    expect(error.conflict?.changes).toEqual([`Title: “${s.title}” → “Their title”`]);
    expect(error.conflict?.current.title).toBe("Their title");
    expect(error.conflict?.version).toBe(s.version + 1);
    expect(section(s.id).title).toBe("Their title");
  });

  it("refuses to put a section inside its own branch", () => {
    const a = createSection(admin, { planId, kind: "goal", title: "A" });
    const b = createSection(admin, { planId, parentId: a.id, kind: "strategy", title: "B" });
    expect(refusal(() => updateSection(admin, { sectionId: a.id, version: 1, parentId: b.id, kind: "goal", title: "A" })).fieldErrors?.parentId).toEqual(["A section cannot sit inside itself or one of its own sub-sections."]);
    expect(refusal(() => updateSection(admin, { sectionId: a.id, version: 1, parentId: a.id, kind: "goal", title: "A" })).code).toBe("INVALID_INPUT");
  });

  it("moves a section under another parent, at the end of its new siblings", () => {
    const a = createSection(admin, { planId, kind: "goal", title: "A" });
    const b = createSection(admin, { planId, kind: "goal", title: "B" });
    createSection(admin, { planId, parentId: a.id, kind: "strategy", title: "A child" });
    updateSection(admin, { sectionId: b.id, version: 1, parentId: a.id, kind: "strategy", title: "B" });
    expect(listSectionsForEditing(planId).filter((s) => s.parentId === a.id).map((s) => s.title)).toEqual(["A child", "B"]);
  });
});

describe("moveSection", () => {
  it("swaps a section with its neighbour, without bumping versions, and audits the move", () => {
    const [first, second] = topLevel();
    expect(moveSection(admin, { sectionId: second!.id, direction: "up" })).toEqual({ moved: true });
    expect(topLevel().slice(0, 2).map((s) => s.id)).toEqual([second!.id, first!.id]);
    expect(section(second!.id).version).toBe(second!.version);
    expect(auditOf("section", second!.id).at(-1)?.action).toBe("section.move");
    // Already first: nothing to do.
    expect(moveSection(admin, { sectionId: second!.id, direction: "up" })).toEqual({ moved: false });
  });

  it("is refused to a lead", () => {
    expect(refusal(() => moveSection(makeActor("lead", "Lee", ["energy-wg"]), { sectionId: topLevel()[1]!.id, direction: "up" })).code).toBe("FORBIDDEN");
  });
});

describe("setSectionRetired", () => {
  it("refuses a section that still holds live actions or sub-sections", () => {
    const withActions = listSectionsForEditing(planId).find((s) => s.liveActions > 0)!;
    expect(refusal(() => setSectionRetired(admin, { sectionId: withActions.id, version: withActions.version, retired: "true" })).message).toMatch(/still holds \d+ live action/);
    const parent = createSection(admin, { planId, kind: "goal", title: "Parent" });
    createSection(admin, { planId, parentId: parent.id, kind: "strategy", title: "Child" });
    expect(refusal(() => setSectionRetired(admin, { sectionId: parent.id, version: 1, retired: "true" })).message).toBe("This section still holds 1 live sub-section. Move or retire them first.");
  });

  it("retires keeping the row and its history, hides it from the plan's views, and brings it back", () => {
    const s = createSection(admin, { planId, kind: "cluster", title: "Short-lived" });
    setSectionRetired(admin, { sectionId: s.id, version: 1, retired: "true" });
    const retired = section(s.id);
    expect(retired.retiredAt).not.toBeNull();
    expect(retired.version).toBe(2);
    expect(listSectionsForEditing(planId).some((r) => r.id === s.id)).toBe(false);
    expect(listSectionsForEditing(planId, { showRetired: true }).some((r) => r.id === s.id)).toBe(true);
    expect(getPlanDashboard(planId).sections.some((p) => p.section.id === s.id)).toBe(false);
    // Still reachable by its address, for the history.
    expect(getSectionPage(planId, s.key)?.section.retiredAt).toBe(retired.retiredAt);
    expect(refusal(() => updateSection(admin, { sectionId: s.id, version: 2, kind: "cluster", title: "Edited" })).code).toBe("CONFLICT");

    setSectionRetired(admin, { sectionId: s.id, version: 2, retired: "false" });
    expect(section(s.id)).toMatchObject({ retiredAt: null, version: 3 });
    expect(auditOf("section", s.id).map((e) => e.action)).toEqual(["section.create", "section.retire", "section.restore"]);
  });

  it("brings back a sub-section only when its parent is live", () => {
    const parent = createSection(admin, { planId, kind: "goal", title: "Parent" });
    const child = createSection(admin, { planId, parentId: parent.id, kind: "strategy", title: "Child" });
    setSectionRetired(admin, { sectionId: child.id, version: 1, retired: "true" });
    setSectionRetired(admin, { sectionId: parent.id, version: 1, retired: "true" });
    expect(refusal(() => setSectionRetired(admin, { sectionId: child.id, version: 2, retired: "false" })).message).toBe("Its parent section “Parent” is retired; bring that back first.");
  });

  it("refuses a stale version", () => {
    const s = createSection(admin, { planId, kind: "cluster", title: "Racing" });
    updateSection(admin, { sectionId: s.id, version: 1, kind: "cluster", title: "Raced" });
    expect(refusal(() => setSectionRetired(admin, { sectionId: s.id, version: 1, retired: "true" })).conflict?.by).toBe("Ada Admin");
    expect(section(s.id).retiredAt).toBeNull();
  });
});
