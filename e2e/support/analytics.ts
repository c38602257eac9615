import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { addDefaultAnalytics } from "@/db/seed/sjv-analytics";
import { clusterCodes, clusterDefinitions, employmentImports, metrics, plans, regionAreas, regions, sections } from "@/db/schema";
import { importEmploymentFile } from "@/lib/analytics/import";
import { systemActor } from "@/lib/auth/actor";
import { qcew2016SjvFiles } from "@/lib/test/qcew-files";

// The eight real 2016 county files, imported into the server's database for
// the analytics spec. Through importEmploymentFile (not the run that feeds the
// metrics), so the SJV plan's metrics stay empty for the other specs. Idempotent.
export async function ensureQcew2016Imported() {
  addDefaultAnalytics();
  const db = getDb();
  for (const file of qcew2016SjvFiles()) {
    const fileName = file.split("/").at(-1)!;
    if (db.select({ id: employmentImports.id }).from(employmentImports).where(eq(employmentImports.fileName, fileName)).get()) continue;
    await importEmploymentFile(systemActor("e2e"), { path: file, fileName });
  }
}

// The upload spec's own plan and region, so what it imports feeds no metric
// the other specs read: two real county files (Kings and Madera, 2016) with
// their area codes changed to 99031 and 99039 ("Test County A/B"), in BLS's
// layout otherwise untouched, and a plan whose region is those two areas.
export const UPLOAD_PLAN = { slug: "e2e-analytics", title: "E2E analytics plan" };
const TEST_AREAS = [
  ["06031", "99031", "Kings County, California", "Test County A"],
  ["06039", "99039", "Madera County, California", "Test County B"],
] as const;

export function testCountyFiles(): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "e2e-qcew-"));
  const sources = qcew2016SjvFiles();
  return TEST_AREAS.map(([from, to, title, newTitle]) => {
    const text = fs.readFileSync(sources.find((f) => f.endsWith(`${from}.csv`))!, "utf8").replaceAll(`"${from}"`, `"${to}"`).replaceAll(title, newTitle);
    const file = path.join(dir, `2016.q1-q4.${to}.csv`);
    fs.writeFileSync(file, text);
    return file;
  });
}

export function ensureUploadPlan() {
  const db = getDb();
  const existing = db.select().from(plans).where(eq(plans.slug, UPLOAD_PLAN.slug)).get();
  if (existing) return existing;
  return db.transaction((tx) => {
    const p = tx.insert(plans).values({ ...UPLOAD_PLAN, region: "Test counties", status: "draft", periodStart: "2012-01-01", periodEnd: "2030-12-31" }).returning().get();
    const cluster = tx.insert(sections).values({ planId: p.id, key: "agriculture", kind: "cluster", title: "Agriculture", position: 1 }).returning().get();
    const metric = tx.insert(metrics).values({ planId: p.id, key: "agriculture-jobs", name: "Agriculture jobs", scope: "section", sectionId: cluster.id, unit: "jobs", frequency: "annual", direction: "up" }).returning().get();
    const region = tx.insert(regions).values({ key: "e2e-test-counties", name: "Test counties" }).returning().get();
    tx.insert(regionAreas).values(TEST_AREAS.map(([, area]) => ({ regionId: region.id, area }))).run();
    tx.update(plans).set({ analyticsRegionId: region.id }).where(eq(plans.id, p.id)).run();
    tx.insert(clusterDefinitions).values({ sectionId: cluster.id, metricId: metric.id, note: "Crop and animal production, and food manufacturing." }).run();
    tx.insert(clusterCodes).values(["111", "112", "311"].map((code, position) => ({ sectionId: cluster.id, code, component: "", position }))).run();
    return p;
  });
}
