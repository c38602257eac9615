import type { Page } from "@playwright/test";
import { expect, expectNoA11yViolations, test } from "./fixtures";
import { authFile } from "./support/accounts";
import { LOOP_PLAN, planId } from "./support/quarter";

// Defining, measuring, correcting and reading a metric in the browser. The
// metric lives in the loop plan (span 2026-2030), so the SJV plan's default
// metrics and the counts other specs read stay as seeded.

const BASE = `/plans/${LOOP_PLAN.slug}/metrics`;
const heading = (page: Page) => page.getByRole("heading", { level: 1 });
// Unique per run: the e2e database outlives a retried test.
const NAME = `Trainees placed ${Date.now().toString(36)}`;

test.describe.configure({ mode: "serial" });

test.describe("as an admin", () => {
  test.use({ storageState: authFile("admin") });
  test.beforeAll(() => void planId());

  test("defines a metric, records and corrects a value, and sees the status, chart and history", async ({ page }) => {
    test.slow();
    await page.goto(BASE);
    await expect(heading(page)).toHaveText("Metrics");
    await expectNoA11yViolations(page);

    await page.getByRole("link", { name: "Add a metric" }).click();
    await expect(heading(page)).toHaveText("Add a metric");
    await expectNoA11yViolations(page);
    await page.getByLabel(/^Name/).fill(NAME);
    await page.getByLabel(/^Unit \(required\)/).selectOption({ label: "Count" });
    await page.getByLabel(/^Measured/).selectOption({ label: "Every quarter" });
    await page.getByLabel("Baseline value").fill("100");
    await page.getByLabel("Baseline date").fill("2025-12-31");
    await page.getByLabel("Target value").fill("lots");
    await page.getByLabel("Target date").fill("2027-12-31");
    await page.getByRole("button", { name: "Add metric" }).click();
    // Bad input is named next to its field, and what was typed stays.
    await expect(page.getByText("Enter a number, such as 1,240 or 41.5.")).toBeVisible();
    await expect(page.getByLabel(/^Name/)).toHaveValue(NAME);
    await page.getByLabel("Target value").fill("200");
    await page.getByRole("button", { name: "Add metric" }).click();

    await expect(heading(page)).toHaveText(NAME);
    await expect(page.getByText("No data", { exact: true })).toBeVisible();
    await expectNoA11yViolations(page);

    // 2026 Q1 ends 2026-03-31, 90 of 730 days along the path: 112.33 expected.
    const record = page.getByRole("form", { name: `Record a value of ${NAME}` });
    await record.getByLabel("Period").selectOption("2026 Q1");
    await record.getByLabel("Value (count)").fill("110");
    await record.getByLabel("Source").fill("Program records");
    await record.getByRole("button", { name: /Record value/ }).click();
    await expect(page.getByText(`Recorded ${NAME} for 2026 Q1: 110.`)).toBeVisible();
    await expect(page.getByText("expected 112.33 by 2026 Q1, actual 110, −2.1%")).toBeVisible();
    await expect(page.locator("#metric-status").getByText("Behind", { exact: true })).toBeVisible();

    // A period with a value is no longer offered: changing it is a correction.
    await expect(record.getByLabel("Period").getByRole("option", { name: "2026 Q1" })).toHaveCount(0);
    // Bad input is refused next to the field, with the typed text kept.
    await record.getByLabel("Value (count)").fill("about 120");
    await record.getByRole("button", { name: /Record value/ }).click();
    await expect(record.getByText("Enter a number, such as 1,240 or 41.5.")).toBeVisible();
    await expect(record.getByLabel("Value (count)")).toHaveValue("about 120");

    // The chart's data table holds exactly the stored values.
    await page.getByText("Show the data as a table").click();
    const table = page.getByRole("table", { name: `${NAME}: actual values and the target path, in count` });
    await expect(table.getByRole("row", { name: /^2026 Q1/ }).getByRole("cell").first()).toHaveText("110");

    // Correct it: the new value counts, the old one stays in the history.
    await page.getByRole("button", { name: "Correct the 2026 Q1 value" }).click();
    const correct = page.getByRole("form", { name: `Correct the 2026 Q1 value of ${NAME}` });
    await correct.getByLabel("Corrected value").fill("118");
    await correct.getByLabel("Why it is corrected").fill("Late placements reported");
    await correct.getByRole("button", { name: /Save correction/ }).click();
    await expect(page.getByText(`Corrected ${NAME} for 2026 Q1 to 118; the earlier value stays in the history.`)).toBeVisible();
    await expect(page.locator("#metric-status").getByText("On track", { exact: true })).toBeVisible();
    const history = page.getByRole("table", { name: `Earlier values of ${NAME} that were corrected` });
    await expect(history.getByRole("row", { name: /2026 Q1/ })).toContainText("110");
    await expect(history.getByRole("row", { name: /2026 Q1/ })).toContainText("Late placements reported");
    await expectNoA11yViolations(page);

    // The overview lists it under its status.
    await page.goto(`${BASE}?status=on_track`);
    await expect(page.getByRole("link", { name: NAME })).toBeVisible();
    await page.goto(`${BASE}?status=off_track`);
    await expect(page.getByRole("link", { name: NAME })).toHaveCount(0);

    // Editing the definition re-judges it.
    await page.goto(BASE);
    await page.getByRole("link", { name: NAME }).click();
    await page.getByRole("link", { name: /Edit this metric/ }).click();
    await expect(heading(page)).toHaveText(`Edit ${NAME}`);
    await expectNoA11yViolations(page);
    await page.getByLabel("Target value").fill("400");
    await page.getByRole("button", { name: "Save metric" }).click();
    await expect(page.getByText("Saved.")).toBeVisible();
    await page.getByRole("link", { name: NAME }).click();
    await expect(page.locator("#metric-status").getByText("Off track", { exact: true })).toBeVisible();

    // Retired, it leaves the overview; "Show retired metrics" finds it to bring it back.
    await page.getByRole("link", { name: /Edit this metric/ }).click();
    await page.getByRole("button", { name: `Retire ${NAME}` }).click();
    await expect(page.getByText("This metric is retired", { exact: false })).toBeVisible();
    await page.goto(BASE);
    await expect(page.getByRole("link", { name: NAME })).toHaveCount(0);
    await page.getByRole("link", { name: "Show retired metrics" }).click();
    await expect(page.getByRole("region", { name: "Retired metrics" }).getByRole("link", { name: NAME })).toBeVisible();
    await expectNoA11yViolations(page);
    await page.getByRole("region", { name: "Retired metrics" }).getByRole("link", { name: NAME }).click();
    await page.getByRole("link", { name: /Edit this metric/ }).click();
    await page.getByRole("button", { name: `Bring back ${NAME}` }).click();
    await expect(page.getByText("This metric is retired", { exact: false })).toHaveCount(0);
  });
});

test.describe("as a board member", () => {
  test.use({ storageState: authFile("viewer") });

  test("reads metrics but cannot record, correct or edit them", async ({ page }) => {
    await page.goto(BASE);
    await expect(page.getByRole("link", { name: "Add a metric" })).toHaveCount(0);
    await page.getByRole("link", { name: NAME }).click();
    await expect(heading(page)).toHaveText(NAME);
    await expect(page.getByRole("heading", { name: "Record a value" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Correct the/ })).toHaveCount(0);
    await expect(page.getByRole("link", { name: /Edit this metric/ })).toHaveCount(0);
    const url = new URL(page.url());
    expect((await page.goto(`${url.pathname}/edit`))?.status()).toBe(403);
    expect((await page.goto(`${BASE}/new`))?.status()).toBe(403);
  });
});
