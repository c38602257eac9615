import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { actions, auditLog, organizations, plans, sections } from "@/db/schema";
import { sjvPlan2012, sjvSap2006 } from "@/db/seed/sjv-plans";
import { seedDefaultData } from "@/db/seed/seed";
import { ANONYMOUS, systemActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { exportPlan } from "./export";
import { importPlan } from "./import";
import type { PlanDocument } from "./document-schema";

const cli = systemActor("test");
const rowCount = (table: typeof plans | typeof actions | typeof organizations | typeof auditLog | typeof sections) => getDb().select({ n: count() }).from(table).get()!.n;

function catchAppError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

describe("seeding", () => {
  it("loads both plans once and is idempotent", () => {
    expect(seedDefaultData()).toEqual({ seeded: true });
    const after = { plans: rowCount(plans), actions: rowCount(actions), orgs: rowCount(organizations) };
    expect(after.plans).toBe(2);
    expect(seedDefaultData()).toEqual({ seeded: false });
    expect({ plans: rowCount(plans), actions: rowCount(actions), orgs: rowCount(organizations) }).toEqual(after);
  });

  it("links the 2012 plan to the 2006 SAP it updates", () => {
    seedDefaultData();
    const db = getDb();
    const sap = db.select().from(plans).where(eq(plans.slug, "sjv-sap-2006")).get()!;
    const current = db.select().from(plans).where(eq(plans.slug, "sjv-2012")).get()!;
    expect(current.previousPlanId).toBe(sap.id);
  });
});

describe("export and import", () => {
  it("exports exactly the seed document it was loaded from", () => {
    seedDefaultData();
    expect(exportPlan(cli, "sjv-2012")).toEqual(sjvPlan2012);
    expect(exportPlan(cli, "sjv-sap-2006")).toEqual(sjvSap2006);
  });

  it("round-trips losslessly as a new plan and reuses shared organizations", () => {
    seedDefaultData();
    const exported = exportPlan(cli, "sjv-2012");
    const orgsBefore = rowCount(organizations);
    const result = importPlan(cli, { document: JSON.parse(JSON.stringify(exported)), slug: "sjv-2012-copy" });
    expect(result.counts.organizationsCreated).toBe(0);
    expect(rowCount(organizations)).toBe(orgsBefore);
    const again = exportPlan(cli, "sjv-2012-copy");
    expect(again).toEqual({ ...exported, plan: { ...exported.plan, slug: "sjv-2012-copy" } });
  });

  it("keeps deep section trees, codes and every action field", () => {
    const doc: PlanDocument = {
      format: "cluster-action-tracker/plan",
      version: 2,
      plan: { slug: "other-region", title: "Other Region Plan", region: "Elsewhere", summary: null, periodStart: "2020-01-01", periodEnd: "2024-12-31", status: "draft", sourceCitation: null, sourceUrl: null, previousPlan: null },
      organizations: [{ key: "acme", name: "Acme Regional Council", acronym: "ARC", type: "government", website: "https://example.org/" }],
      partners: ["acme"],
      workGroups: [{ key: "wg", name: "Goal 2 Group", description: null, leadOrganization: "acme", status: "inactive", sections: ["g2-1"] }],
      sections: [
        {
          key: "g2",
          kind: "goal",
          code: "2",
          title: "Goal two",
          description: null,
          opportunities: [],
          actions: [],
          children: [
            {
              key: "g2-1",
              kind: "strategy",
              code: "2.1",
              title: "Strategy",
              description: "desc",
              opportunities: ["An opportunity"],
              actions: [
                {
                  code: "2.1.3",
                  title: "Deep action",
                  text: "Do the thing",
                  workGroup: "wg",
                  champions: [{ organization: "acme", role: "funder" }],
                  leadPerson: "Pat Lee",
                  status: "at_risk",
                  percentComplete: 40,
                  isPriority: true,
                  startDate: "2021-01-01",
                  dueDate: "2022-06-30",
                  retiredAt: "2023-01-01T00:00:00.000Z",
                },
              ],
              children: [],
            },
          ],
        },
      ],
      actions: [],
      targets: [{ description: "Widgets", marketSupportUsd: 1, source: null, sections: ["g2"] }],
      metrics: [],
    };
    importPlan(cli, { document: doc });
    expect(exportPlan(cli, "other-region")).toEqual(doc);
  });

  it("names the path of a bad field and writes nothing", () => {
    seedDefaultData();
    const before = { plans: rowCount(plans), actions: rowCount(actions), audit: rowCount(auditLog) };
    const doc = JSON.parse(JSON.stringify(sjvPlan2012));
    doc.plan.slug = "broken";
    doc.sections[1].actions[2].percentComplete = 140;
    doc.sections[1].actions[0].champions.push({ organization: "nobody", role: "lead" });
    const error = catchAppError(() => importPlan(cli, { document: doc }));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toContain("sections.1.actions");
    expect(Object.keys(error.fieldErrors!)).toEqual(expect.arrayContaining(["sections.1.actions.2.percentComplete", `sections.1.actions.0.champions.${doc.sections[1].actions[0].champions.length - 1}.organization`]));
    expect({ plans: rowCount(plans), actions: rowCount(actions), audit: rowCount(auditLog) }).toEqual(before);
  });

  it("rejects documents that are not plan documents", () => {
    expect(catchAppError(() => importPlan(cli, { document: [] })).code).toBe("INVALID_INPUT");
    expect(catchAppError(() => importPlan(cli, { document: { format: "x" } })).message).toMatch(/^Invalid plan document at /);
    const extra = { ...sjvSap2006, plan: { ...sjvSap2006.plan, surprise: 1 } };
    expect(catchAppError(() => importPlan(cli, { document: extra })).fieldErrors).toHaveProperty("plan");
  });

  it("refuses a duplicate slug with CONFLICT and writes nothing", () => {
    seedDefaultData();
    const before = rowCount(plans);
    expect(catchAppError(() => importPlan(cli, { document: sjvPlan2012 })).code).toBe("CONFLICT");
    expect(rowCount(plans)).toBe(before);
  });

  it("rolls back everything when a write fails part-way", () => {
    seedDefaultData();
    const before = { plans: rowCount(plans), sections: rowCount(sections), actions: rowCount(actions), audit: rowCount(auditLog) };
    // Targets are written last: make the database refuse them so the failure
    // comes after the plan, sections and actions were already inserted.
    getDb().$client.exec("create temp trigger refuse_targets before insert on targets begin select raise(abort, 'disk on fire'); end;");
    expect(() => importPlan(cli, { document: sjvPlan2012, slug: "late-failure" })).toThrow(/disk on fire/);
    expect({ plans: rowCount(plans), sections: rowCount(sections), actions: rowCount(actions), audit: rowCount(auditLog) }).toEqual(before);
  });

  it("writes one audit entry per import, and the audit log refuses edits", () => {
    importPlan(cli, { document: sjvSap2006 });
    const entries = getDb().select().from(auditLog).all();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: "plan.import", entityType: "plan", actorLabel: "test" });
    const sqlite = getDb().$client;
    expect(() => sqlite.prepare("update audit_log set action = 'x'").run()).toThrow(/append-only/);
    expect(() => sqlite.prepare("delete from audit_log").run()).toThrow(/append-only/);
  });

  it("refuses anonymous visitors both export and import", () => {
    seedDefaultData();
    expect(catchAppError(() => exportPlan(ANONYMOUS, "sjv-2012")).code).toBe("UNAUTHORIZED");
    expect(catchAppError(() => importPlan(ANONYMOUS, { document: sjvSap2006, slug: "x" })).code).toBe("UNAUTHORIZED");
    expect(catchAppError(() => exportPlan(cli, "missing")).code).toBe("NOT_FOUND");
  });
});

describe("action history", () => {
  it("refuses to delete an action that has progress updates, but allows retiring it", () => {
    seedDefaultData();
    const sqlite = getDb().$client;
    const [first, second] = sqlite.prepare("select id from actions order by id limit 2").all() as { id: number }[];
    sqlite.prepare("insert into progress_updates (action_id, status, percent_complete, narrative) values (?, 'on_track', 10, 'started')").run(first!.id);
    expect(() => sqlite.prepare("delete from actions where id = ?").run(first!.id)).toThrow(/retire it instead/);
    expect(() => sqlite.prepare("delete from plans where slug = 'sjv-2012'").run()).toThrow(/retire it instead/);
    sqlite.prepare("update actions set retired_at = '2026-01-01T00:00:00.000Z' where id = ?").run(first!.id);
    // An action without history may still be removed (e.g. a mistaken entry).
    expect(sqlite.prepare("delete from actions where id = ?").run(second!.id).changes).toBe(1);
  });
});
