import fs from "node:fs/promises";
import { PLAN, SIGNED_OUT, expect, test } from "./fixtures";

// The whole-plan JSON export, as a user downloads it from the dashboard and
// as the API answers for an unknown plan.

test("the dashboard link downloads the whole plan as JSON", async ({ page }) => {
  await page.goto(PLAN);
  const link = page.getByRole("link", { name: "Download the whole plan (JSON)" });
  await expect(link).toHaveAttribute("href", "/api/plans/sjv-2012/export");

  const downloading = page.waitForEvent("download");
  await link.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("sjv-2012.plan.json");
  expect(await download.failure()).toBeNull();

  const doc = JSON.parse(await fs.readFile(await download.path(), "utf8"));
  expect(doc.format).toBe("cluster-action-tracker/plan");
  expect(doc.version).toBe(3);
  expect(doc.plan).toMatchObject({
    slug: "sjv-2012",
    title: "San Joaquin Valley Regional Industry Cluster Analysis and Action Plan",
    status: "active",
    previousPlan: "sjv-sap-2006",
  });
  expect(doc.sections.map((s: { key: string }) => s.key)).toEqual([
    "agriculture",
    "energy",
    "health-wellness",
    "logistics",
    "manufacturing",
    "water-technology",
    "public-sector-infrastructure",
  ]);
  // Top-level actions are the 9 plan-wide next steps; the 31 others sit in their clusters.
  expect(doc.actions.map((a: { code: string }) => a.code)).toEqual(["NS-1", "NS-2", "NS-3", "NS-4", "NS-5", "NS-6", "NS-7", "NS-8", "NS-9"]);
  const sectionActions = doc.sections.flatMap((s: { actions: unknown[]; children: { actions: unknown[] }[] }) => [...s.actions, ...s.children.flatMap((c) => c.actions)]);
  expect(sectionActions).toHaveLength(31);
  expect(doc.targets).toHaveLength(23);
  expect(doc.targets.reduce((sum: number, t: { marketSupportUsd: number }) => sum + t.marketSupportUsd, 0)).toBe(7_874_934_000);
  expect(doc.workGroups).toHaveLength(5);
  expect(doc.organizations).toHaveLength(79);
  expect(doc.partners).toHaveLength(64);
  // The default metrics: cluster employment per cluster, then the four context facts with their baselines.
  expect(doc.metrics).toHaveLength(11);
  expect(doc.metrics.find((m: { key: string }) => m.key === "valley-industry-output")).toMatchObject({ unit: "usd", baseline: { date: "2010-12-31", value: 228_600_000_000 }, target: null });
  // The employment analytics added at start-up: the eight counties, California, a definition per cluster feeding its metric.
  expect(doc.analytics.region).toMatchObject({ key: "san-joaquin-valley", areas: expect.arrayContaining([{ code: "06107", title: expect.any(String) }]) });
  expect(doc.analytics.region.areas).toHaveLength(8);
  expect(doc.analytics.referenceArea).toBe("06000");
  expect(doc.analytics.clusters.map((c: { section: string; metric: string }) => [c.section, c.metric])).toEqual(doc.sections.map((s: { key: string }) => [s.key, `${s.key}-employment`]));
});

test("the export API answers 404 with a JSON error for an unknown plan", async ({ page }) => {
  const response = await page.request.get("/api/plans/nope/export");
  expect(response.status()).toBe(404);
  expect(response.headers()["content-type"]).toMatch(/^application\/json/);
  expect(await response.json()).toEqual({ error: 'No plan with the slug "nope".' });
});

test("the export API serves the archived plan with its file name", async ({ page }) => {
  const response = await page.request.get("/api/plans/sjv-sap-2006/export");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-disposition"]).toBe('attachment; filename="sjv-sap-2006.plan.json"');
  const doc = await response.json();
  expect(doc.plan.status).toBe("archived");
  expect(doc.sections).toHaveLength(5);
  expect(doc.actions).toEqual([]);
});

test.describe("signed out", () => {
  test.use({ storageState: SIGNED_OUT });

  test("the export API refuses with 401 and a JSON error", async ({ page }) => {
    const response = await page.request.get("/api/plans/sjv-2012/export");
    expect(response.status()).toBe(401);
    expect(response.headers()["content-type"]).toMatch(/^application\/json/);
    expect(response.headers()["content-disposition"]).toBeUndefined();
    expect(await response.json()).toHaveProperty("error");
  });
});
