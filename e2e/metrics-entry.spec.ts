import type { Browser, Locator, Page } from "@playwright/test";
import { PLAN, SIGNED_OUT, expect, expectNoA11yViolations, test } from "./fixtures";
import { ensureUser, signIn } from "./support/accounts";
import { ensureMetric, storedValues } from "./support/metrics";
import { LOOP_PLAN, createGroupWithActions, ensureCurrentPeriod } from "./support/quarter";

// Metrics where people already work: a lead records a value on "My quarter",
// the action page's status and chart follow, and a board member reads the
// same figures there, down to the chart's data table. The loop plan runs
// 2026–2030; the metric's path goes from 1,000 jobs at the end of 2025 to
// 1,400 at the end of 2027, so 2026 Q1's 1,020 is behind (expected ≈ 1,049)
// and 2026 Q2's 1,130 on track (expected ≈ 1,099).

const METRIC = "Workforce placements (metrics e2e)";
const KEY = "mq-e2e-placements";
const GROUP_METRIC = "Members' apprentices (metrics e2e)";

async function signedInAs(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ storageState: SIGNED_OUT });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

function world() {
  ensureCurrentPeriod();
  return ensureUser("mq.metrics.lead@example.org", "Mo Metrics", "lead").then((leadId) => {
    const { group, actions } = createGroupWithActions("mq-metrics-wg", 1, { leadUserId: leadId });
    const action = actions[0]!;
    ensureMetric({ key: `${KEY}-group`, name: GROUP_METRIC, fields: { scope: "work_group", workGroupId: String(group.id) } });
    const metric = ensureMetric({
      key: KEY,
      name: METRIC,
      fields: { scope: "action", actionId: String(action.id), baselineValue: "1000", baselineDate: "2025-12-31", targetValue: "1400", targetDate: "2027-12-31", tolerancePercent: "10", source: "County workforce board" },
      values: [{ period: "2026 Q1", value: "1020" }],
    });
    return { action, metric };
  });
}

/** The table's rows for actual values, as [period, value] in the page's words. */
async function tableActuals(table: Locator): Promise<[string, string][]> {
  const rows = await table.locator("tbody tr").all();
  const out: [string, string][] = [];
  for (const row of rows) {
    const heading = (await row.getByRole("rowheader").innerText()).trim();
    if (/^\d{4}( Q[1-4])?$/.test(heading)) out.push([heading, (await row.getByRole("cell").first().innerText()).trim()]);
  }
  return out;
}

const exact = new Intl.NumberFormat("en-US", { maximumFractionDigits: 6 });

test.describe("metrics where people work", () => {
  test("a lead records a value on My quarter; the action page's status and chart follow; a board member sees the same figures", async ({ browser, page }) => {
    // Two people, several pages and a save: allowed three times the usual time on a busy 2-core runner.
    test.slow();
    const { action, metric } = await world();
    const lead = await signedInAs(browser, "mq.metrics.lead@example.org");

    await lead.goto("/my-quarter");
    const card = lead.getByRole("listitem").filter({ has: lead.getByRole("link", { name: new RegExp(`^${action.code}:`) }) });
    const metrics = card.getByRole("list", { name: `Metrics of ${action.code}` });
    const item = metrics.getByRole("listitem").filter({ has: lead.getByRole("link", { name: METRIC }) });
    await expect(item.getByRole("link", { name: METRIC })).toHaveAttribute("href", `/plans/${LOOP_PLAN.slug}/metrics/${KEY}`);
    await expect(item.getByText("Behind", { exact: true })).toBeVisible();
    await expect(item.getByText("Latest: 1,020 jobs in 2026 Q1.")).toBeVisible();

    // The group's own metric is listed apart, with nothing recorded yet.
    const groupMetrics = lead.getByRole("region", { name: "Your groups' metrics" });
    await expect(groupMetrics.getByRole("link", { name: GROUP_METRIC })).toHaveAttribute("href", `/plans/${LOOP_PLAN.slug}/metrics/${KEY}-group`);
    await expect(groupMetrics.getByText("No value recorded yet.")).toBeVisible();

    // A value is due for the last complete quarter, so the form is open; 2026 Q1 has a value, so it is not offered.
    const form = item.getByRole("form", { name: `Record a value of ${METRIC}` });
    await expect(form.getByLabel("Period").getByRole("option", { name: "2026 Q2" })).toHaveCount(1);
    await expect(form.getByLabel("Period").getByRole("option", { name: "2026 Q1" })).toHaveCount(0);
    await expectNoA11yViolations(lead);
    await form.getByLabel("Period").selectOption("2026 Q2");
    await form.getByLabel("Value (jobs)").fill("1,130");
    await form.getByLabel("Source").fill("County workforce board, June report");
    await form.getByRole("button", { name: `Record value of ${METRIC}` }).click();
    await expect(item.getByRole("status")).toHaveText(`Recorded ${METRIC} for 2026 Q2: 1,130 jobs.`);
    await expect(item.getByText("On track", { exact: true })).toBeVisible();
    await expect(item.getByText("Latest: 1,130 jobs in 2026 Q2.")).toBeVisible();

    // The action page: status, the figures behind it and the chart, a folded form to record more, and a way to add a metric.
    await lead.goto(`/actions/${action.id}`);
    const section = lead.getByRole("region", { name: "Metrics" });
    await expect(section.getByRole("heading", { level: 3, name: METRIC })).toBeVisible();
    await expect(section.getByText("On track", { exact: true })).toBeVisible();
    await expect(section.getByText(/^Expected 1,099\.\d+ jobs by 2026 Q2, actual 1,130 jobs, \+2\.\d%\.$/)).toBeVisible();
    await expect(section.getByRole("img", { name: `${METRIC}: actual values and target path` })).toBeVisible();
    await expect(section.getByRole("button", { name: `Record a value of ${METRIC}` })).toHaveAttribute("aria-expanded", "false");
    await expect(section.getByRole("link", { name: "Add a metric to this action" })).toHaveAttribute("href", `/plans/${LOOP_PLAN.slug}/metrics/new?scope=action&actionId=${action.id}`);
    await lead.context().close();

    // The board member (the default signed-in reader) sees the same, without forms.
    await page.goto(`/actions/${action.id}`);
    const seen = page.getByRole("region", { name: "Metrics" });
    await expect(seen.getByText("On track", { exact: true })).toBeVisible();
    await expect(seen.getByText(/actual 1,130 jobs/)).toBeVisible();
    await expect(seen.getByRole("button", { name: /Record a value/ })).toHaveCount(0);
    await expect(seen.getByRole("link", { name: "Add a metric to this action" })).toHaveCount(0);

    // The chart's data table lists exactly the stored values.
    await seen.getByText("Show the data as a table").click();
    const table = seen.getByRole("table", { name: `${METRIC}: actual values and the target path, in jobs` });
    await expect(table).toBeVisible();
    const stored = storedValues(metric.id);
    expect(stored.map((s) => s.periodLabel)).toEqual(["2026 Q1", "2026 Q2"]);
    expect(await tableActuals(table)).toEqual(stored.map((s) => [s.periodLabel, exact.format(s.value)]));
    await expectNoA11yViolations(page);
  });

  test("a cluster page lists its metrics, those without values plainly marked; the dashboard counts metrics by status", async ({ page }) => {
    await page.goto(`${PLAN}/sections/energy`);
    const section = page.getByRole("region", { name: "Metrics" });
    const employment = section.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Energy cluster employment" }) });
    await expect(employment.getByRole("link", { name: "Energy cluster employment" })).toHaveAttribute("href", `${PLAN}/metrics/energy-employment`);
    await expect(employment.getByText("No data", { exact: true })).toBeVisible();
    await expect(employment.getByText("No values have been entered yet, and there is no target to chart.")).toBeVisible();
    await expect(section.getByRole("link", { name: "Metrics overview for Energy" })).toHaveAttribute("href", /\/metrics\?cluster=\d+$/);
    await expectNoA11yViolations(page);

    await page.goto(PLAN);
    const panel = page.getByRole("region", { name: "Metrics" });
    for (const [label, status] of [
      ["on track", "on_track"],
      ["behind", "behind"],
      ["off track", "off_track"],
      ["no target", "no_target"],
      ["no data", "no_data"],
      ["stale", "stale"],
    ]) {
      await expect(panel.getByRole("link", { name: new RegExp(`^\\d+ metrics? ${label}: list them$`) })).toHaveAttribute("href", `${PLAN}/metrics?status=${status}`);
    }
    await expectNoA11yViolations(page);
  });
});
