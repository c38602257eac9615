import { eq } from "drizzle-orm";
import type { Browser } from "@playwright/test";
import { getDb } from "@/db";
import { actions, plans } from "@/db/schema";
import { systemActor } from "@/lib/auth/actor";
import { importPlan } from "@/lib/plans/import";
import type { PlanDocument } from "@/lib/plans/document-schema";
import { SIGNED_OUT, expect, expectNoA11yViolations, test, type Page } from "./fixtures";
import { authFile, ensureUser, signIn } from "./support/accounts";
import { createGroupWithActions } from "./support/quarter";

// Editing the plan (issue #4, items 8 and 9). The spec edits a small draft
// plan of its own, written straight into the server's database like the test
// accounts, so the seeded plan's counts that other specs check stay as they
// are. Organizations are shared by every plan: the one made here is retired
// again at once, which takes it back out of the partner list.

const SLUG = "e2e-editing";
const BASE = `/plans/${SLUG}`;

const section = (key: string, kind: "cluster" | "component", title: string, children: PlanDocument["sections"] = []) => ({ key, kind, code: null, title, description: null, opportunities: [], actions: [], children });

const DOCUMENT: PlanDocument = {
  format: "cluster-action-tracker/plan",
  version: 1,
  plan: { slug: SLUG, title: "Plan editing test plan", region: "Test Valley", summary: null, periodStart: "2026-01-01", periodEnd: "2030-12-31", status: "draft", sourceCitation: null, sourceUrl: null, previousPlan: null },
  organizations: [],
  partners: [],
  workGroups: [],
  sections: [section("cluster-a", "cluster", "Editing Cluster A", [section("component-a1", "component", "Editing Component A1")]), section("cluster-b", "cluster", "Editing Cluster B")],
  actions: [],
  targets: [{ description: "Cold storage services", marketSupportUsd: 500_000, source: null, sections: ["cluster-a"] }],
  metrics: [],
  analytics: null,
};

function ensureEditingPlan() {
  const exists = () => Boolean(getDb().select({ id: plans.id }).from(plans).where(eq(plans.slug, SLUG)).get());
  if (exists()) return;
  try {
    importPlan(systemActor("e2e"), { document: DOCUMENT });
  } catch (error) {
    // The other worker imported it first.
    if (!exists()) throw error;
  }
}

// A second browser signed in as someone else.
async function signedInContext(browser: Browser, email: string) {
  const context = await browser.newContext({ storageState: SIGNED_OUT });
  const page = await context.newPage();
  await signIn(page, email);
  return { context, page };
}

const heading = (page: Page) => page.getByRole("heading", { level: 1 });
const actionRow = (page: Page, code: string) => page.getByRole("row").filter({ has: page.getByRole("cell", { name: code, exact: true }) });

test.beforeAll(() => ensureEditingPlan());

test.describe("as an admin", () => {
  test.use({ storageState: authFile("admin") });

  test("adds a section and actions with champions, edits, reorders and retires them", async ({ page }) => {
    // A long journey on a machine shared with other test runs.
    test.slow();
    createGroupWithActions("pe-admin-wg", 0, { slug: SLUG });
    await page.goto(BASE);
    await page.getByRole("navigation", { name: "Plan" }).getByRole("link", { name: "Edit the plan" }).click();
    await expect(heading(page)).toHaveText("Edit the plan");
    await expectNoA11yViolations(page);

    // A new sub-section goes to the end of its parent's list, then moves up.
    const add = page.getByRole("region", { name: "Add a section" });
    await add.getByLabel("Title").fill("Solar Workforce");
    await add.getByLabel("Kind").selectOption({ label: "Strategy" });
    await add.getByLabel("Parent section").selectOption({ label: "Editing Cluster A" });
    await add.getByRole("button", { name: "Add section" }).click();
    await expect(add.getByText("Added “Solar Workforce”.")).toBeVisible();
    await expect(add.getByLabel("Title")).toHaveValue("");
    const list = page.getByRole("region", { name: "Sections" });
    const order = () => list.getByRole("link", { name: /^Edit / });
    await expect(order()).toHaveText(["Edit Editing Cluster A", "Edit Editing Component A1", "Edit Solar Workforce", "Edit Editing Cluster B"]);
    await list.getByRole("button", { name: "Move up Solar Workforce" }).click();
    await expect(order()).toHaveText(["Edit Editing Cluster A", "Edit Solar Workforce", "Edit Editing Component A1", "Edit Editing Cluster B"]);

    await list.getByRole("link", { name: "Edit Solar Workforce" }).click();
    await expect(heading(page)).toHaveText("Edit section: Solar Workforce");
    await expectNoA11yViolations(page);
    await page.getByLabel("Description").fill("Installer training for utility-scale solar.");
    await page.getByRole("button", { name: "Save section" }).click();
    await expect(page.getByText("Saved.")).toBeVisible();

    // Two actions in the new section, the first with two champions.
    await page.goto(`${BASE}/actions`);
    await page.getByRole("link", { name: "Add an action" }).click();
    await expect(heading(page)).toHaveText("Add an action");
    await expectNoA11yViolations(page);
    await page.getByLabel("Code").fill("PE-1");
    await page.getByLabel("Action text").fill("Train 200 solar installers with the community colleges.");
    await page.getByLabel("Section", { exact: true }).selectOption({ label: "\u2003Solar Workforce" });
    await page.getByLabel("Work group", { exact: true }).selectOption({ label: "Work group pe-admin-wg" });
    await page.getByRole("button", { name: "Add a champion" }).click();
    await page.getByLabel("Champion 1: Organization").selectOption({ label: "City of Fresno" });
    await page.getByLabel("Champion 1: Role").selectOption({ label: "Lead" });
    await page.getByRole("button", { name: "Add a champion" }).click();
    await page.getByLabel("Champion 2: Organization").selectOption({ label: "Fresno Business Council" });
    await page.getByLabel("Champion 2: Role").selectOption({ label: "Funder" });
    await page.getByLabel("Priority action").check();
    await page.getByRole("button", { name: "Add action" }).click();
    await expect(page).toHaveURL(/\/actions\/\d+$/);
    await expect(heading(page)).toHaveText("Train 200 solar installers with the community colleges.");
    await expect(page.getByRole("region", { name: "Champions" }).getByRole("listitem")).toHaveText(["City of Fresno · lead", "Fresno Business Council · funder"]);
    await expect(page.getByText("Priority", { exact: true })).toBeVisible();
    const first = page.url();

    await page.goto(`${BASE}/actions/new`);
    await page.getByLabel("Code").fill("PE-2");
    await page.getByLabel("Action text").fill("Open a solar training yard.");
    await page.getByLabel("Section", { exact: true }).selectOption({ label: "\u2003Solar Workforce" });
    await page.getByLabel("Work group", { exact: true }).selectOption({ label: "Work group pe-admin-wg" });
    await page.getByRole("button", { name: "Add action" }).click();
    await expect(heading(page)).toHaveText("Open a solar training yard.");
    await expectNoA11yViolations(page);

    // Reorder within the section.
    const place = page.getByRole("heading", { name: "Order in its section" }).locator("xpath=following-sibling::p[1]");
    await expect(place).toHaveText("2 of 2");
    await page.getByRole("button", { name: "Move up action PE-2" }).click();
    await expect(place).toHaveText("1 of 2");

    // Edit the first: a title, champions changed, no longer a priority.
    await page.goto(first);
    await page.getByLabel("Short title").fill("Solar installer training");
    await page.getByRole("button", { name: "Remove champion 2 (Fresno Business Council)" }).click();
    await page.getByLabel("Priority action").uncheck();
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("Saved.")).toBeVisible();
    await expect(heading(page)).toHaveText("Solar installer training");
    await expect(page.getByRole("region", { name: "Champions" }).getByRole("listitem")).toHaveText(["City of Fresno · lead"]);
    await expect(page.getByRole("region", { name: "History" })).toContainText("action.update");

    // Retire the second: hidden from the list unless retired ones are shown.
    await page.goto(`${BASE}/actions?q=PE-`);
    await actionRow(page, "PE-2").getByRole("link").click();
    await page.getByRole("button", { name: "Retire action PE-2" }).click();
    await expect(page.getByRole("heading", { name: "Retired action" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Edit this action" })).toHaveCount(0);
    await expectNoA11yViolations(page);
    await page.goto(`${BASE}/actions`);
    await page.getByLabel("Search text").fill("PE-");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(actionRow(page, "PE-1")).toHaveCount(1);
    await expect(actionRow(page, "PE-2")).toHaveCount(0);
    await page.getByLabel("Show retired actions").check();
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/[?&]retired=1/);
    await expect(actionRow(page, "PE-2")).toContainText("Retired");
    await expect(actionRow(page, "PE-1")).not.toContainText("Retired");
    await expectNoA11yViolations(page);

    // A section still holding live actions cannot be retired; an empty one can.
    await page.goto(`${BASE}/edit`);
    await list.getByRole("button", { name: "Retire Solar Workforce" }).click();
    await expect(list.getByText("This section still holds 1 live action. Move or retire them first.")).toBeVisible();
    await add.getByLabel("Title").fill("Short-lived section");
    await add.getByRole("button", { name: "Add section" }).click();
    await expect(order()).toContainText(["Edit Short-lived section"]);
    await list.getByRole("button", { name: "Retire Short-lived section" }).click();
    await expect(list.getByRole("link", { name: "Edit Short-lived section" })).toHaveCount(0);
    await page.getByRole("link", { name: "Show retired sections" }).click();
    const retired = list.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Edit Short-lived section" }) });
    await expect(retired).toContainText("Retired");
    await expectNoA11yViolations(page);
    await retired.getByRole("button", { name: "Bring back Short-lived section" }).click();
    await expect(retired).not.toContainText("Retired");
  });

  test("adds, reorders, edits and retires work groups", async ({ page }) => {
    await page.goto(`${BASE}/edit`);
    await page.getByRole("link", { name: "Edit work groups" }).click();
    await expect(heading(page)).toHaveText("Edit work groups");
    await expectNoA11yViolations(page);
    const addGroup = page.getByRole("region", { name: "Add a work group" });
    for (const [name, key] of [
      ["Editing Water Group", "editing-water-wg"],
      ["Editing Food Group", "editing-food-wg"],
    ]) {
      await addGroup.getByLabel("Name").fill(name!);
      await addGroup.getByLabel("Key").fill(key!);
      await addGroup.getByRole("checkbox", { name: "Editing Cluster A" }).check();
      await addGroup.getByRole("button", { name: "Add work group" }).click();
      await expect(addGroup.getByText(`Added “${name}”.`)).toBeVisible();
    }
    const groups = page.getByRole("region", { name: "Work groups, in the plan’s order" });
    const names = async () => (await groups.getByRole("link", { name: /^Edit / }).allTextContents()).filter((t) => t.startsWith("Edit Editing "));
    expect(await names()).toEqual(["Edit Editing Water Group", "Edit Editing Food Group"]);
    await groups.getByRole("button", { name: "Move up Editing Food Group" }).click();
    await expect.poll(names).toEqual(["Edit Editing Food Group", "Edit Editing Water Group"]);
    await groups.getByRole("link", { name: "Edit Editing Water Group" }).click();
    await expect(heading(page)).toHaveText("Edit work group: Editing Water Group");
    await expect(page.getByRole("checkbox", { name: "Editing Cluster A" })).toBeChecked();
    await expectNoA11yViolations(page);
    await page.getByLabel("Status").selectOption({ label: "Reorganizing" });
    await page.getByLabel("Lead organization").selectOption({ label: "City of Fresno" });
    await page.getByRole("button", { name: "Save work group" }).click();
    await expect(page.getByText("Saved.")).toBeVisible();
    await page.getByRole("button", { name: "Retire Editing Water Group" }).click();
    await expect(page.getByText("This work group is retired. Bring it back to edit it.")).toBeVisible();
    await page.goto(`${BASE}/work-groups`);
    await expect(page.getByRole("link", { name: "Editing Food Group" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Editing Water Group" })).toHaveCount(0);
  });

  test("adds, reorders, edits and retires economic development targets", async ({ page }) => {
    await page.goto(`${BASE}/edit/targets`);
    await expect(heading(page)).toHaveText("Edit economic development targets");
    await expectNoA11yViolations(page);
    const addTarget = page.getByRole("region", { name: "Add a target" });
    await addTarget.getByLabel("Description").fill("Irrigation pumps");
    await addTarget.getByLabel("Market support (US dollars)").fill("$1,250,000");
    await addTarget.getByRole("button", { name: "Add target" }).click();
    await expect(addTarget.getByText("Target added.")).toBeVisible();
    const targets = page.getByRole("region", { name: "Targets, in the plan’s order" });
    await expect(targets.getByRole("listitem").last()).toContainText("Irrigation pumps");
    await expect(targets.getByRole("listitem").last()).toContainText("$1,250,000");
    await targets.getByRole("button", { name: "Move up Irrigation pumps" }).click();
    await expect(targets.getByRole("listitem").first()).toContainText("Irrigation pumps");
    await targets.getByRole("link", { name: "Edit Irrigation pumps" }).click();
    await expect(heading(page)).toHaveText("Edit target");
    await expectNoA11yViolations(page);
    await page.getByLabel("Market support (US dollars)").fill("1.5 million");
    await page.getByRole("button", { name: "Save target" }).click();
    await expect(page.getByText("Enter the market support in whole US dollars, such as 1250000.")).toBeVisible();
    await page.getByLabel("Market support (US dollars)").fill("1500000");
    await page.getByRole("checkbox", { name: "Editing Cluster B" }).check();
    await page.getByRole("button", { name: "Save target" }).click();
    await expect(page.getByText("Saved.")).toBeVisible();
    await page.getByRole("button", { name: "Retire Irrigation pumps" }).click();
    await expect(page.getByText("This target is retired. Bring it back to edit it.")).toBeVisible();
    await page.goto(`${BASE}/targets`);
    await expect(page.getByRole("cell", { name: "Irrigation pumps" })).toHaveCount(0);
    await page.goto(`${BASE}/edit/targets?retired=1`);
    await expect(page.getByRole("region", { name: "Targets, in the plan’s order" }).getByRole("listitem").filter({ hasText: "Irrigation pumps" })).toContainText("Retired");
  });

  test("adds an organization (its address made from its name), edits and retires it", async ({ page }) => {
    await page.goto("/organizations");
    await page.getByRole("link", { name: "Add an organization" }).click();
    await expect(heading(page)).toHaveText("Add an organization");
    await expectNoA11yViolations(page);
    await page.getByLabel("Name").fill("Editing Test Partners");
    await page.getByLabel("Type").selectOption({ label: "Nonprofit" });
    await page.getByLabel("Website").fill("javascript:alert(1)");
    await page.getByRole("button", { name: "Add organization" }).click();
    await expect(page.getByText("Enter a full web address starting with https:// or http://.")).toBeVisible();
    await page.getByLabel("Website").fill("https://partners.example.org");
    await page.getByRole("button", { name: "Add organization" }).click();
    await expect(page).toHaveURL("/organizations/editing-test-partners");
    await page.getByRole("link", { name: "Edit this organization" }).click();
    await expect(heading(page)).toHaveText("Edit organization: Editing Test Partners");
    await expectNoA11yViolations(page);
    await page.getByLabel("Acronym").fill("ETP2");
    await page.getByRole("button", { name: "Save organization" }).click();
    await expect(page.getByText("Saved.")).toBeVisible();
    await page.getByRole("button", { name: "Retire Editing Test Partners" }).click();
    await expect(page.getByText(/This organization is retired/)).toBeVisible();
    await page.goto("/organizations?q=Editing+Test");
    await expect(page.getByRole("status")).toHaveText("No organizations match.");
    await page.goto("/organizations?q=Editing+Test&retired=1");
    await expect(page.getByRole("row").filter({ hasText: "Editing Test Partners" })).toContainText("Retired");
  });
});

test("a lead edits an action of their own group and has no edit control on another group's", async ({ browser }) => {
  const leadId = await ensureUser("pe.lead@example.org", "Pia Planlead", "lead");
  const own = createGroupWithActions("pe-lead-wg", 1, { leadUserId: leadId, slug: SLUG }).actions[0]!;
  const other = createGroupWithActions("pe-other-wg", 1, { slug: SLUG }).actions[0]!;
  const { context, page } = await signedInContext(browser, "pe.lead@example.org");

  await page.goto(`/actions/${own.id}`);
  const edit = page.getByRole("region", { name: "Edit this action" });
  await expect(edit).toBeVisible();
  // Only the groups they lead, and no "no work group".
  await expect(edit.getByLabel("Work group", { exact: true }).getByRole("option")).toHaveText(["Work group pe-lead-wg"]);
  await edit.getByLabel("Short title").fill("Lead's own title");
  await edit.getByLabel("Start date").fill("2026-03-01");
  await edit.getByLabel("Due date").fill("2026-02-01");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit.getByText("The due date is before the start date.")).toBeVisible();
  await expect(edit.getByLabel("Short title")).toHaveValue("Lead's own title");
  await edit.getByLabel("Due date").fill("2026-09-30");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit.getByText("Saved.")).toBeVisible();
  await expect(heading(page)).toHaveText("Lead's own title");
  expect(getDb().select().from(actions).where(eq(actions.id, own.id)).get()).toMatchObject({ title: "Lead's own title", startDate: "2026-03-01", dueDate: "2026-09-30" });
  await expectNoA11yViolations(page);

  await page.goto(`/actions/${other.id}`);
  await expect(heading(page)).toHaveText(`Action 1 of pe-other-wg`);
  await expect(page.getByRole("heading", { name: "Edit this action" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Retire|Move up|Save changes/ })).toHaveCount(0);

  // No plan editing for a lead: no link, and the page is refused.
  await page.goto(BASE);
  await expect(page.getByRole("navigation", { name: "Plan" }).getByRole("link", { name: "Edit the plan" })).toHaveCount(0);
  expect((await page.goto(`${BASE}/edit`))?.status()).toBe(403);
  await context.close();
});

test("two editors: the second save is refused with who changed what and when, and keeps the typed text", async ({ browser }) => {
  await ensureUser("pe.second.admin@example.org", "Bo Second", "admin");
  const action = createGroupWithActions("pe-conflict-wg", 1, { slug: SLUG }).actions[0]!;
  const first = await signedInContext(browser, "pe.second.admin@example.org");
  const secondContext = await browser.newContext({ storageState: authFile("admin") });
  const second = await secondContext.newPage();

  // Both open the same edit form; the second starts typing first.
  await first.page.goto(`/actions/${action.id}`);
  await second.goto(`/actions/${action.id}`);
  const secondForm = second.getByRole("region", { name: "Edit this action" });
  await secondForm.getByLabel("Action text").fill("Text typed in the second browser.");
  await first.page.getByLabel("Short title").fill("Title from the first browser");
  await first.page.getByRole("button", { name: "Save changes" }).click();
  await expect(first.page.getByText("Saved.")).toBeVisible();

  await second.getByRole("button", { name: "Save changes" }).click();
  const message = second.getByRole("status").filter({ hasText: "changed by" });
  await expect(message).toContainText(/This action was changed by Bo Second at \d{4}-\d\d-\d\d \d\d:\d\d UTC after you opened it\./);
  await expect(message).toContainText("What Bo Second changed:");
  await expect(message.getByRole("listitem")).toHaveText(["Short title: “Action 1 of pe-conflict-wg” → “Title from the first browser”"]);
  // Nothing typed is lost, and the other change is in the form too.
  await expect(secondForm.getByLabel("Action text")).toHaveValue("Text typed in the second browser.");
  await expect(secondForm.getByLabel("Short title")).toHaveValue("Title from the first browser");
  expect(getDb().select().from(actions).where(eq(actions.id, action.id)).get()).toMatchObject({ title: "Title from the first browser", text: action.text });
  await expectNoA11yViolations(second);

  // Saving again, having seen their change, applies the second person's text on top of it.
  await second.getByRole("button", { name: "Save changes" }).click();
  await expect(second.getByText("Saved.")).toBeVisible();
  expect(getDb().select().from(actions).where(eq(actions.id, action.id)).get()).toMatchObject({ title: "Title from the first browser", text: "Text typed in the second browser.", version: 3 });
  await first.context.close();
  await secondContext.close();
});
