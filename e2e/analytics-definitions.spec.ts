import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { clusterCodes, clusterDefinitions, plans, sections } from "@/db/schema";
import { addDefaultAnalytics } from "@/db/seed/sjv-analytics";
import { PLAN, expect, test } from "./fixtures";
import { authFile } from "./support/accounts";

// Editing a cluster's definition in the browser (issue #7). The spec edits
// the SJV plan's Water Technology cluster, which e2e/analytics.spec.ts does
// not check figure by figure, and puts its definition back exactly as it was
// at the end, so the other specs read the starting definitions.

const ANALYTICS = `${PLAN}/analytics`;

function waterSectionId(): number {
  addDefaultAnalytics();
  return getDb()
    .select({ id: sections.id })
    .from(sections)
    .innerJoin(plans, eq(plans.id, sections.planId))
    .where(and(eq(plans.slug, "sjv-2012"), eq(sections.key, "water-technology")))
    .get()!.id;
}

function snapshotDefinition(sectionId: number) {
  const db = getDb();
  return {
    definition: db.select().from(clusterDefinitions).where(eq(clusterDefinitions.sectionId, sectionId)).get()!,
    codes: db.select().from(clusterCodes).where(eq(clusterCodes.sectionId, sectionId)).orderBy(asc(clusterCodes.position)).all(),
  };
}

function restoreDefinition(saved: ReturnType<typeof snapshotDefinition>) {
  getDb().transaction((tx) => {
    const { sectionId, ...fields } = saved.definition;
    tx.delete(clusterCodes).where(eq(clusterCodes.sectionId, sectionId)).run();
    tx.update(clusterDefinitions).set(fields).where(eq(clusterDefinitions.sectionId, sectionId)).run();
    tx.insert(clusterCodes).values(saved.codes).run();
  });
}

test.describe("as an admin", () => {
  test.use({ storageState: authFile("admin") });

  test("edits a cluster's codes: a bad code is refused under its field, an overlap is flagged, and the cluster page shows the change", async ({ page, checkA11y }) => {
    test.slow();
    const sectionId = waterSectionId();
    const saved = snapshotDefinition(sectionId);
    try {
      await page.goto(ANALYTICS);
      await page.getByRole("link", { name: "Region and cluster definitions" }).click();
      await expect(page.getByRole("heading", { name: "Region and cluster definitions", level: 1 })).toBeVisible();
      const table = page.getByRole("table", { name: /top-level sections/ });
      // The starting definitions' one deliberate overlap is flagged.
      await expect(table.getByRole("row", { name: /^Energy/ })).toContainText("Shares 54171 with Health and Wellness");
      await expect(table.getByRole("row", { name: /^Water Technology/ })).toContainText("Yes (starting point)");
      await checkA11y({ soft: true });

      await table.getByRole("link", { name: "Edit the definition of Water Technology" }).click();
      await expect(page.getByRole("heading", { name: "Cluster definition: Water Technology", level: 1 })).toBeVisible();
      await expect(page.getByText("These codes are the shipped starting point")).toBeVisible();
      await expect(page.getByLabel("Name of component 1")).toHaveValue("Water supply, irrigation and treatment systems");
      await checkA11y({ soft: true });

      // A bad code: refused under its text area with its line, nothing saved.
      const whole = page.getByLabel("Codes of the cluster as a whole");
      await whole.fill("54171 Research and development\n5417x");
      await page.getByRole("button", { name: "Save the definition" }).click();
      await expect(whole).toHaveAccessibleDescription(/Line 2: “5417x” is not a NAICS code/);
      const form = page.getByRole("region", { name: "Definition" });
      await expect(form.getByRole("status")).toContainText("Please correct the highlighted fields.");
      expect(snapshotDefinition(sectionId)).toEqual(saved);

      // A code Energy and Health and Wellness also count: allowed, and flagged.
      await page.getByLabel("Note", { exact: true }).fill("Edited by the e2e test.");
      await page.getByLabel("Codes of the cluster as a whole").fill("54171 Research and development in the physical, engineering, and life sciences");
      await page.getByRole("button", { name: "Save the definition" }).click();
      await expect(form.getByRole("status")).toContainText("Saved. Shares 54171 with Energy; 54171 with Health and Wellness.");
      await expect(page.getByText("Overlaps with other clusters:")).toBeVisible();
      await expect(page.getByText("These codes are the shipped starting point")).toBeHidden();
      const after = snapshotDefinition(sectionId);
      expect(after.definition).toMatchObject({ note: "Edited by the e2e test.", isStartingPoint: false, version: saved.definition.version + 1 });
      expect(after.codes.map((c) => c.code)).toEqual(["54171", ...saved.codes.map((c) => c.code)]);

      await page.getByRole("link", { name: "Water Technology: cluster employment" }).click();
      const industries = page.getByRole("region", { name: "Industries in this cluster" });
      await expect(industries.getByRole("listitem").first()).toContainText("54171");
      await expect(industries).toContainText("Edited by the e2e test.");
      await expect(industries.getByRole("link", { name: "Edit the definition" })).toBeVisible();
    } finally {
      restoreDefinition(saved);
    }
  });
});

test.describe("as a viewer", () => {
  test.use({ storageState: authFile("viewer") });

  test("gets a 403 for the settings and definition pages, and no links to them", async ({ page, checkA11y }) => {
    expect((await page.goto(`${ANALYTICS}/settings`))?.status()).toBe(403);
    await checkA11y({ soft: true });
    expect((await page.goto(`${ANALYTICS}/water-technology/definition`))?.status()).toBe(403);
    await page.goto(ANALYTICS);
    await expect(page.getByRole("heading", { name: "Cluster employment", level: 1 })).toBeVisible();
    await expect(page.getByRole("link", { name: "Region and cluster definitions" })).toHaveCount(0);
  });
});
