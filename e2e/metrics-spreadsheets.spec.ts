import { parse } from "csv-parse/sync";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { measurements, metrics } from "@/db/schema";
import { expect, expectNoA11yViolations, test, type Page } from "./fixtures";
import { authFile } from "./support/accounts";
import { LOOP_PLAN, planId } from "./support/quarter";

// Metric measurements as staff load them from a spreadsheet: a bad row is
// previewed and nothing is written; the fixed file goes in; the same file
// again changes nothing; the downloads hold what was imported. In the loop
// plan (2026 to 2030), on a metric of this spec's own.

const LOOP = `/plans/${LOOP_PLAN.slug}`;
const KEY = "e2e-sheets-share";

test.use({ storageState: authFile("admin") });

function ensureMetric() {
  const pid = planId();
  const db = getDb();
  const found = db.select().from(metrics).where(and(eq(metrics.planId, pid), eq(metrics.key, KEY))).get();
  return found ?? db.insert(metrics).values({ planId: pid, key: KEY, name: "Share of placements in the Valley", scope: "plan", unit: "percent", direction: "up", frequency: "quarterly" }).returning().get();
}

async function upload(page: Page, name: string, lines: string[]) {
  await page.goto(`${LOOP}/import`);
  await page.getByRole("radio", { name: "Metric measurements" }).check();
  await page.getByLabel("Spreadsheet file").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(lines.join("\r\n") + "\r\n") });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Preview of ${name}` })).toBeVisible();
}

test("measurements import with a dry run, all or nothing, and re-import the same file as unchanged; the downloads hold them", async ({ page }) => {
  const metric = ensureMetric();
  const header = "Metric key,Period,Value,Note,Source,Correction note";
  const stored = () => getDb().select().from(measurements).where(eq(measurements.metricId, metric.id)).orderBy(asc(measurements.periodEnd)).all();

  await page.goto(`${LOOP}/import`);
  await expect(page.getByRole("heading", { level: 3, name: "Metric measurements" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Columns of the measurements import" })).toContainText("Correction note");

  await upload(page, "shares-bad.csv", [header, `${KEY},2026 Q1,38.5,First quarter,Survey,`, `${KEY},2026 Q2,101,,,`]);
  await expect(page.getByText("1 problem found: nothing from this file can be imported.")).toBeVisible();
  await expect(page.getByRole("table", { name: "Problems found in the file, by row" }).getByRole("row")).toHaveText(["RowColumnProblem", "3ValueA percent is from 0 to 100."]);
  await expect(page.getByRole("button", { name: /^Import/ })).toHaveCount(0);
  await expectNoA11yViolations(page);
  expect(stored()).toEqual([]);

  const good = [header, `${KEY},2026 Q1,38.5,First quarter,Survey,`, `${KEY},2026-Q2,41,,,`];
  await upload(page, "shares.csv", good);
  await expect(page.getByText("Importing will record 2 values, all in one go", { exact: false })).toBeVisible();
  const rows = page.getByRole("table", { name: "Rows of the file and what importing each would do" }).getByRole("row");
  await expect(rows.nth(2)).toContainText("2026 Q2");
  await expect(rows.nth(2)).toContainText("Record the value");
  await expectNoA11yViolations(page);
  await page.getByRole("button", { name: "Import 2 rows" }).click();
  await expect(page.getByText(/^Imported at \d{4}-\d\d-\d\d \d\d:\d\d UTC\.$/)).toBeVisible();
  await expect(page.getByText("The import recorded 2 values.", { exact: false })).toBeVisible();
  expect(stored().map((m) => [m.periodLabel, m.value, m.note, m.source])).toEqual([
    ["2026 Q1", 38.5, "First quarter", "Survey"],
    ["2026 Q2", 41, null, null],
  ]);

  // The same file again: every row unchanged, nothing written.
  await upload(page, "shares-again.csv", good);
  await expect(page.getByText("Importing will leave 2 unchanged values alone", { exact: false })).toBeVisible();
  await expect(rows.nth(1)).toContainText("Nothing: the same value is recorded");
  await page.getByRole("button", { name: "Import 2 rows" }).click();
  await expect(page.getByText("The import left 2 unchanged values alone.", { exact: false })).toBeVisible();
  expect(stored()).toHaveLength(2);

  const plan = await page.request.get(`${LOOP}/metrics/export?format=csv`);
  expect(plan.status()).toBe(200);
  expect(plan.headers()["content-disposition"]).toBe('attachment; filename="e2e-loop-measurements.csv"');
  const planRows = (parse(await plan.body(), { bom: true }) as string[][]).filter((r, i) => i === 0 || r[0] === KEY);
  expect(planRows.map((r) => r.slice(0, 8))).toEqual([
    ["Metric key", "Metric", "Attached to", "Unit", "Period", "Value", "Note", "Source"],
    [KEY, "Share of placements in the Valley", "The whole plan", "Percent", "2026 Q1", "38.5", "First quarter", "Survey"],
    [KEY, "Share of placements in the Valley", "The whole plan", "Percent", "2026 Q2", "41", "", ""],
  ]);

  const history = await page.request.get(`${LOOP}/metrics/${KEY}/export?format=xlsx`);
  expect(history.status()).toBe(200);
  expect(history.headers()).toMatchObject({ "content-disposition": `attachment; filename="e2e-loop-${KEY}-measurements.xlsx"`, "x-content-type-options": "nosniff" });
  expect((await page.request.get(`${LOOP}/metrics/no-such-metric/export?format=csv`)).status()).toBe(404);
});
