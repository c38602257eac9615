import { PLAN, expect, test } from "./fixtures";

// An axe check (WCAG 2.1 A/AA) on every page of the app. Each page is first
// identified by its main heading, so a broken page cannot pass as "accessible".

const CLUSTERS = [
  { key: "agriculture", title: "Agriculture" },
  { key: "energy", title: "Energy" },
  { key: "health-wellness", title: "Health and Wellness" },
  { key: "logistics", title: "Logistics" },
  { key: "manufacturing", title: "Manufacturing" },
  { key: "water-technology", title: "Water Technology" },
  { key: "public-sector-infrastructure", title: "Public Sector Infrastructure" },
];

const PAGES: { name: string; url: string; heading: string }[] = [
  { name: "plans list", url: "/plans", heading: "Plans" },
  { name: "dashboard", url: PLAN, heading: "Dashboard" },
  { name: "action list", url: `${PLAN}/actions`, heading: "Actions" },
  { name: "action list, filtered", url: `${PLAN}/actions?section=health-wellness&group=health-wellness-wg&org=cvbi`, heading: "Actions" },
  { name: "action list, no match", url: `${PLAN}/actions?q=no-such-action-anywhere`, heading: "Actions" },
  ...CLUSTERS.map((c) => ({ name: `cluster page: ${c.title}`, url: `${PLAN}/sections/${c.key}`, heading: c.title })),
  { name: "targets", url: `${PLAN}/targets`, heading: "Economic development targets" },
  { name: "targets, sorted by description", url: `${PLAN}/targets?sort=description&dir=asc`, heading: "Economic development targets" },
  { name: "organizations list", url: "/organizations", heading: "Partner organizations" },
  { name: "organization detail", url: "/organizations/ccwc", heading: "Central California Workforce Collaborative" },
  { name: "service status", url: "/status", heading: "Service status" },
  { name: "404 page", url: "/no-such-page", heading: "Page not found" },
  { name: "archived 2006 plan dashboard", url: "/plans/sjv-sap-2006", heading: "Dashboard" },
];

for (const { name, url, heading } of PAGES) {
  test(`${name} (${url}) has no axe violations`, async ({ page, checkA11y }) => {
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    await checkA11y();
  });
}

// Action ids are assigned on import, so reach the detail pages through the list.
const ACTIONS = [
  { name: "cluster action", code: "EN-3", link: /^Coordinate with County Planners \(CSAC\)/, heading: "Action" },
  { name: "plan-level next step", code: "NS-3", link: "Economic Development Targets", heading: "Economic Development Targets" },
];

for (const { name, code, link, heading } of ACTIONS) {
  test(`action detail, ${name} (${code}) has no axe violations`, async ({ page, checkA11y }) => {
    await page.goto(`${PLAN}/actions?q=${code}`);
    await page.getByRole("link", { name: link, exact: true }).click();
    await expect(page).toHaveURL(/\/actions\/\d+$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    await expect(page.getByText(code, { exact: true })).toBeVisible();
    await checkA11y();
  });
}
