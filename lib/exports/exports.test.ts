import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { actions, reportingPeriods } from "@/db/schema";
import { seedDefaultData } from "@/db/seed/seed";
import { parseActionFilters } from "@/lib/actions/filters";
import { AppError } from "@/lib/errors";
import { getPlanBySlug } from "@/lib/plans/queries";
import { toCsv, toXlsx, type Table } from "@/lib/spreadsheets/write";
import { makeUser } from "@/lib/test/spreadsheets";
import { reviewUpdate, saveUpdate } from "@/lib/updates/service";
import { exportActionList } from "./actions";
import { exportTracker } from "./tracker";
import { exportActionUpdates } from "./updates";

const PLAN = "sjv-2012";
const action = (code: string) => getDb().select().from(actions).where(eq(actions.code, code)).get()!;

async function readXlsx(table: Table) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await toXlsx(table)) as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { sheet, rows };
}

const csvRows = (table: Table) => parse(toCsv(table), { bom: true, relax_column_count: true }) as string[][];

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected an AppError");
}

describe("the action list export", () => {
  it("holds every matching action, not one page, in plan order", () => {
    seedDefaultData();
    const viewer = makeUser("viewer");
    const { table, fileName } = exportActionList(viewer, PLAN, parseActionFilters({ page: "2" }));
    expect(fileName).toBe("sjv-2012-actions");
    expect(table.rows).toHaveLength(40);
    expect(table.rows.slice(0, 3).map((r) => r[0])).toEqual(["AG-1", "EN-1", "EN-2"]);
    expect(table.rows.at(-1)![0]).toBe("NS-9");
  });

  it("applies the list's filters and writes the same cells to CSV and XLSX", async () => {
    seedDefaultData();
    const viewer = makeUser("viewer");
    getDb().update(actions).set({ title: "=HYPERLINK(\"http://evil.example\",\"x\")", isPriority: true, dueDate: "2026-12-31" }).where(eq(actions.code, "EN-1")).run();
    const { table } = exportActionList(viewer, PLAN, parseActionFilters({ section: "energy" }));
    expect(table.rows.map((r) => r[0])).toEqual(["EN-1", "EN-2", "EN-3", "EN-4", "EN-5", "EN-6"]);
    const headers = table.columns.map((c) => c.header);
    expect(headers).toEqual(["Code", "Title", "Text", "Section", "Section key", "Work group", "Work group key", "Status", "Percent complete", "Priority", "Lead person", "Start date", "Due date", "Champions"]);

    const csv = csvRows(table);
    expect(csv[0]).toEqual(headers);
    expect(csv[1]).toEqual([
      "EN-1",
      "'=HYPERLINK(\"http://evil.example\",\"x\")",
      action("EN-1").text,
      "Energy",
      "energy",
      "Energy Work Group",
      "energy-wg",
      "Not started",
      "0",
      "yes",
      "",
      "",
      "2026-12-31",
      "sjv-clean-energy:lead",
    ]);

    const { sheet, rows } = await readXlsx(table);
    expect(rows[0]).toEqual(headers);
    expect(rows[1]).toEqual(["EN-1", "=HYPERLINK(\"http://evil.example\",\"x\")", action("EN-1").text, "Energy", "energy", "Energy Work Group", "energy-wg", "Not started", 0, "yes", undefined, undefined, "2026-12-31", "sjv-clean-energy:lead"]);
    expect(sheet.getCell("B2").type).toBe(ExcelJS.ValueType.String);
    expect(rows).toHaveLength(7);
  });

  it("needs a reader, and a known plan", () => {
    seedDefaultData();
    expect(refusal(() => exportActionList({ kind: "anonymous" }, PLAN, parseActionFilters({}))).code).toBe("UNAUTHORIZED");
    expect(refusal(() => exportActionList(makeUser("viewer"), "nope", parseActionFilters({}))).code).toBe("NOT_FOUND");
  });
});

function quarter() {
  seedDefaultData();
  const planId = getPlanBySlug(PLAN)!.id;
  const insert = (label: string, startDate: string, endDate: string, isCurrent = false) =>
    getDb().insert(reportingPeriods).values({ planId, label, startDate, endDate, deadline: endDate, status: "open", isCurrent }).returning().get();
  return { previous: insert("2026 Q3", "2026-07-01", "2026-09-30"), current: insert("2026 Q4", "2026-10-01", "2026-12-31", true) };
}

describe("the tracker export", () => {
  it("lists the period's actions with their state, filtered like the page", async () => {
    const { current, previous } = quarter();
    const admin = makeUser("admin");
    saveUpdate(admin, { actionId: action("EN-1").id, periodId: current.id, status: "on_track", percentComplete: "20", narrative: "Going." });
    saveUpdate(admin, { actionId: action("EN-2").id, periodId: previous.id, status: "on_track", percentComplete: "10", narrative: "Last quarter." });
    saveUpdate(admin, { actionId: action("EN-3").id, periodId: current.id, status: "on_track", percentComplete: "5", narrative: "Draft", intent: "draft" });

    const all = exportTracker(admin, PLAN, {});
    expect(all.fileName).toBe("sjv-2012-tracker-2026 Q4");
    expect(all.table.rows).toHaveLength(40);

    const { table } = exportTracker(admin, PLAN, { period: String(current.id), group: "energy-wg" });
    expect(table.columns.map((c) => c.header)).toEqual(["Work group", "Code", "Action", "State", "Review state", "Draft saved", "Last update", "Updated by", "Stale"]);
    const { rows } = await readXlsx(table);
    expect(rows.slice(1, 4).map((r) => [r[1], r[3], r[4], r[5], r[7], r[8]])).toEqual([
      ["EN-1", "Updated", "submitted", "no", admin.label, "no"],
      ["EN-2", "Missing", undefined, "no", undefined, "no"],
      ["EN-3", "Missing", "draft", "yes", admin.label, "yes"],
    ]);
    expect(rows[1]![6]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d UTC$/);

    const missing = exportTracker(admin, PLAN, { group: "energy-wg", state: "missing" });
    expect(missing.table.rows.map((r) => r[1])).not.toContain("EN-1");
  });

  it("is for staff only, and for a period of the plan", () => {
    const { current } = quarter();
    expect(refusal(() => exportTracker(makeUser("lead"), PLAN, {})).code).toBe("FORBIDDEN");
    const admin = makeUser("admin");
    expect(refusal(() => exportTracker(admin, "sjv-sap-2006", { period: String(current.id) })).code).toBe("NOT_FOUND");
    expect(refusal(() => exportTracker(admin, PLAN, { period: "x1" })).code).toBe("NOT_FOUND");
  });
});

describe("the update history export", () => {
  it("lists an action's updates, newest period first, without drafts", async () => {
    const { current, previous } = quarter();
    const admin = makeUser("admin");
    const en1 = action("EN-1");
    const old = saveUpdate(admin, { actionId: en1.id, periodId: previous.id, status: "at_risk", percentComplete: "10", narrative: "-1 funding\n=cmd", links: "Minutes | https://example.org/m" });
    reviewUpdate(admin, { updateId: old.id, version: old.version, decision: "return", note: "Add the numbers." });
    saveUpdate(admin, { actionId: en1.id, periodId: current.id, status: "on_track", percentComplete: "30", narrative: "Back on track." });
    const next = getDb().insert(reportingPeriods).values({ planId: current.planId, label: "2027 Q1", startDate: "2027-01-01", endDate: "2027-03-31", deadline: "2027-04-15", status: "open" }).returning().get();
    saveUpdate(admin, { actionId: en1.id, periodId: next.id, status: "on_track", percentComplete: "40", narrative: "Draft only", intent: "draft" });

    const { table, fileName } = exportActionUpdates(makeUser("viewer"), en1.id);
    expect(fileName).toBe("sjv-2012-EN-1-updates");
    expect(table.rows.map((r) => r[0])).toEqual(["2026 Q4", "2026 Q3"]);
    const csv = csvRows(table);
    expect(csv[2]!.slice(0, 7)).toEqual(["2026 Q3", "At risk", "10", "returned", "'-1 funding\n=cmd", "Minutes | https://example.org/m", ""]);
    expect(csv[2]![12]).toBe("Add the numbers.");
    const { rows } = await readXlsx(table);
    expect(rows[2]![4]).toBe("-1 funding\n=cmd");
  });

  it("answers NOT_FOUND for an unknown action", () => {
    seedDefaultData();
    expect(refusal(() => exportActionUpdates(makeUser("viewer"), 999_999)).code).toBe("NOT_FOUND");
  });
});
