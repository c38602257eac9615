import { PLAN, expect, test, type Page } from "./fixtures";

// The action list's filters, driven through the form. Expected counts come
// from the seed (db/seed/sjv-plans.ts): 31 cluster actions + 9 next steps.

const ACTIONS = `${PLAN}/actions`;

const countText = (page: Page) => page.getByRole("status");
const actionRows = (page: Page) => page.getByRole("table", { name: "Actions", exact: true }).getByRole("rowgroup").nth(1).getByRole("row");
const apply = (page: Page) => page.getByRole("button", { name: "Apply filters" }).click();

/** Each listed row, in order, starts with these action codes (and there are no others). */
async function expectCodes(page: Page, codes: string[]) {
  await expect(actionRows(page)).toHaveText(codes.map((c) => new RegExp(`^${c}(?!\\d)`)));
}

test("the unfiltered list pages through all 40 actions, 20 a page", async ({ page }) => {
  await page.goto(ACTIONS);
  await expect(countText(page)).toHaveText("Showing 1–20 of 40 actions.");
  await expect(actionRows(page)).toHaveCount(20);
  await expect(actionRows(page).first()).toContainText("AG-1");
  const pages = page.getByRole("navigation", { name: "Pages" });
  await expect(pages).toContainText("Page 1 of 2");
  await pages.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/[?&]page=2(&|$)/);
  await expect(countText(page)).toHaveText("Showing 21–40 of 40 actions.");
  await expect(actionRows(page)).toHaveCount(20);
  await expect(actionRows(page).last()).toContainText("NS-9");
  await expect(actionRows(page).last()).toContainText("Plan-wide");
  // A page number past the end shows the last page.
  await page.goto(`${ACTIONS}?page=3`);
  await expect(countText(page)).toHaveText("Showing 21–40 of 40 actions.");
});

test("filtering by cluster, then work group, champion and status narrows the list", async ({ page }) => {
  await page.goto(ACTIONS);
  await page.getByLabel("Cluster or section").selectOption({ label: "Energy" });
  await apply(page);
  await expect(page).toHaveURL(/[?&]section=energy(&|$)/);
  await expect(countText(page)).toHaveText("Showing 1–6 of 6 actions matching the filters.");
  await expectCodes(page, ["EN-1", "EN-2", "EN-3", "EN-4", "EN-5", "EN-6"]);
  await expect(page.getByLabel("Cluster or section")).toHaveValue("energy");

  await page.getByLabel("Work group").selectOption({ label: "Energy Work Group" });
  await apply(page);
  await expect(page).toHaveURL(/[?&]group=energy-wg(&|$)/);
  await expect(page).toHaveURL(/[?&]section=energy(&|$)/);
  await expect(countText(page)).toHaveText("Showing 1–6 of 6 actions matching the filters.");

  await page.getByLabel("Champion organization").selectOption({ label: "Central Valley Business Incubator" });
  await apply(page);
  await expect(page).toHaveURL(/[?&]org=cvbi(&|$)/);
  await expect(countText(page)).toHaveText("Showing 1–1 of 1 action matching the filters.");
  await expectCodes(page, ["EN-4"]);

  await page.getByLabel("Status").selectOption({ label: "Not started" });
  await apply(page);
  await expect(page).toHaveURL(/[?&]status=not_started(&|$)/);
  await expectCodes(page, ["EN-4"]);

  await page.getByLabel("Status").selectOption({ label: "Completed" });
  await apply(page);
  await expect(countText(page)).toHaveText("No actions match.");
  await expect(page.getByText("No actions match these filters.")).toBeVisible();
  await expect(page.getByRole("table", { name: "Actions", exact: true })).toHaveCount(0);
});

test("a work group includes its plan-level next step until a cluster is chosen", async ({ page }) => {
  await page.goto(ACTIONS);
  await page.getByLabel("Work group").selectOption({ label: "Health and Wellness Work Group" });
  await apply(page);
  await expect(page).toHaveURL(/[?&]group=health-wellness-wg(&|$)/);
  await expect(countText(page)).toHaveText("Showing 1–11 of 11 actions matching the filters.");
  await expectCodes(page, ["HW-1", "HW-2", "HW-3", "HW-4", "HW-5", "HW-6", "HW-7", "HW-8", "HW-9", "HW-10", "NS-2"]);
  await expect(actionRows(page).last()).toContainText("Health and Wellness Cluster Work Group");

  await page.getByLabel("Cluster or section").selectOption({ label: "Health and Wellness" });
  await apply(page);
  await expect(countText(page)).toHaveText("Showing 1–10 of 10 actions matching the filters.");
  await expect(actionRows(page).last()).toContainText("HW-10");
  await expect(page.getByLabel("Work group")).toHaveValue("health-wellness-wg");
});

test("filtering by champion organization lists the actions it champions", async ({ page }) => {
  await page.goto(ACTIONS);
  await page.getByLabel("Champion organization").selectOption({ label: "Central California Workforce Collaborative" });
  await apply(page);
  await expect(page).toHaveURL(/[?&]org=ccwc(&|$)/);
  await expect(countText(page)).toHaveText("Showing 1–3 of 3 actions matching the filters.");
  await expectCodes(page, ["PSI-1", "NS-4", "NS-5"]);
  await expect(actionRows(page).first().getByRole("link", { name: "CCWC", exact: true })).toHaveAttribute("href", "/organizations/ccwc");
  await expect(actionRows(page).first()).toContainText("CCWC (lead)");
});

test("status and priority filters", async ({ page }) => {
  await page.goto(ACTIONS);
  await page.getByLabel("Status").selectOption({ label: "Not started" });
  await apply(page);
  await expect(countText(page)).toHaveText("Showing 1–20 of 40 actions matching the filters.");

  await page.getByLabel("Status").selectOption({ label: "Any status" });
  // No seeded action is flagged as a priority.
  await page.getByLabel("Priority actions only").check();
  await apply(page);
  await expect(page).toHaveURL(/[?&]priority=1(&|$)/);
  await expect(page).not.toHaveURL(/status=not_started/);
  await expect(countText(page)).toHaveText("No actions match.");
  await expect(page.getByLabel("Priority actions only")).toBeChecked();
});

test("free-text search matches action text case-insensitively", async ({ page }) => {
  await page.goto(ACTIONS);
  await page.getByLabel("Search text").fill("nursing");
  await page.getByLabel("Search text").press("Enter");
  await expect(page).toHaveURL(/[?&]q=nursing(&|$)/);
  await expect(countText(page)).toHaveText("Showing 1–2 of 2 actions matching the filters.");
  await expectCodes(page, ["HW-2", "HW-4"]);

  await page.getByLabel("Search text").fill("REGIONAL ECONOMIC SUMMIT");
  await apply(page);
  await expect(countText(page)).toHaveText("Showing 1–6 of 6 actions matching the filters.");
  await expectCodes(page, ["EN-6", "LO-2", "WT-3", "NS-1", "NS-7", "NS-9"]);
});

test("a search with no match shows the empty state, and clearing resets every filter", async ({ page }) => {
  await page.goto(ACTIONS);
  await page.getByLabel("Cluster or section").selectOption({ label: "Manufacturing" });
  await page.getByLabel("Search text").fill("hydrogen airships");
  await apply(page);
  await expect(page).toHaveURL(/[?&]q=hydrogen\+airships(&|$)/);
  await expect(countText(page)).toHaveText("No actions match.");
  await expect(page.getByText("No actions match these filters.")).toBeVisible();

  await page.getByRole("link", { name: "Clear the filters" }).click();
  await expect(page).toHaveURL(ACTIONS);
  await expect(countText(page)).toHaveText("Showing 1–20 of 40 actions.");
  await expect(page.getByLabel("Search text")).toHaveValue("");
  await expect(page.getByLabel("Cluster or section")).toHaveValue("");
});

test("filters live in the URL: they survive a reload and a shared link", async ({ page }) => {
  await page.goto(ACTIONS);
  await page.getByLabel("Cluster or section").selectOption({ label: "Energy" });
  await page.getByLabel("Search text").fill("coordinate");
  await apply(page);
  await expect(countText(page)).toHaveText("Showing 1–2 of 2 actions matching the filters.");
  await expectCodes(page, ["EN-3", "EN-4"]);

  await page.reload();
  await expect(countText(page)).toHaveText("Showing 1–2 of 2 actions matching the filters.");
  await expectCodes(page, ["EN-3", "EN-4"]);
  await expect(page.getByLabel("Cluster or section")).toHaveValue("energy");
  await expect(page.getByLabel("Search text")).toHaveValue("coordinate");

  // A link with only the meaningful parameters gives the same view.
  await page.goto(`${ACTIONS}?section=energy&q=coordinate`);
  await expectCodes(page, ["EN-3", "EN-4"]);

  // The dashboard's per-cluster link lands on the same filter.
  await page.goto(PLAN);
  await page.getByRole("link", { name: "List actions in Energy" }).click();
  await expect(page.getByLabel("Cluster or section")).toHaveValue("energy");
  await expect(countText(page)).toHaveText("Showing 1–6 of 6 actions matching the filters.");
});
