import { PLAN, expect, test } from "./fixtures";

// Read-only journeys through the seeded 2012 plan (db/seed/sjv-plans.ts).
// Expected strings are copied from the seed, which is verbatim from the source.

const PLAN_TITLE = "San Joaquin Valley Regional Industry Cluster Analysis and Action Plan";

// Top-level clusters in plan order, with their number of recommended actions.
const CLUSTER_COUNTS = [
  ["agriculture", "Agriculture", "1 action"],
  ["energy", "Energy", "6 actions"],
  ["health-wellness", "Health and Wellness", "10 actions"],
  ["logistics", "Logistics", "2 actions"],
  ["manufacturing", "Manufacturing", "5 actions"],
  ["water-technology", "Water Technology", "3 actions"],
  ["public-sector-infrastructure", "Public Sector Infrastructure", "4 actions"],
] as const;

test("the home page redirects to the default plan's dashboard", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(PLAN);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dashboard");
  await expect(page.getByText(PLAN_TITLE, { exact: true })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Plan" }).getByRole("link", { name: "Dashboard" })).toHaveAttribute("aria-current", "page");
});

test("the plans list shows the active plan first and the archived 2006 plan", async ({ page }) => {
  await page.goto("/plans");
  // Other specs may add plans of their own (e2e/plan-editing.spec.ts edits a draft plan), listed between these two.
  const plans = page.getByRole("heading", { level: 2 });
  await expect(plans.first()).toHaveText(PLAN_TITLE);
  await expect(plans.last()).toHaveText("The San Joaquin Valley: California’s 21st Century Opportunity");
  const archived = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: "The San Joaquin Valley: California’s 21st Century Opportunity" }) });
  await expect(archived).toContainText("2006–2011 · archived");
  await expect(archived).toContainText("0 actions");
  await expect(page.getByRole("listitem").filter({ has: page.getByRole("link", { name: PLAN_TITLE }) })).toContainText("40 actions");
});

test("the dashboard shows the 7 clusters with their action counts and the total of 40", async ({ page }) => {
  await page.goto(PLAN);
  await expect(page.getByRole("link", { name: "40 actions: list them" })).toBeVisible();
  await expect(page.getByRole("link", { name: "0 completed: list them" })).toBeVisible();

  const clusters = page.getByRole("region", { name: "Progress by cluster" });
  await expect(clusters.getByRole("heading", { level: 3 })).toHaveText(CLUSTER_COUNTS.map(([, title]) => title));
  for (const [key, title, count] of CLUSTER_COUNTS) {
    const card = clusters.getByRole("listitem").filter({ has: page.getByRole("heading", { name: title, exact: true }) });
    await expect(card).toContainText(count);
    await expect(card.getByRole("link", { name: title, exact: true })).toHaveAttribute("href", `${PLAN}/sections/${key}`);
    await expect(card.getByRole("link", { name: `List actions in ${title}` })).toHaveAttribute("href", `${PLAN}/actions?section=${key}`);
  }

  await expect(page.getByRole("region", { name: "Plan-wide next steps" })).toContainText("9 actions that belong to the plan as a whole.");
  await expect(page.getByRole("region", { name: "Priority actions (“few big things”)" })).toContainText("No actions are flagged as priority yet.");
  await expect(page.getByRole("region", { name: "Economic development targets" })).toContainText("23 targets with $7,874,934,000 of market support.");
  await expect(page.getByRole("link", { name: "The San Joaquin Valley: California’s 21st Century Opportunity" })).toHaveAttribute("href", "/plans/sjv-sap-2006");
});

test("a cluster page shows its issues, actions, work group and champions, and leads to an action", async ({ page }) => {
  await page.goto(PLAN);
  await page.getByRole("link", { name: "Energy", exact: true }).click();
  await expect(page).toHaveURL(`${PLAN}/sections/energy`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Energy");
  await expect(page.getByText("Industry cluster", { exact: true })).toBeVisible();

  await expect(page.getByRole("region", { name: "Issues and opportunities" }).getByRole("listitem")).toHaveText([
    "Regional focus on cluster development & coordination needed; opportunity to develop biofuels; better define cluster components",
    "Conditional Use permits vary by county – frustrating for international companies willing to invest in the Valley; results in project delays or cancellations",
    "Increase entrepreneurial climate; need to create culture of early stage investment, create dialogue with entrepreneurs, & encourage students to create the next generation of solar technology",
    "Leakage of energy use",
  ]);

  const actions = page.getByRole("region", { name: "Recommended actions" });
  await expect(actions).toContainText("6 actions");
  const table = actions.getByRole("table", { name: "Actions in Energy" });
  await expect(table.getByRole("row")).toHaveCount(7); // header + 6 actions
  await expect(table.getByRole("row").nth(1)).toContainText("EN-1");
  await expect(table.getByRole("row").nth(6)).toContainText("EN-6");
  await expect(table.getByRole("link", { name: "Provide input to PUC on energy facilities sitings" })).toBeVisible();

  const groups = page.getByRole("region", { name: "Work groups" });
  await expect(groups.getByRole("listitem")).toHaveCount(1);
  await expect(groups.getByRole("listitem")).toContainText("Energy Work Group · Active");
  await expect(groups.getByRole("link", { name: "San Joaquin Valley Clean Energy Organization" })).toHaveAttribute("href", "/organizations/sjv-clean-energy");

  const champions = page.getByRole("region", { name: "Champions" });
  await expect(champions.getByRole("listitem")).toHaveCount(10);
  // Each champions one action, so they are listed by name; the lead is marked.
  await expect(champions.getByRole("listitem").first()).toHaveText("Business and Entrepreneurship Center · 1 action");
  await expect(champions.getByRole("listitem").filter({ hasText: "San Joaquin Valley Clean Energy Organization" })).toHaveText(
    "San Joaquin Valley Clean Energy Organization · 1 action, lead on 1",
  );
  await expect(champions.getByRole("link", { name: "California State Association of Counties" })).toBeVisible();

  await expect(page.getByRole("region", { name: "Related economic development targets" }).getByRole("listitem")).toHaveText([
    "Scientific research and development services: $699,203,000",
    "Oilseed farming: $457,940,000",
    "Management, scientific, and technical consulting services: $323,597,000",
  ]);

  await table
    .getByRole("link", { name: "Coordinate with County Planners (CSAC) working on simpler expedited solar permitting process throughout the state; coordinate locally" })
    .click();
  await expect(page).toHaveURL(/\/actions\/\d+$/);
  // An action without a title is headed by its (verbatim) text.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Coordinate with County Planners (CSAC) working on simpler expedited solar permitting process throughout the state; coordinate locally",
  );
  await expect(page.getByText("EN-3", { exact: true })).toBeVisible();
  await expect(page.getByRole("article").getByText("Not started", { exact: true })).toBeVisible();
  const details = page.getByRole("region", { name: "Details" });
  await expect(details.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "0");
  await expect(details.getByText("Not named", { exact: true })).toBeVisible(); // lead person
  await expect(page.getByRole("link", { name: "Energy Work Group (Active)" })).toHaveAttribute("href", `${PLAN}/work-groups/energy-wg`);
  await expect(page.getByRole("region", { name: "Champions" }).getByRole("listitem")).toHaveText(["California State Association of Counties (CSAC) · partner"]);
  const breadcrumb = page.getByRole("navigation", { name: "Breadcrumb" });
  await expect(breadcrumb.getByRole("link")).toHaveText([PLAN_TITLE, "Energy"]);
  await expect(page.getByRole("region", { name: "History" })).toContainText("No changes recorded since the plan was loaded.");
  // A viewer reads the action but is not offered the edit form.
  await expect(page.getByRole("region", { name: "Edit this action" })).toHaveCount(0);
});

test("a cluster with value-chain components and a work group under reorganization", async ({ page }) => {
  await page.goto(`${PLAN}/sections/agriculture`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Agriculture");
  await expect(
    page.getByText("For example, the Agriculture Cluster includes production, processing and packaging, distribution and diverse support activities.", { exact: true }),
  ).toBeVisible();
  await expect(page.getByRole("region", { name: "Value-chain components" }).getByRole("link")).toHaveText([
    "Production",
    "Processing and packaging",
    "Distribution",
    "Support activities",
  ]);
  await expect(page.getByRole("region", { name: "Issues and opportunities" }).getByRole("listitem")).toHaveText(["All 5 issue areas addressed in Regional Economic Summit"]);
  await expect(page.getByRole("region", { name: "Work groups" })).toContainText("No work group is linked to this section yet.");

  await page.goto(`${PLAN}/sections/health-wellness`);
  const groups = page.getByRole("region", { name: "Work groups" });
  await expect(groups).toContainText("Health and Wellness Work Group · Reorganizing");
  await expect(groups.getByRole("link", { name: "Office of Community and Economic Development, California State University, Fresno" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Recommended actions" })).toContainText("10 actions");

  await page.goto(`${PLAN}/sections/logistics`);
  const logisticsGroups = page.getByRole("region", { name: "Work groups" }).getByRole("listitem");
  await expect(logisticsGroups).toContainText("Sustainable Communities Work Group · Active");
  await expect(logisticsGroups).toContainText("Lead: not named");
});

test("a plan-level next step shows its title, text and lead champion", async ({ page }) => {
  await page.goto(`${PLAN}/actions?q=NS-3`);
  await page.getByRole("link", { name: "Economic Development Targets", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Economic Development Targets");
  await expect(page.getByText("NS-3", { exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "Action text" }).getByRole("paragraph")).toHaveText(
    "OCED is working with CCVEDC and other partners on the process to develop a strategy for the Economic Development Targets (aggregated and cluster-specific), and identify a lead for implementation of the strategy. Partners should coordinate with TeamCalifornia to enhance marketing and outreach opportunities on the Valley’s cluster priorities.",
  );
  await expect(page.getByRole("article").getByText("Not started", { exact: true })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link")).toHaveText([PLAN_TITLE, "Plan-wide actions"]);
  await expect(page.getByRole("region", { name: "Champions" }).getByRole("listitem")).toHaveText([
    "Office of Community and Economic Development, California State University, Fresno (OCED) · lead",
    "California Central Valley Economic Development Corp. (CCVEDC) · partner",
    "TeamCalifornia · partner",
  ]);
});

test("the partners list leads to an organization and the actions it champions", async ({ page }) => {
  await page.goto(PLAN);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Partners" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Partner organizations");
  await expect(page.getByRole("status")).toHaveText("79 organizations.");
  const table = page.getByRole("table", { name: "Partner organizations" });
  await expect(table.getByRole("row")).toHaveCount(80);
  const ccwcRow = table.getByRole("row").filter({ has: page.getByRole("link", { name: "Central California Workforce Collaborative", exact: true }) });
  await expect(ccwcRow.getByRole("cell")).toHaveText(["Central California Workforce Collaborative (CCWC)", "Workforce", "3", "1"]);

  await ccwcRow.getByRole("link").click();
  await expect(page).toHaveURL("/organizations/ccwc");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Central California Workforce Collaborative");
  await expect(page.getByText("CCWC · Workforce", { exact: true })).toBeVisible();

  const championed = page.getByRole("region", { name: "Actions it champions" });
  await expect(championed).toContainText("3 actions");
  await expect(championed.getByRole("link")).toHaveText([
    "PSI-1: Implement CCWC Regional Plan as Cluster Strategy for workforce",
    "NS-4: Economic Development/Education/Workforce Coordination",
    "NS-5: Public Sector Infrastructure/Logistics",
  ]);
  await expect(championed.getByRole("listitem").first()).toContainText(`${PLAN_TITLE} · Public Sector Infrastructure · lead`);
  await expect(championed.getByRole("listitem").nth(1)).toContainText(`${PLAN_TITLE} · Plan-wide · partner`);
  await expect(page.getByRole("region", { name: "Work groups it leads" })).toContainText("None.");
  await expect(page.getByRole("region", { name: "Acknowledged as a partner in" }).getByRole("link")).toHaveText([PLAN_TITLE]);

  await championed.getByRole("link", { name: "PSI-1: Implement CCWC Regional Plan as Cluster Strategy for workforce" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Implement CCWC Regional Plan as Cluster Strategy for workforce");
  await expect(page.getByRole("region", { name: "Champions" }).getByRole("listitem")).toHaveText(["Central California Workforce Collaborative (CCWC) · lead"]);
});

test("the partners list filters by name and by type", async ({ page }) => {
  await page.goto("/organizations");
  await page.getByLabel("Name or acronym").fill("CVBI");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/[?&]q=CVBI/);
  await expect(page.getByRole("status")).toHaveText("1 organization.");
  await expect(page.getByRole("table", { name: "Partner organizations" }).getByRole("link")).toHaveText(["Central Valley Business Incubator"]);

  await page.getByLabel("Name or acronym").fill("");
  await page.getByLabel("Type").selectOption({ label: "Utility" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByRole("status")).toHaveText("1 organization.");
  await expect(page.getByRole("table", { name: "Partner organizations" }).getByRole("link")).toHaveText(["Pacific Gas and Electric"]);
});

test("the targets table lists 23 targets with their total and sorts by market support", async ({ page }) => {
  await page.goto(PLAN);
  await page.getByRole("navigation", { name: "Plan" }).getByRole("link", { name: "Economic development targets" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Economic development targets");

  const table = page.getByRole("table");
  const body = table.getByRole("rowgroup").nth(1);
  await expect(body.getByRole("row")).toHaveCount(23);
  await expect(table.getByRole("row").last()).toHaveText(/^Total \(23 targets\)\s*\$7,874,934,000$/);
  await expect(page.getByRole("rowheader", { name: "Total (23 targets)" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "$7,874,934,000" })).toBeVisible();

  // Default: largest market support first.
  const amount = page.getByRole("columnheader", { name: /^Market support/ });
  await expect(amount).toHaveAttribute("aria-sort", "descending");
  await expect(page.getByRole("columnheader", { name: /^Description/ })).toHaveAttribute("aria-sort", "none");
  await expect(body.getByRole("row").first().getByRole("cell")).toHaveText(["Lessors of nonfinancial intangible assets", "", "$712,685,000"]);

  await amount.getByRole("link", { name: /^Market support\s*, sort ascending$/ }).click();
  await expect(page).toHaveURL(`${PLAN}/targets?sort=amount&dir=asc`);
  await expect(amount).toHaveAttribute("aria-sort", "ascending");
  await expect(body.getByRole("row").first().getByRole("cell")).toHaveText(["Architectural, engineering, and related services", "Public Sector Infrastructure", "$165,780,000"]);
  await expect(body.getByRole("row").last().getByRole("cell").first()).toHaveText("Lessors of nonfinancial intangible assets");
  await expect(table.getByRole("row").last()).toContainText("$7,874,934,000");

  await amount.getByRole("link", { name: /^Market support\s*, sort descending$/ }).click();
  await expect(page).toHaveURL(`${PLAN}/targets?sort=amount&dir=desc`);
  await expect(amount).toHaveAttribute("aria-sort", "descending");
  await expect(body.getByRole("row").first().getByRole("cell")).toHaveText(["Lessors of nonfinancial intangible assets", "", "$712,685,000"]);
  await expect(body.getByRole("row").last().getByRole("cell").first()).toHaveText("Architectural, engineering, and related services");

  await page.getByRole("link", { name: /^Description\s*, sort ascending$/ }).click();
  await expect(page.getByRole("columnheader", { name: /^Description/ })).toHaveAttribute("aria-sort", "ascending");
  await expect(amount).toHaveAttribute("aria-sort", "none");
  await expect(body.getByRole("row").first().getByRole("cell").first()).toHaveText("Advertising and related services");
});

test("unknown addresses show the 404 page with status 404", async ({ page }) => {
  for (const url of ["/actions/999999", "/actions/not-a-number", "/plans/nope", "/plans/nope/actions", "/organizations/nope", `${PLAN}/sections/nope`, "/no-such-page"]) {
    await test.step(url, async () => {
      const response = await page.goto(url);
      expect.soft(response?.status(), `status of ${url}`).toBe(404);
      await expect.soft(page.getByRole("heading", { level: 1 }), `heading of ${url}`).toHaveText("Page not found");
      await expect.soft(page.getByRole("link", { name: "browse all plans" })).toHaveAttribute("href", "/plans");
    });
  }
});
