import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { getDb } from "@/db";
import { actions, sections } from "@/db/schema";
import { seedDefaultData } from "@/db/seed/seed";
import { setSectionRetired } from "@/lib/sections/service";
import { auditOf, groupIdOf, makeActor, refusal, sjvPlanId, tablesSnapshot } from "@/lib/test/actors";
import { actionPlace, championIdsFor, getActionEditor } from "./edit-queries";
import { parseActionFilters } from "./filters";
import { listActions } from "./queries";
import { actionFormValues } from "./schema";
import { createAction, moveAction, setActionRetired, updateAction } from "./service";

let planId: number;
let admin: ReturnType<typeof makeActor>;
let lead: ReturnType<typeof makeActor>;
let energy: number;
let health: number;
let sectionId: number;
let orgs: number[];

beforeEach(() => {
  seedDefaultData();
  planId = sjvPlanId();
  admin = makeActor("admin", "Ada Admin");
  lead = makeActor("lead", "Lee Lead", ["energy-wg"]);
  energy = groupIdOf("energy-wg");
  health = groupIdOf("health-wellness-wg");
  sectionId = (getDb().$client.prepare("select section_id as id from actions where work_group_id = ? and section_id is not null limit 1").get(energy) as { id: number }).id;
  orgs = (getDb().$client.prepare("select id from organizations where retired_at is null order by id limit 3").all() as { id: number }[]).map((r) => r.id);
});

const fieldErrorsOf = (error: unknown) => z.flattenError(error as z.ZodError).fieldErrors as Record<string, string[]>;
const action = (id: number) => getDb().select().from(actions).where(eq(actions.id, id)).get()!;
const newAction = (over: Record<string, unknown> = {}) => ({
  planId,
  code: "EN-99",
  title: "",
  text: "Build a solar training yard.",
  sectionId: String(sectionId),
  workGroupId: String(energy),
  champions: JSON.stringify([
    { organizationId: orgs[0], role: "lead" },
    { organizationId: orgs[1], role: "funder" },
  ]),
  leadPerson: "Pat Planner",
  leadUserId: "",
  isPriority: "on",
  startDate: "2026-01-01",
  dueDate: "2026-12-31",
  ...over,
});
// The edit form as it opens for an action, with some fields changed.
const editForm = (id: number, over: Record<string, unknown> = {}) => {
  const a = action(id);
  return { actionId: id, version: a.version, ...actionFormValues(a, championIdsFor(id)), ...over };
};

describe("createAction", () => {
  it("creates an action with champions in order, at the end of its section, audited", () => {
    const row = createAction(admin, newAction());
    expect(row).toMatchObject({ code: "EN-99", title: null, isPriority: true, leadPerson: "Pat Planner", workGroupId: energy, status: "not_started", percentComplete: 0, version: 1 });
    expect(championIdsFor(row.id)).toEqual([
      { organizationId: orgs[0], role: "lead" },
      { organizationId: orgs[1], role: "funder" },
    ]);
    const place = actionPlace(row);
    expect(place.index).toBe(place.count);
    expect(auditOf("action", row.id)[0]).toMatchObject({ action: "action.create", actorLabel: "Ada Admin" });
  });

  it("lets a lead create in a group they lead, and nowhere else", () => {
    expect(createAction(lead, newAction()).workGroupId).toBe(energy);
    const before = tablesSnapshot();
    const other = refusal(() => createAction(lead, newAction({ code: "HW-99", workGroupId: String(health) })));
    expect(other.code).toBe("FORBIDDEN");
    expect(other.fieldErrors).toEqual({ workGroupId: ["You may only choose a work group you lead."] });
    expect(refusal(() => createAction(lead, newAction({ code: "X-1", workGroupId: "" }))).fieldErrors).toEqual({ workGroupId: ["Choose one of the work groups you lead."] });
    expect(refusal(() => createAction(makeActor("contributor"), newAction({ code: "X-2" }))).code).toBe("FORBIDDEN");
    expect(refusal(() => createAction(makeActor("viewer"), newAction({ code: "X-3" }))).code).toBe("FORBIDDEN");
    expect(tablesSnapshot()).toBe(before);
  });

  it("puts validation errors on their fields and writes nothing", () => {
    const before = tablesSnapshot();
    const invalid = refusal(() => createAction(admin, newAction({ text: " ", dueDate: "2025-01-01", champions: JSON.stringify([{ organizationId: null, role: "lead" }]) })));
    expect(fieldErrorsOf(invalid)).toMatchObject({
      text: ["Write what the action is."],
      champions: ["Choose an organization for each champion, or remove the empty row."],
    });
    const twice = refusal(() => createAction(admin, newAction({ champions: [{ organizationId: orgs[0], role: "lead" }, { organizationId: orgs[0], role: "partner" }] })));
    expect(fieldErrorsOf(twice).champions).toEqual(["Each organization can be listed once."]);
    const dates = refusal(() => createAction(admin, newAction({ startDate: "2026-05-01", dueDate: "2026-04-01" })));
    expect(fieldErrorsOf(dates).dueDate).toEqual(["The due date is before the start date."]);
    const taken = action(getDb().select({ id: actions.id }).from(actions).where(eq(actions.workGroupId, energy)).get()!.id).code;
    expect(refusal(() => createAction(admin, newAction({ code: taken }))).fieldErrors).toEqual({ code: [`Another action of this plan already has the code “${taken}”.`] });
    expect(tablesSnapshot()).toBe(before);
  });
});

describe("updateAction", () => {
  it("saves the edited fields and champions, not status or percent (those come from updates)", () => {
    const row = createAction(admin, newAction());
    const result = updateAction(lead, editForm(row.id, { title: "Solar yard", champions: JSON.stringify([{ organizationId: orgs[2], role: "partner" }]), isPriority: "", status: "completed", percentComplete: 100 }));
    expect(result).toEqual({ version: 2, changed: true });
    expect(action(row.id)).toMatchObject({ title: "Solar yard", isPriority: false, status: "not_started", percentComplete: 0, version: 2 });
    expect(championIdsFor(row.id)).toEqual([{ organizationId: orgs[2], role: "partner" }]);
    const diff = JSON.parse(auditOf("action", row.id).at(-1)!.diff!);
    expect(Object.keys(diff.after).sort()).toEqual(["champions", "isPriority", "title"]);
    expect(updateAction(lead, editForm(row.id))).toEqual({ version: 2, changed: false });
  });

  it("refuses a lead giving their action to a group they do not lead, and a lead editing another group's action", () => {
    const row = createAction(admin, newAction());
    const before = tablesSnapshot();
    expect(refusal(() => updateAction(lead, editForm(row.id, { workGroupId: String(health) }))).fieldErrors).toEqual({ workGroupId: ["You may only choose a work group you lead."] });
    const theirs = getDb().select({ id: actions.id }).from(actions).where(eq(actions.workGroupId, health)).get()!;
    expect(refusal(() => updateAction(lead, editForm(theirs.id, { leadPerson: "Me" }))).code).toBe("FORBIDDEN");
    expect(tablesSnapshot()).toBe(before);
  });

  it("refuses a stale save with who, when and their change, and the current values for the form", () => {
    const row = createAction(admin, newAction());
    const opened = editForm(row.id);
    updateAction(makeActor("admin", "Bea Busy"), editForm(row.id, { title: "Their title", champions: JSON.stringify([{ organizationId: orgs[2], role: "lead" }]) }));
    const error = refusal(() => updateAction(lead, { ...opened, text: "My better text." }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/^This action was changed by Bea Busy at \d{4}-\d\d-\d\d \d\d:\d\d UTC after you opened it\./);
    expect(error.conflict?.changes).toHaveLength(2);
    expect(error.conflict?.changes[0]).toBe("Short title: (none) → “Their title”");
    expect(error.conflict?.changes[1]).toMatch(/^Champions: .+ \(lead\), .+ \(funder\) → .+ \(lead\)$/);
    expect(error.conflict?.current).toMatchObject({ title: "Their title", text: "Build a solar training yard." });
    expect(error.conflict?.version).toBe(2);
    expect(action(row.id).text).toBe("Build a solar training yard.");
  });

  it("reports every change missed since the form was opened", () => {
    const row = createAction(admin, newAction());
    const opened = editForm(row.id);
    updateAction(makeActor("admin", "First Editor"), editForm(row.id, { leadPerson: "One" }));
    updateAction(makeActor("admin", "Second Editor"), editForm(row.id, { leadPerson: "Two" }));
    const error = refusal(() => updateAction(admin, { ...opened, title: "Mine" }));
    expect(error.message).toMatch(/changed by Second Editor/);
    expect(error.conflict?.changes).toEqual([expect.stringMatching(/^First Editor \(.+ UTC\): Lead person: “Pat Planner” → “One”$/), expect.stringMatching(/^Second Editor \(.+ UTC\): Lead person: “One” → “Two”$/)]);
  });

  it("refuses editing a retired action", () => {
    const row = createAction(admin, newAction());
    setActionRetired(admin, { actionId: row.id, version: 1, retired: "true" });
    expect(refusal(() => updateAction(admin, editForm(row.id, { title: "x" }))).message).toBe("This action is retired; bring it back before editing it.");
  });
});

describe("moveAction", () => {
  it("reorders within the section for the group's lead, without bumping the version", () => {
    const a = createAction(admin, newAction({ code: "EN-97" }));
    const b = createAction(admin, newAction({ code: "EN-98" }));
    expect(moveAction(lead, { actionId: b.id, direction: "up" })).toEqual({ moved: true });
    expect(actionPlace(b).index).toBe(actionPlace(a).index - 1);
    expect(action(b.id).version).toBe(1);
    expect(auditOf("action", b.id).at(-1)?.action).toBe("action.move");
    expect(moveAction(lead, { actionId: a.id, direction: "down" })).toEqual({ moved: false });
  });

  it("is refused to a lead of another group", () => {
    const other = makeActor("lead", "Hal Health", ["health-wellness-wg"]);
    const a = createAction(admin, newAction());
    expect(refusal(() => moveAction(other, { actionId: a.id, direction: "up" })).code).toBe("FORBIDDEN");
  });
});

describe("setActionRetired", () => {
  it("retires keeping history: hidden from the list unless asked for, shown with retired ones, and brought back", () => {
    const row = createAction(admin, newAction());
    setActionRetired(lead, { actionId: row.id, version: 1, retired: "true" });
    expect(action(row.id)).toMatchObject({ version: 2 });
    expect(action(row.id).retiredAt).not.toBeNull();
    const codes = (q: Record<string, string>) => listActions(planId, parseActionFilters({ q: "EN-99", ...q })).rows.map((r) => [r.code, Boolean(r.retiredAt)]);
    expect(codes({})).toEqual([]);
    expect(codes({ retired: "1" })).toEqual([["EN-99", true]]);
    expect(championIdsFor(row.id)).toHaveLength(2);

    setActionRetired(lead, { actionId: row.id, version: 2, retired: "false" });
    expect(action(row.id).retiredAt).toBeNull();
    expect(codes({})).toEqual([["EN-99", false]]);
    expect(auditOf("action", row.id).map((e) => e.action)).toEqual(["action.create", "action.retire", "action.restore"]);
  });

  it("brings an action back only into a live section", () => {
    const section = getDb().insert(sections).values({ planId, key: "temporary", title: "Temporary", position: 50 }).returning().get();
    const row = createAction(admin, newAction({ sectionId: section.id }));
    setActionRetired(admin, { actionId: row.id, version: 1, retired: "true" });
    setSectionRetired(admin, { sectionId: section.id, version: 1, retired: "true" });
    expect(refusal(() => setActionRetired(admin, { actionId: row.id, version: 2, retired: "false" })).message).toBe("Its section “Temporary” is retired; bring that back first.");
  });

  it("refuses a stale retire", () => {
    const row = createAction(admin, newAction());
    updateAction(admin, editForm(row.id, { leadPerson: "Someone else" }));
    expect(refusal(() => setActionRetired(lead, { actionId: row.id, version: 1, retired: "true" })).code).toBe("CONFLICT");
    expect(action(row.id).retiredAt).toBeNull();
  });
});

describe("the edit form's options", () => {
  it("offer a lead only the groups they lead, and an admin every live group", () => {
    const row = createAction(admin, newAction());
    expect(getActionEditor(lead, action(row.id)).options.groups.map((g) => g.value)).toEqual([String(energy)]);
    expect(getActionEditor(lead, action(row.id)).options.groupOptional).toBe(false);
    expect(getActionEditor(admin, action(row.id)).options.groups.length).toBeGreaterThan(3);
    expect(getActionEditor(admin, action(row.id)).values.champions).toBe(JSON.stringify([{ organizationId: orgs[0], role: "lead" }, { organizationId: orgs[1], role: "funder" }]));
  });
});
