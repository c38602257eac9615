import { PLAN, expect, test, type Page } from "./fixtures";

// An axe check (WCAG 2.1 A/AA) on every page of the app. Related pages share
// one test and one browser page (a step each, soft assertions) to keep the run
// short, while a failure on one page still lets the others be checked and
// reported. Each page is first identified by its main heading, so a broken
// page cannot pass as "accessible".

type Visit = { name: string; url: string; heading: string };

const CLUSTERS = [
  { key: "agriculture", title: "Agriculture" },
  { key: "energy", title: "Energy" },
  { key: "health-wellness", title: "Health and Wellness" },
  { key: "logistics", title: "Logistics" },
  { key: "manufacturing", title: "Manufacturing" },
  { key: "water-technology", title: "Water Technology" },
  { key: "public-sector-infrastructure", title: "Public Sector Infrastructure" },
];

const GROUPS: Record<string, Visit[]> = {
  "plans list and dashboards": [
    { name: "plans list", url: "/plans", heading: "Plans" },
    { name: "dashboard", url: PLAN, heading: "Dashboard" },
    { name: "archived 2006 plan dashboard", url: "/plans/sjv-sap-2006", heading: "Dashboard" },
  ],
  "action list": [
    { name: "unfiltered", url: `${PLAN}/actions`, heading: "Actions" },
    { name: "filtered", url: `${PLAN}/actions?section=health-wellness&group=health-wellness-wg&org=cvbi`, heading: "Actions" },
    { name: "no match", url: `${PLAN}/actions?q=no-such-action-anywhere`, heading: "Actions" },
  ],
  // The seven cluster pages, in two halves so neither test runs long.
  "cluster pages (1 of 2)": CLUSTERS.slice(0, 4).map((c) => ({ name: c.title, url: `${PLAN}/sections/${c.key}`, heading: c.title })),
  "cluster pages (2 of 2)": CLUSTERS.slice(4).map((c) => ({ name: c.title, url: `${PLAN}/sections/${c.key}`, heading: c.title })),
  "economic development targets": [
    { name: "default order", url: `${PLAN}/targets`, heading: "Economic development targets" },
    { name: "sorted by description", url: `${PLAN}/targets?sort=description&dir=asc`, heading: "Economic development targets" },
  ],
  "partner organizations": [
    { name: "list", url: "/organizations", heading: "Partner organizations" },
    { name: "detail", url: "/organizations/ccwc", heading: "Central California Workforce Collaborative" },
  ],
  // The SJV defaults: metrics with no values yet, and context facts with only a baseline.
  metrics: [
    { name: "overview", url: `${PLAN}/metrics`, heading: "Metrics" },
    { name: "overview filtered", url: `${PLAN}/metrics?status=no_data`, heading: "Metrics" },
    { name: "cluster employment", url: `${PLAN}/metrics/energy-employment`, heading: "Energy cluster employment" },
    { name: "context fact", url: `${PLAN}/metrics/cluster-share-of-employment`, heading: "Priority clusters’ share of total employment" },
  ],
  "service status and 404": [
    { name: "service status", url: "/status", heading: "Service status" },
    { name: "404 page", url: "/no-such-page", heading: "Page not found" },
  ],
};

async function visitAndCheck(page: Page, checkA11y: (o: { soft: boolean }) => Promise<void>, { name, url, heading }: Visit) {
  await test.step(`${name} (${url})`, async () => {
    await page.goto(url);
    await expect.soft(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    await checkA11y({ soft: true });
  });
}

for (const [group, visits] of Object.entries(GROUPS)) {
  test(`${group}: no axe violations`, async ({ page, checkA11y }) => {
    for (const visit of visits) await visitAndCheck(page, checkA11y, visit);
  });
}

test("action details (cluster action and plan-level next step): no axe violations", async ({ page, checkA11y }) => {
  // Action ids are assigned on import, so reach the detail pages through the list.
  const actions = [
    {
      code: "EN-3",
      link: /^Coordinate with County Planners \(CSAC\)/,
      heading: "Coordinate with County Planners (CSAC) working on simpler expedited solar permitting process throughout the state; coordinate locally",
    },
    { code: "NS-3", link: "Economic Development Targets", heading: "Economic Development Targets" },
  ];
  for (const { code, link, heading } of actions) {
    await test.step(code, async () => {
      await page.goto(`${PLAN}/actions?q=${code}`);
      await page.getByRole("link", { name: link, exact: true }).click();
      await expect(page).toHaveURL(/\/actions\/\d+$/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
      await expect(page.getByText(code, { exact: true })).toBeVisible();
      await checkA11y({ soft: true });
    });
  }
});
