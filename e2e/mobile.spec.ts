import { PLAN, expect, test, type Page } from "./fixtures";
import { ensureMetric } from "./support/metrics";
import { LOOP_PLAN } from "./support/quarter";

// Runs only in the "phone" project (Pixel 7): the pages must fit the screen,
// with wide tables scrolling inside their own region instead of the page.

// With mobile emulation Chromium widens the layout viewport (window.innerWidth)
// to fit content that overflows, so both are compared with the device width.
async function expectNoHorizontalOverflow(page: Page) {
  const screenWidth = page.viewportSize()!.width;
  expect(screenWidth, "the test runs at phone width").toBeLessThan(500);
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement!.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(innerWidth, `the layout viewport grew to ${innerWidth}px to fit content on a ${screenWidth}px screen`).toBe(screenWidth);
  expect(scrollWidth, `the page is ${scrollWidth}px wide on a ${innerWidth}px screen`).toBeLessThanOrEqual(innerWidth);
}

async function expectNavigationVisible(page: Page) {
  const main = page.getByRole("navigation", { name: "Main" });
  await expect(main.getByRole("link", { name: "Plans" })).toBeInViewport();
  await expect(main.getByRole("link", { name: "Partners" })).toBeInViewport();
  const planNav = page.getByRole("navigation", { name: "Plan" });
  for (const name of ["Dashboard", "Actions", "Economic development targets"]) {
    await expect(planNav.getByRole("link", { name, exact: true })).toBeVisible();
  }
}

test("the dashboard fits a phone screen and passes axe", async ({ page, checkA11y }) => {
  await page.goto(PLAN);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dashboard");
  await expectNavigationVisible(page);
  await expect(page.getByRole("link", { name: "40 actions: list them" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Progress by cluster" }).getByRole("heading", { level: 3 })).toHaveCount(7);
  await expectNoHorizontalOverflow(page);
  await checkA11y();
});

test("the action list fits a phone screen, filters, scrolls its table and passes axe", async ({ page, checkA11y }) => {
  await page.goto(`${PLAN}/actions`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Actions");
  await expectNavigationVisible(page);
  await expect(page.getByRole("navigation", { name: "Plan" }).getByRole("link", { name: "Actions", exact: true })).toHaveAttribute("aria-current", "page");
  await expectNoHorizontalOverflow(page);

  // The table is wider than the screen, so its region scrolls sideways (and is keyboard-focusable).
  const region = page.getByRole("region", { name: "Actions", exact: true });
  await expect(region).toHaveAttribute("tabindex", "0");
  const widths = await region.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, overflowX: getComputedStyle(el).overflowX }));
  expect(widths.overflowX).toBe("auto");
  expect(widths.scroll).toBeGreaterThan(widths.client);
  const scrolled = await region.evaluate((el) => {
    el.scrollLeft = 200;
    return el.scrollLeft;
  });
  expect(scrolled).toBeGreaterThan(0);
  await expectNoHorizontalOverflow(page);

  await page.getByLabel("Cluster or section").selectOption({ label: "Energy" });
  await page.getByRole("button", { name: "Apply filters" }).tap();
  await expect(page).toHaveURL(/[?&]section=energy(&|$)/);
  await expect(page.getByRole("status")).toHaveText("Showing 1–6 of 6 actions matching the filters.");
  await expectNoHorizontalOverflow(page);
  await checkA11y();
});

test("a cluster page and the targets table fit a phone screen", async ({ page }) => {
  await page.goto(`${PLAN}/sections/health-wellness`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Health and Wellness");
  await expectNoHorizontalOverflow(page);

  await page.goto(`${PLAN}/targets`);
  await expect(page.getByRole("region", { name: "Targets table" }).getByRole("row")).toHaveCount(25); // header, 23 targets, total
  await expectNoHorizontalOverflow(page);
});

test("a metric's chart and data table fit a phone screen", async ({ page, checkA11y }) => {
  ensureMetric({
    key: "phone-chart",
    name: "Apprentices on the phone",
    fields: { scope: "plan", baselineValue: "40", baselineDate: "2025-12-31", targetValue: "90", targetDate: "2027-12-31" },
    values: [
      { period: "2026 Q1", value: "44" },
      { period: "2026 Q2", value: "51" },
    ],
  });
  await page.goto(`/plans/${LOOP_PLAN.slug}/metrics/phone-chart`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Apprentices on the phone");
  const chart = page.getByRole("img", { name: "Apprentices on the phone: actual values and target path" });
  await expect(chart).toBeVisible();
  // The chart scales down to the column; its axis text stays legible (at least 9px as drawn).
  const box = (await chart.boundingBox())!;
  expect(box.width).toBeLessThanOrEqual(page.viewportSize()!.width);
  const smallest = await chart.evaluate((svg) => Math.min(...[...svg.querySelectorAll("text")].map((t) => t.getBoundingClientRect().height)));
  expect(smallest).toBeGreaterThanOrEqual(9);
  await page.getByText("Show the data as a table").tap();
  await expect(page.getByRole("table", { name: /Apprentices on the phone: actual values/ }).getByRole("row", { name: /^2026 Q2/ })).toContainText("51");
  await expectNoHorizontalOverflow(page);
  await checkA11y();
});
