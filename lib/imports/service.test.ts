import { actionFormValues } from "@/lib/actions/schema";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { actionChampions, actions, auditLog, importBatches, organizations, progressUpdates, reportingPeriods, workGroups } from "@/db/schema";
import { seedDefaultData } from "@/db/seed/seed";
import { updateAction } from "@/lib/actions/service";
import { AppError } from "@/lib/errors";
import { getPlanBySlug } from "@/lib/plans/queries";
import { SPREADSHEET_LIMITS } from "@/lib/spreadsheets/limits";
import { csvFile, makeUser, xlsxFile, zipBomb, type UploadedFile } from "@/lib/test/spreadsheets";
import { saveUpdate } from "@/lib/updates/service";
import { getImportBatch } from "./queries";
import { commitImport, previewImport } from "./service";

const PLAN = "sjv-2012";

function setup() {
  seedDefaultData();
  const planId = getPlanBySlug(PLAN)!.id;
  const admin = makeUser("admin");
  const period = (label: string, startDate: string, endDate: string, status: "open" | "closed" = "open") =>
    getDb().insert(reportingPeriods).values({ planId, label, startDate, endDate, deadline: endDate, status }).returning().get();
  return { planId, admin, period };
}

const action = (code: string) => getDb().select().from(actions).where(eq(actions.code, code)).get();
const count = (table: typeof actions | typeof importBatches | typeof progressUpdates) => getDb().select({ n: sql<number>`count(*)` }).from(table).get()!.n;
// The trail after seeding (which records the plan's own import).
const auditActions = () =>
  getDb()
    .select({ action: auditLog.action })
    .from(auditLog)
    .all()
    .map((a) => a.action)
    .filter((a) => a !== "plan.import");
const champions = (actionId: number) =>
  getDb()
    .select({ slug: organizations.slug, role: actionChampions.role })
    .from(actionChampions)
    .innerJoin(organizations, eq(organizations.id, actionChampions.organizationId))
    .where(eq(actionChampions.actionId, actionId))
    .orderBy(organizations.slug)
    .all();

async function refusal(p: Promise<unknown> | (() => unknown)): Promise<AppError> {
  try {
    await (typeof p === "function" ? p() : p);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected an AppError");
}

const lines = (...rows: string[]) => rows.join("\r\n") + "\r\n";
const ACTION_HEADER = "Code,Title,Text,Section key,Work group key,Lead person,Priority,Start date,Due date,Champions";

describe("importing actions", () => {
  it("previews a good file without changing the plan, then commits all of it once", async () => {
    const { admin, planId } = setup();
    const before = count(actions);
    const file = csvFile(
      lines(
        ACTION_HEADER,
        'EN-7,Solar installer pilot,"Pilot a solar installer training programme, with two colleges.",energy,energy-wg,Pat Lee,yes,2026-01-15,2026-12-31,"sjv-clean-energy:lead; bakersfield-college"',
        "NS-10,,A plan-wide next step.,,,,,,,",
      ),
      "new actions.csv",
    );
    const preview = await previewImport(admin, { plan: PLAN, kind: "actions" }, file);
    expect(preview).toMatchObject({ rows: 2, errors: 0 });
    expect(count(actions)).toBe(before);
    const batch = getImportBatch(preview.batchId)!;
    expect(batch).toMatchObject({ kind: "actions", fileName: "new actions.csv", committedAt: null, errors: [] });
    expect(batch.rows.map((r) => [r.row, r.values.code, r.existing])).toEqual([
      [2, "EN-7", null],
      [3, "NS-10", null],
    ]);

    expect(commitImport(admin, { plan: PLAN, batchId: preview.batchId })).toEqual({ kind: "actions", created: 2, updated: 0, unchanged: 0 });
    expect(count(actions)).toBe(before + 2);
    const en7 = action("EN-7")!;
    const energy = getDb().select().from(workGroups).where(eq(workGroups.key, "energy-wg")).get()!;
    expect(en7).toMatchObject({ planId, title: "Solar installer pilot", text: "Pilot a solar installer training programme, with two colleges.", workGroupId: energy.id, leadPerson: "Pat Lee", isPriority: true, startDate: "2026-01-15", dueDate: "2026-12-31", status: "not_started", version: 1 });
    // At the end of its section.
    expect(en7.position).toBeGreaterThan(action("EN-6")!.position);
    expect(champions(en7.id)).toEqual([
      { slug: "bakersfield-college", role: "partner" },
      { slug: "sjv-clean-energy", role: "lead" },
    ]);
    expect(action("NS-10")).toMatchObject({ sectionId: null, workGroupId: null, title: null, isPriority: false });
    expect(auditActions()).toEqual(["import.preview", "action.import_create", "action.import_create", "import.commit"]);

    const again = await refusal(() => commitImport(admin, { plan: PLAN, batchId: preview.batchId }));
    expect(again.code).toBe("CONFLICT");
    expect(again.message).toMatch(/already committed/);
    expect(count(actions)).toBe(before + 2);
  });

  it("changes only the columns a file has, bumps the version, and leaves equal rows alone", async () => {
    const { admin } = setup();
    const en1 = action("EN-1")!;
    const en2 = action("EN-2")!;
    const file = await xlsxFile([
      ["Code", "Title", "Due date", "Champions", "Status"],
      ["EN-1", "Lead the energy cluster", new Date(Date.UTC(2027, 5, 30)), "sjv-clean-energy:partner; csac:funder", "Completed"],
      ["EN-2", en2.title, null, "", "ignored: status comes from updates"],
    ]);
    const preview = await previewImport(admin, { plan: PLAN, kind: "actions" }, file);
    expect(preview.errors).toBe(0);
    const batch = getImportBatch(preview.batchId)!;
    expect(batch.kind === "actions" && batch.rows.map((r) => [r.values.code, r.changes])).toEqual([
      ["EN-1", ["Title", "Due date", "Champions"]],
      ["EN-2", []],
    ]);
    expect(commitImport(admin, { plan: PLAN, batchId: preview.batchId })).toMatchObject({ created: 0, updated: 1, unchanged: 1 });

    const after = action("EN-1")!;
    expect(after).toMatchObject({ title: "Lead the energy cluster", dueDate: "2027-06-30", text: en1.text, status: "not_started", version: en1.version + 1 });
    expect(champions(en1.id)).toEqual([
      { slug: "csac", role: "funder" },
      { slug: "sjv-clean-energy", role: "partner" },
    ]);
    expect(action("EN-2")!.version).toBe(en2.version);
    const entry = getDb().select().from(auditLog).where(eq(auditLog.action, "action.import_update")).get()!;
    expect(JSON.parse(entry.diff!)).toEqual({
      before: { title: null, dueDate: null, champions: "sjv-clean-energy:lead" },
      after: { title: "Lead the energy cluster", dueDate: "2027-06-30", champions: "csac:funder; sjv-clean-energy:partner" },
    });
  });

  it("lists every bad row with its row number, column and reason, and commits nothing", async () => {
    const { admin } = setup();
    const before = count(actions);
    const file = csvFile(
      lines(
        ACTION_HEADER,
        "EN-8,No text,,energy,,,,,,",
        "EN-9,Bad section,Some text,nope,,,,,,",
        "EN-10,Dates,Some text,,,,,2026-05-01,2026-01-01,",
        "EN-11,Champions,Some text,,,,,,,sjv-clean-energy:boss; nobody-org:lead",
        "EN-9,Again,Some text,,,,,,,",
        "EN-12,Date format,Some text,,,,,31/12/2026,,",
        "EN-13,Priority,Some text,,,,maybe,,,",
        "en-1,Case,Some text,,,,,,,",
        "bad code!,Code,Some text,,,,,,,",
        "EN-14,Fine,Some text,,,,,,,",
      ),
    );
    const preview = await previewImport(admin, { plan: PLAN, kind: "actions" }, file);
    const { errors } = getImportBatch(preview.batchId)!;
    expect(errors).toEqual([
      { row: 2, column: "Text", reason: "A new action needs its text." },
      { row: 3, column: "Section key", reason: "The plan has no section with the key nope." },
      { row: 4, column: "Due date", reason: "The due date (2026-01-01) is before the start date (2026-05-01)." },
      { row: 5, column: "Champions", reason: "“sjv-clean-energy:boss”: the role must be lead, partner or funder." },
      { row: 6, column: "Code", reason: "EN-9 is already in row 3; list each action once." },
      { row: 7, column: "Start date", reason: "Use a date like 2026-03-31." },
      { row: 8, column: "Priority", reason: "Write yes or no." },
      { row: 9, column: "Code", reason: "The plan has EN-1; write the code exactly so." },
      { row: 10, column: "Code", reason: "Use letters, digits, “.”, “_” and “-” only, starting with a letter or digit." },
    ]);
    expect(preview.errors).toBe(9);

    const refused = await refusal(() => commitImport(admin, { plan: PLAN, batchId: preview.batchId }));
    expect(refused.code).toBe("INVALID_INPUT");
    expect(refused.message).toMatch(/found 9 problems.*none of it can be imported/);
    expect(count(actions)).toBe(before);
    expect(action("EN-14")).toBeUndefined();
    expect(getImportBatch(preview.batchId)!.committedAt).toBeNull();
    expect(auditActions()).toEqual(["import.preview"]);
  });

  it("reports an unknown organization once its role is fine", async () => {
    const { admin } = setup();
    const preview = await previewImport(admin, { plan: PLAN, kind: "actions" }, csvFile(lines("Code,Champions", "EN-1,nobody-org:lead")));
    expect(getImportBatch(preview.batchId)!.errors).toEqual([{ row: 2, column: "Champions", reason: "No organization has the key nobody-org." }]);
  });

  it("re-checks inside the commit: an action edited since the preview refuses the whole file", async () => {
    const { admin } = setup();
    const preview = await previewImport(admin, { plan: PLAN, kind: "actions" }, csvFile(lines("Code,Title", "EN-1,From the file", "EN-2,Also from the file")));
    const en1 = action("EN-1")!;
    updateAction(admin, { actionId: en1.id, version: en1.version, ...actionFormValues(en1, []), leadPerson: "Someone else" });

    const refused = await refusal(() => commitImport(admin, { plan: PLAN, batchId: preview.batchId }));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toMatch(/changed since the preview, and nothing was imported: row 2, Code: EN-1 was changed or removed by someone else/);
    expect(action("EN-2")!.title).toBeNull();
    expect(getImportBatch(preview.batchId)!.committedAt).toBeNull();
  });
});

const UPDATE_HEADER = ["Action code", "Status", "Percent complete", "Narrative"];

describe("importing one quarter's updates", () => {
  it("writes accepted updates from an XLSX file, replaces an existing one, and rolls the actions up", async () => {
    const { admin, period } = setup();
    const q1 = period("2026 Q1", "2026-01-01", "2026-03-31");
    const energyId = action("EN-1")!.workGroupId!;
    const lead = makeUser("lead", { leadOf: [energyId], memberOf: [energyId] });
    const draft = saveUpdate(lead, { actionId: action("EN-2")!.id, periodId: q1.id, version: 0, status: "at_risk", percentComplete: "5", narrative: "Lead's words", intent: "submit" });

    const file = await xlsxFile(
      [UPDATE_HEADER, ["EN-1", "On track", 0.4, "Two colleges signed up."], ["EN-2", "completed", "100%", "Done.\n\n- funded"]],
      "q1.xlsx",
      (sheet) => {
        sheet.getCell("C2").numFmt = "0%";
      },
    );
    const preview = await previewImport(admin, { plan: PLAN, kind: "updates", periodId: String(q1.id) }, file);
    expect(preview).toMatchObject({ rows: 2, errors: 0 });
    const batch = getImportBatch(preview.batchId)!;
    expect(batch).toMatchObject({ kind: "updates", periodLabel: "2026 Q1" });
    expect(batch.rows.map((r) => r.existing)).toEqual([null, { id: draft.id, version: 1, reviewState: "submitted" }]);
    expect(action("EN-1")!.status).toBe("not_started");

    expect(commitImport(admin, { plan: PLAN, batchId: preview.batchId })).toEqual({ kind: "updates", created: 1, replaced: 1 });
    expect(action("EN-1")).toMatchObject({ status: "on_track", percentComplete: 40 });
    expect(action("EN-2")).toMatchObject({ status: "completed", percentComplete: 100 });
    const updates = getDb().select().from(progressUpdates).where(eq(progressUpdates.periodId, q1.id)).orderBy(progressUpdates.actionId).all();
    expect(updates.map((u) => [u.status, u.percentComplete, u.narrative, u.reviewState, u.reviewedById, u.version])).toEqual([
      ["on_track", 40, "Two colleges signed up.", "accepted", admin.userId, 1],
      ["completed", 100, "Done.\n\n- funded", "accepted", admin.userId, 2],
    ]);
    // The replaced update keeps its author; the audit entry keeps its words.
    expect(updates[1]!.authorId).toBe(lead.userId);
    const replaced = getDb().select().from(auditLog).where(and(eq(auditLog.action, "update.import"), eq(auditLog.entityId, String(draft.id)))).get()!;
    expect(JSON.parse(replaced.diff!).before).toEqual({ status: "at_risk", percentComplete: 5, narrative: "Lead's words", reviewState: "submitted" });
  });

  it("flags wrong types and values per row, and commits nothing", async () => {
    const { admin, period } = setup();
    const q1 = period("2026 Q1", "2026-01-01", "2026-03-31");
    const file = csvFile(
      lines(
        UPDATE_HEADER.join(","),
        "EN-1,Great,50,ok",
        "EN-2,On track,abc,ok",
        "EN-3,On track,150,ok",
        "EN-4,On track,40.5,ok",
        "EN-5,Completed,90,done",
        "EN-6,On track,40,",
        "NOPE-1,On track,40,x",
        "EN-1,On track,40,again",
        "AG-1,on-track,,x",
        "HW-1,AT RISK,25 %,Fine row",
      ),
    );
    const preview = await previewImport(admin, { plan: PLAN, kind: "updates", periodId: q1.id }, file);
    expect(getImportBatch(preview.batchId)!.errors).toEqual([
      { row: 2, column: "Status", reason: "Use one of: Not started, On track, At risk, Off track, Completed, Deferred." },
      { row: 3, column: "Percent complete", reason: "Enter a number from 0 to 100." },
      { row: 4, column: "Percent complete", reason: "Use 0 to 100." },
      { row: 5, column: "Percent complete", reason: "Use a whole number." },
      { row: 6, column: "Percent complete", reason: "A completed action is 100% complete." },
      { row: 7, column: "Narrative", reason: "Say what happened this period before you submit." },
      { row: 8, column: "Action code", reason: "The plan has no action with the code NOPE-1." },
      { row: 9, column: "Action code", reason: "EN-1 is already in row 2: an action has one update per quarter." },
      { row: 10, column: "Percent complete", reason: "Enter a number from 0 to 100." },
    ]);
    expect((await refusal(() => commitImport(admin, { plan: PLAN, batchId: preview.batchId }))).code).toBe("INVALID_INPUT");
    expect(count(progressUpdates)).toBe(0);
  });

  it("marks updates imported into a closed period as such in the audit log", async () => {
    const { admin, period } = setup();
    const closed = period("2025 Q4", "2025-10-01", "2025-12-31", "closed");
    const preview = await previewImport(admin, { plan: PLAN, kind: "updates", periodId: closed.id }, csvFile(lines(UPDATE_HEADER.join(","), "EN-1,Off track,10,Stalled.")));
    commitImport(admin, { plan: PLAN, batchId: preview.batchId });
    expect(auditActions()).toContain("update.import_closed_period");
  });

  it("refuses the commit when an update changed after the preview", async () => {
    const { admin, period } = setup();
    const q1 = period("2026 Q1", "2026-01-01", "2026-03-31");
    const preview = await previewImport(admin, { plan: PLAN, kind: "updates", periodId: q1.id }, csvFile(lines(UPDATE_HEADER.join(","), "EN-1,On track,40,From the file", "EN-2,On track,40,From the file")));
    saveUpdate(admin, { actionId: action("EN-1")!.id, periodId: q1.id, version: 0, status: "at_risk", percentComplete: "20", narrative: "Typed meanwhile" });
    const refused = await refusal(() => commitImport(admin, { plan: PLAN, batchId: preview.batchId }));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toMatch(/row 2, Action code: The update of EN-1 for this quarter was changed by someone after the preview/);
    expect(count(progressUpdates)).toBe(1);
  });

  it("needs a period of this plan", async () => {
    const { admin } = setup();
    const file = csvFile(lines(UPDATE_HEADER.join(","), "EN-1,On track,40,x"));
    // A form error (zod), shown next to the period field.
    await expect(previewImport(admin, { plan: PLAN, kind: "updates", periodId: "" }, file)).rejects.toThrow(/Choose the quarter these updates are for/);
    const other = getDb().insert(reportingPeriods).values({ planId: getPlanBySlug("sjv-sap-2006")!.id, label: "2007 Q1", startDate: "2007-01-01", endDate: "2007-03-31", deadline: "2007-04-15" }).returning().get();
    const wrong = await refusal(previewImport(admin, { plan: PLAN, kind: "updates", periodId: other.id }, file));
    expect(wrong.fieldErrors).toEqual({ periodId: ["Choose a reporting period of this plan."] });
  });
});

describe("refusals of a whole file", () => {
  const cases: [string, () => Promise<UploadedFile> | UploadedFile, RegExp, typeof SPREADSHEET_LIMITS?][] = [
    ["an empty file", () => csvFile(""), /empty/],
    ["a file with only a header", () => csvFile("Code,Title\r\n"), /no rows of data/],
    ["a file not in UTF-8", () => ({ name: "latin1.csv", bytes: new Uint8Array([0x43, 0x6f, 0x64, 0x65, 0x0a, 0x45, 0xe9, 0x0a]) }), /not UTF-8/],
    ["a zip bomb", () => zipBomb(60 * 1024 * 1024), /zip bomb/],
    ["a __proto__ column", () => csvFile(lines("Code,__proto__", "EN-1,polluted")), /“__proto__”, which is not a column/],
    ["a constructor column in XLSX", () => xlsxFile([["Code", "constructor"], ["EN-1", "x"]]), /“constructor”, which is not a column/],
    ["too many rows", () => csvFile(lines("Code,Title", ...Array.from({ length: 4 }, (_, i) => `EN-${i},x`))), /more than 3 rows/, { ...SPREADSHEET_LIMITS, maxRows: 3 }],
    ["an oversized file", () => ({ name: "big.xlsx", bytes: new Uint8Array(SPREADSHEET_LIMITS.maxBytes + 1) }), /limit is 5 MB/],
  ];

  for (const [what, make, message, limits] of cases) {
    // Building a zip bomb takes seconds on a busy machine.
    it(`refuses ${what}, storing no batch`, { timeout: 30_000 }, async () => {
      const { admin } = setup();
      const refused = await refusal(previewImport(admin, { plan: PLAN, kind: "actions" }, await make(), limits));
      expect(refused.code).toBe("INVALID_INPUT");
      expect(refused.fieldErrors?.file?.[0]).toMatch(message);
      expect(count(importBatches)).toBe(0);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }
});

describe("who may import", () => {
  it("refuses anyone without plan.import before reading the file", async () => {
    const { admin } = setup();
    const lead = makeUser("lead");
    // An empty file would be refused as one if it were read at all.
    const refused = await refusal(previewImport(lead, { plan: PLAN, kind: "actions" }, csvFile("")));
    expect(refused.code).toBe("FORBIDDEN");
    expect((await refusal(previewImport({ kind: "anonymous" }, { plan: PLAN, kind: "actions" }, csvFile("Code\nEN-1\n")))).code).toBe("UNAUTHORIZED");

    const preview = await previewImport(admin, { plan: PLAN, kind: "actions" }, csvFile(lines("Code,Title", "EN-1,By a lead?")));
    expect((await refusal(() => commitImport(lead, { plan: PLAN, batchId: preview.batchId }))).code).toBe("FORBIDDEN");
    expect((await refusal(() => commitImport(admin, { plan: "sjv-sap-2006", batchId: preview.batchId }))).code).toBe("NOT_FOUND");
    expect(action("EN-1")!.title).toBeNull();
  });
});
