import type { Browser, Page, Request } from "@playwright/test";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { progressUpdates } from "@/db/schema";
import { SIGNED_OUT, expect, expectNoA11yViolations, test } from "./fixtures";
import { authFile, ensureUser, signIn } from "./support/accounts";
import { LOOP_PLAN, createGroupWithActions, ensureCurrentPeriod } from "./support/quarter";

const PLAN = `/plans/${LOOP_PLAN.slug}`;

// The quarterly loop in the browser: a lead completes "My quarter", staff
// return and accept updates, and the tracker shows who is missing.

async function signedInAs(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ storageState: SIGNED_OUT });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

function card(page: Page, code: string) {
  return page.getByRole("listitem").filter({ has: page.getByRole("link", { name: new RegExp(`^${code}:`) }) });
}

test.describe("My quarter", () => {
  test("a lead completes the quarter for their work group: drafts, one submit, then submit all", async ({ browser }) => {
    // Several people, pages and saves: allowed three times the usual time on a busy 2-core runner.
    test.slow();
    ensureCurrentPeriod();
    const leadId = await ensureUser("myq.lead@example.org", "Mina Quarter", "lead");
    const { actions } = createGroupWithActions("myq-wg", 3, { leadUserId: leadId });
    const page = await signedInAs(browser, "myq.lead@example.org");

    await page.getByRole("link", { name: "My quarter" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "My quarter" })).toBeVisible();
    await expect(page.getByText("0 of 3 updated")).toBeVisible();
    await expectNoA11yViolations(page);

    const [a1, a2, a3] = actions.map((a) => card(page, a.code));
    await a1!.getByLabel("Status for 2026 Q4").selectOption({ label: "At risk" });
    await a1!.getByLabel("Percent complete").fill("30");
    await a1!.getByLabel("What happened this period").fill("Met the **Kern CCD** team; funding is late.");
    await a1!.getByRole("button", { name: /^Save draft/ }).click();
    await expect(a1!.getByText("Draft saved. It is not submitted yet.")).toBeVisible();
    await expect(page.getByText("0 of 3 updated")).toBeVisible();

    await a2!.getByLabel("Percent complete").fill("50");
    await a2!.getByLabel("What happened this period").fill("Half the site visits are done.");
    await a2!.getByRole("button", { name: /^Submit update/ }).click();
    await expect(a2!.getByText("Update submitted for review.")).toBeVisible();
    await expect(page.getByText("1 of 3 updated")).toBeVisible();

    // Submitting without a narrative is refused next to the field, and nothing typed is lost.
    await a3!.getByLabel("Percent complete").fill("10");
    await a3!.getByRole("button", { name: /^Submit update/ }).click();
    await expect(a3!.getByText("Say what happened this period before you submit.")).toBeVisible();
    await expect(a3!.getByLabel("Percent complete")).toHaveValue("10");
    await a3!.getByLabel("What happened this period").fill("Kick-off meeting held.");
    await a3!.getByRole("button", { name: /^Save draft/ }).click();
    await expect(a3!.getByText("Draft saved. It is not submitted yet.")).toBeVisible();
    await expect(page.getByText("2 drafts not yet submitted")).toBeVisible();

    await page.getByRole("button", { name: "Submit all 2 drafts" }).click();
    await expect(page.getByText("3 of 3 updated")).toBeVisible();
    await expect(page.getByText("0 drafts not yet submitted")).toBeVisible();

    // The action page's timeline shows the submitted update with its author.
    await page.goto(`/actions/${actions[0]!.id}`);
    const timeline = page.getByRole("article", { name: "Update for 2026 Q4" });
    await expect(timeline.getByText("Submitted, awaiting review")).toBeVisible();
    await expect(timeline.getByText("Kern CCD")).toBeVisible();
    await expect(timeline.getByText(/By Mina Quarter/)).toBeVisible();
    await expectNoA11yViolations(page);
    await page.context().close();
  });
});

test.describe("review", () => {
  test("staff return an update, the lead fixes and resubmits it, staff accept it and the action's status follows", async ({ browser }) => {
    // Several people, pages and saves: allowed three times the usual time on a busy 2-core runner.
    test.slow();
    ensureCurrentPeriod();
    const leadId = await ensureUser("review.lead@example.org", "Rey Viewless", "lead");
    const { actions } = createGroupWithActions("review-wg", 1, { leadUserId: leadId });
    const action = actions[0]!;

    const lead = await signedInAs(browser, "review.lead@example.org");
    await lead.goto(`/actions/${action.id}`);
    const updates = lead.getByRole("region", { name: "Progress updates" });
    await updates.getByLabel("Status for 2026 Q4").selectOption({ label: "Off track" });
    await updates.getByLabel("Percent complete").fill("5");
    await updates.getByLabel("What happened this period").fill("Nothing yet.");
    await updates.getByRole("button", { name: "Submit update" }).click();
    await expect(lead.getByText("Update submitted for review.")).toBeVisible();

    const staff = await signedInAs(browser, "admin.e2e@example.org");
    await staff.goto(`${PLAN}/review?group=review-wg`);
    await expectNoA11yViolations(staff);
    const item = staff.getByRole("article", { name: `2026 Q4 update for ${action.code}` });
    await item.getByRole("button", { name: /^Return to author/ }).click();
    await expect(item.getByText("Tell the author what to fix.")).toBeVisible();
    await item.getByLabel("Note to the author").fill("Please say what blocked the work.");
    await item.getByRole("button", { name: /^Return to author/ }).click();
    await expect(staff.getByText("Update returned to its author.")).toBeVisible();

    await lead.goto("/my-quarter");
    const returned = lead.getByRole("region", { name: "Returned to you for changes" });
    await expect(returned.getByText("Please say what blocked the work.")).toBeVisible();
    const row = card(lead, action.code);
    await expect(row.getByText("Returned for changes")).toBeVisible();
    await row.getByLabel("What happened this period").fill("The county permit was refused; we are appealing.");
    await row.getByRole("button", { name: /^Resubmit update/ }).click();
    await expect(row.getByText("Update submitted for review.")).toBeVisible();
    await expect(lead.getByRole("region", { name: "Returned to you for changes" })).toHaveCount(0);

    await staff.goto(`${PLAN}/review?group=review-wg`);
    const again = staff.getByRole("article", { name: `2026 Q4 update for ${action.code}` });
    await expect(again.getByText("The county permit was refused")).toBeVisible();
    await again.getByRole("button", { name: /^Accept/ }).click();
    await expect(staff.getByText("Update accepted.")).toBeVisible();

    // The action's current status now comes from the accepted update.
    await staff.goto(`/actions/${action.id}`);
    await expect(staff.locator("main header").first()).toContainText("Off track");
    await expect(staff.getByRole("article", { name: "Update for 2026 Q4" }).getByText("Accepted")).toBeVisible();
    await lead.context().close();
    await staff.context().close();
  });
});

test.describe("submission tracker", () => {
  test.use({ storageState: authFile("admin") });

  test("shows each group's updated and missing actions for the current period, filterable", async ({ page }) => {
    // Several people, pages and saves: allowed three times the usual time on a busy 2-core runner.
    test.slow();
    ensureCurrentPeriod();
    const leadId = await ensureUser("tracker.lead@example.org", "Tracy Tracker", "lead");
    const { actions } = createGroupWithActions("tracker-wg", 2, { leadUserId: leadId });
    const lead = await signedInAs(page.context().browser()!, "tracker.lead@example.org");
    await lead.goto(`/actions/${actions[0]!.id}`);
    await lead.getByLabel("What happened this period").fill("Done for the quarter.");
    await lead.getByRole("button", { name: "Submit update" }).click();
    await expect(lead.getByText("Update submitted for review.")).toBeVisible();
    await lead.context().close();

    await page.goto(PLAN);
    await page.getByRole("navigation", { name: "Plan" }).getByRole("link", { name: "Submission tracker" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Submission tracker: 2026 Q4" })).toBeVisible();
    await expectNoA11yViolations(page);
    await page.getByLabel("Work group", { exact: true }).selectOption({ label: "Work group tracker-wg" });
    await page.getByRole("button", { name: "Apply" }).click();
    const table = page.getByRole("table", { name: "Update status of each action for the period" });
    await expect(table.getByRole("row")).toHaveCount(3);
    await expect(table.getByRole("row", { name: new RegExp(actions[0]!.code) })).toContainText("Updated (awaiting review)");
    await expect(table.getByRole("row", { name: new RegExp(actions[1]!.code) })).toContainText("Missing");
    await expect(table.getByRole("row", { name: new RegExp(actions[1]!.code) })).toContainText("Stale");

    await page.getByLabel("Show", { exact: true }).selectOption({ label: "Missing" });
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(table.getByRole("row")).toHaveCount(2);
  });
});

test.describe("reporting periods", () => {
  test.use({ storageState: authFile("admin") });

  test("staff add a period with a field error first, make it current and close it", async ({ page }) => {
    await page.goto("/plans/sjv-sap-2006/periods");
    await expect(page.getByRole("heading", { level: 1, name: "Reporting periods" })).toBeVisible();
    await expectNoA11yViolations(page);
    const form = page.getByRole("form", { name: "Add a reporting period" });
    const label = `2007 Q${1 + (Date.now() % 4)}-${Date.now() % 100000}`;
    await form.getByLabel("Name").fill(label);
    await form.getByLabel("Start date").fill("2007-04-01");
    await form.getByLabel("End date").fill("2007-03-31");
    await form.getByLabel("Update deadline").fill("2007-04-15");
    await form.getByRole("button", { name: "Add period" }).click();
    await expect(form.getByText("The end date is before the start date.")).toBeVisible();
    await expect(form.getByLabel("Name")).toHaveValue(label);
    await form.getByLabel("End date").fill("2007-06-30");
    await form.getByRole("button", { name: "Add period" }).click();
    await expect(page.getByText(`${label} added.`)).toBeVisible();

    const row = page.getByRole("row", { name: new RegExp(label) });
    await row.getByRole("button", { name: `Make current ${label}` }).click();
    await expect(row.getByText("Current")).toBeVisible();
    await expect(row.getByRole("cell", { name: "Open", exact: true })).toBeVisible();
    await row.getByRole("button", { name: `Close ${label}` }).click();
    await expect(row.getByRole("cell", { name: "Closed", exact: true })).toBeVisible();
  });
});

test.describe("staff-only quarterly actions posted without the UI", () => {
  test.use({ storageState: authFile("admin") });

  // Server actions are public POST endpoints: staff do each once in the UI to
  // capture the exact request, which is then replayed as a lead, a viewer and
  // with no session. Every replay is refused and changes nothing.
  test("reviewing an update and adding a period are refused to everyone but staff", async ({ page, playwright, baseURL }) => {
    test.slow();
    ensureCurrentPeriod();
    const leadId = await ensureUser("replay.lead@example.org", "Rae Replay", "lead");
    const { actions } = createGroupWithActions("replay-wg", 1, { leadUserId: leadId });
    const { current } = ensureCurrentPeriod();
    const db = getDb();
    db.insert(progressUpdates).values({ actionId: actions[0]!.id, periodId: current.id, authorId: leadId, lastEditedById: leadId, status: "at_risk", percentComplete: 20, narrative: "Waiting on the county.", submittedAt: new Date().toISOString() }).onConflictDoNothing().run();
    const row = () => db.select().from(progressUpdates).where(eq(progressUpdates.actionId, actions[0]!.id)).get()!;
    const before = row();

    await page.goto(`${PLAN}/review?group=replay-wg`);
    const item = page.getByRole("article", { name: `2026 Q4 update for ${actions[0]!.code}` });
    const accept = await capture(page, async () => {
      await item.getByRole("button", { name: /^Accept/ }).click();
      await expect(page.getByText("Update accepted.")).toBeVisible();
    });
    // Put the update back as it was, so a replay that got through would show.
    db.update(progressUpdates).set({ reviewState: "submitted", version: before.version, reviewedAt: null, reviewedById: null }).where(eq(progressUpdates.id, before.id)).run();

    await page.goto("/plans/sjv-sap-2006/periods");
    const form = page.getByRole("form", { name: "Add a reporting period" });
    const label = `Replay ${Date.now() % 1_000_000}`;
    const create = await capture(page, async () => {
      await form.getByLabel("Name").fill(label);
      await form.getByLabel("Start date").fill("2008-01-01");
      await form.getByLabel("End date").fill("2008-03-31");
      await form.getByLabel("Update deadline").fill("2008-04-15");
      await form.getByRole("button", { name: "Add period" }).click();
      await expect(page.getByText(`${label} added.`)).toBeVisible();
    });

    // Only this test's records: other specs add periods and audit entries in parallel.
    const rows = () =>
      JSON.stringify([
        row(),
        db.$client.prepare("select * from reporting_periods where label like 'Replay %' order by id").all(),
        db.$client.prepare("select count(*) from audit_log where (entity_type = 'progress_update' and entity_id = ?) or (action = 'period.create' and diff like '%Replay %')").get(String(before.id)),
      ]);
    for (const request of [accept, create]) {
      const snapshot = rows();
      for (const who of ["lead", "viewer", null] as const) {
        const context = await playwright.request.newContext({ baseURL, storageState: who ? authFile(who) : SIGNED_OUT });
        const response = await context.post(request.url(), {
          headers: { "content-type": request.headers()["content-type"]!, "next-action": request.headers()["next-action"]!, accept: "text/x-component", origin: baseURL! },
          data: request.postDataBuffer()!,
          maxRedirects: 0,
        });
        const text = await response.text();
        if (who) expect(text, `${who} replaying ${request.url()}`).toContain("You do not have permission");
        else expect(response.status() === 401 || /30\d/.test(String(response.status())) || text.includes("Please sign in"), `anonymous replay answered ${response.status()}`).toBe(true);
        await context.dispose();
      }
      expect(rows()).toBe(snapshot);
    }
  });
});

async function capture(page: Page, act: () => Promise<void>): Promise<Request> {
  const posted = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await act();
  return posted;
}
