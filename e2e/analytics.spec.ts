import fs from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { PLAN, expect, test } from "./fixtures";
import { ensureQcew2016Imported } from "./support/analytics";
import { planFigures } from "@/lib/analytics/plan-figures";
import { sjvPlanId } from "@/lib/test/actors";

// Cluster employment from the real 2016 QCEW files of the eight SJV
// counties: a board member opens the region overview, sorts it, opens a
// cluster, reads its figures and downloads a table; axe on both pages.

test("a board member reads the clusters' employment, opens one and downloads its table", async ({ page, checkA11y }) => {
  test.setTimeout(120_000);
  await ensureQcew2016Imported();
  const figures = planFigures(sjvPlanId());
  const agriculture = figures.clusters.find((c) => c.key === "agriculture")!.years[0]!.region;
  const jobs = Math.round(agriculture.employment).toLocaleString("en-US");

  await page.goto(PLAN);
  await page.getByRole("link", { name: "Cluster employment" }).click();
  await expect(page.getByRole("heading", { name: "Cluster employment", level: 1 })).toBeVisible();
  const table = page.getByRole("table", { name: /Clusters in 2016/ });
  await expect(table.getByRole("row")).toHaveCount(8);
  const agRow = table.getByRole("row", { name: /Agriculture/ });
  await expect(agRow.getByRole("cell").first()).toHaveText(jobs);
  // Suppressed cells are reported, not zeroed.
  await expect(agRow).toContainText("suppressed cells left out");
  await expect(page.getByText(/In 2016 the clusters held \d+\.\d% of the region's [\d,]+ jobs/)).toBeVisible();
  await checkA11y({ soft: true });

  // Sorted by employment, largest first, then by name.
  await expect(table.getByRole("rowheader").first()).toHaveText("Agriculture");
  await table.getByRole("link", { name: /^Cluster/ }).click();
  await expect(page.getByRole("table", { name: /Sorted by cluster, ascending/ }).getByRole("rowheader").first()).toHaveText("Agriculture");
  await page.getByRole("table").getByRole("link", { name: /^Cluster/ }).click();
  await expect(page.getByRole("table", { name: /Sorted by cluster, descending/ }).getByRole("rowheader").first()).toHaveText("Water Technology");

  await page.getByRole("link", { name: "Agriculture", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Agriculture: cluster employment", level: 1 })).toBeVisible();
  await expect(page.getByText(`In 2016: ${jobs} jobs`)).toBeVisible();
  await expect(page.getByRole("img", { name: /Agriculture cluster employment/ })).toBeVisible();
  await expect(page.getByRole("table", { name: /Agriculture: by area, 2016/ }).getByRole("row")).toHaveCount(9);
  await checkA11y({ soft: true });

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download by area as CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("sjv-2012-agriculture-areas-2016-2016.csv");
  const rows: Record<string, string>[] = parse(await fs.readFile((await download.path())!), { columns: true, bom: true });
  expect(rows.map((r) => r.Code)).toEqual(["06019", "06029", "06031", "06039", "06047", "06077", "06099", "06107"]);
  const sum = rows.reduce((s, r) => s + Number(r.Employment), 0);
  expect(Math.abs(sum - agriculture.employment)).toBeLessThanOrEqual(8);

  // With estimates the figures say so.
  await page.getByLabel("Fill suppressed cells with estimates").check();
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByText("the suppressed cells' jobs are estimated")).toBeVisible();
  await checkA11y({ soft: true });
});
