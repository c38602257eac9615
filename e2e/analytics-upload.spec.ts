import fs from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { expect, test } from "./fixtures";
import { authFile } from "./support/accounts";
import { UPLOAD_PLAN, ensureUploadPlan, testCountyFiles } from "./support/analytics";

// The journey: staff upload QCEW files in the browser and follow the
// import's progress, open a cluster's analytics page and download its table;
// the cluster's annual employment metric is filled. The files are two real
// 2016 county files whose area codes are changed (e2e/support/analytics.ts),
// imported for this spec's own plan so no other spec's metric changes.

test.use({ storageState: authFile("admin") });

test("staff upload QCEW files, follow the import, read the cluster's analytics, download its table and see its metric filled", async ({ page, checkA11y }) => {
  test.setTimeout(180_000);
  ensureUploadPlan();
  const files = testCountyFiles();

  await page.goto("/admin/employment-data");
  await expect(page.getByRole("heading", { name: "Employment data", level: 1 })).toBeVisible();
  await checkA11y({ soft: true });

  // Refused before anything is read: not a .csv.
  const notCsv = { name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hello") };
  await page.getByLabel("Employment files (CSV)").setInputFiles(notCsv);
  await page.getByRole("button", { name: "Import the files" }).click();
  await expect(page.getByText("notes.txt is not a .csv file.", { exact: false })).toBeVisible();

  // A CSV with the wrong columns: uploaded, then refused by the reader, naming the file and the column.
  const wrong = { name: "wrong.csv", mimeType: "text/csv", buffer: Buffer.from("area,naics,year,jobs\n06019,1111,2016,5\n") };
  await page.getByLabel("Employment files (CSV)").setInputFiles(wrong);
  await page.getByRole("button", { name: "Import the files" }).click();
  const upload = page.getByRole("region", { name: "This upload" });
  const wrongItem = upload.getByRole("listitem").filter({ hasText: "wrong.csv" }).first();
  await expect(wrongItem.getByText("Not imported")).toBeVisible({ timeout: 30_000 });
  await expect(wrongItem).toContainText('wrong.csv, line 1, column "jobs"');

  await page.getByLabel("Employment files (CSV)").setInputFiles(files);
  await page.getByRole("button", { name: "Import the files" }).click();
  await expect(page.getByRole("heading", { name: "This upload" })).toBeVisible();
  for (const name of ["2016.q1-q4.99031.csv", "2016.q1-q4.99039.csv"]) {
    const item = upload.getByRole("listitem").filter({ has: page.getByText(name, { exact: true }) }).first();
    await expect(item.getByRole("progressbar", { name: `${name}: import progress` })).toBeVisible();
    await expect(item.getByText("Imported", { exact: true })).toBeVisible({ timeout: 60_000 });
    await expect(item.getByRole("progressbar")).toHaveAttribute("value", "100");
  }
  const madera = upload.getByRole("listitem").filter({ has: page.getByText("2016.q1-q4.99039.csv", { exact: true }) }).first();
  await expect(madera).toContainText("BLS QCEW quarterly CSV: 5,212 rows read.");
  await expect(madera).toContainText(/Cluster employment metrics: 1 values recorded/);
  await expect(page.getByRole("status")).toContainText("imported");
  await checkA11y({ soft: true });

  // The plan's cluster analytics.
  await page.goto(`/plans/${UPLOAD_PLAN.slug}/analytics`);
  const table = page.getByRole("table", { name: /Clusters in 2016/ });
  await expect(table.getByRole("rowheader")).toHaveText(["Agriculture"]);
  const jobsText = (await table.getByRole("row", { name: /Agriculture/ }).getByRole("cell").first().textContent())!;
  await table.getByRole("link", { name: "Agriculture" }).click();
  await expect(page.getByRole("heading", { name: "Agriculture: cluster employment" })).toBeVisible();
  await expect(page.getByRole("table", { name: /by area, 2016/ }).getByRole("rowheader")).toHaveText(["Test County A", "Test County B"]);
  await checkA11y({ soft: true });
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download employment by year as CSV" }).click();
  const rows: Record<string, string>[] = parse(await fs.readFile((await (await downloading).path())!), { columns: true, bom: true });
  expect(rows).toHaveLength(1);
  expect(rows[0]!.Year).toBe("2016");
  expect(Number(rows[0]!.Employment).toLocaleString("en-US")).toBe(jobsText);

  // The annual metric got its 2016 value from the import.
  await page.goto(`/plans/${UPLOAD_PLAN.slug}/metrics/agriculture-jobs`);
  await expect(page.getByRole("cell", { name: "BLS QCEW" }).first()).toBeVisible();
});
