import fs from "node:fs";
import { eq } from "drizzle-orm";
import os from "node:os";
import path from "node:path";
import { getDb, migrateDatabase, openDatabase, setDb } from "@/db";
import { clusterCodes, clusterDefinitions, plans, regionAreas, regions, sections } from "@/db/schema";
import { computePlanFigures } from "@/lib/analytics/plan-figures";
import { analyticsSetup } from "@/lib/analytics/setup";
import { SYNTHETIC_COUNTIES, SYNTHETIC_YEARS, syntheticCells, syntheticClusters } from "@/lib/analytics/synthetic-cells";
import { cpuSnapshot, foreignShare } from "./cpu";
import { judge, type ImportCheck } from "./analytics-import";

// "All cluster figures for a region over 10 years take under 200 ms" (issue
// #7): a fresh database holds ten years of synthetic annual cells for the
// eight SJV counties and a U.S. reference area (lib/analytics/synthetic-cells.ts,
// about twice a real county's size, 40% of the detail suppressed), and a plan
// with 7 clusters of 20-60 codes in 3 components. Timed: everything the
// analytics pages show (every cluster's figures per county, region and
// component for each year, the location quotients, the shift-share and the
// clusters' share), read from the database and computed, uncached, as a page
// does after an import. The verdict is on the median of the runs; the
// estimated variant (parents and siblings read too, suppressed cells estimated) is
// measured too, and printed with it.

export const FIGURES_MAX_MS = 200;
const RUNS = 7;

export function seedFiguresDatabase(file: string): number {
  const db = openDatabase(file);
  migrateDatabase(db);
  setDb(db);
  const insert = db.$client.prepare(
    "insert into employment_cells (area, industry, ownership, year, quarter, disclosed, establishments, annual_employment, wages) values (?, ?, ?, ?, 0, ?, ?, ?, ?)",
  );
  db.$client.transaction(() => {
    // BLS writes 0 for a suppressed cell's jobs and wages: so does the import.
    for (const c of syntheticCells()) insert.run(c.area, c.industry, c.ownership, c.year, c.disclosed ? 1 : 0, Math.round(c.establishments), c.employment ?? 0, c.wages ?? 0);
  })();
  return db.transaction((tx) => {
    const plan = tx.insert(plans).values({ slug: "bench-analytics", title: "Analytics bench", region: "Eight counties" }).returning().get();
    const region = tx.insert(regions).values({ key: "bench-eight", name: "Eight counties" }).returning().get();
    tx.insert(regionAreas).values(SYNTHETIC_COUNTIES.map((area) => ({ regionId: region.id, area }))).run();
    tx.update(plans).set({ analyticsRegionId: region.id, referenceArea: "US000" }).where(eq(plans.id, plan.id)).run();
    syntheticClusters().forEach((c, i) => {
      const section = tx.insert(sections).values({ planId: plan.id, key: c.key, kind: "cluster", title: c.name, position: i }).returning().get();
      tx.insert(clusterDefinitions).values({ sectionId: section.id }).run();
      // A code counts once per cluster (the components split the list in three).
      const seen = new Set<string>();
      const rows = (c.components ?? []).flatMap((k) => k.codes.filter((code) => !seen.has(code) && seen.add(code)).map((code) => ({ sectionId: section.id, component: k.name, code })));
      tx.insert(clusterCodes).values(rows.map((r, position) => ({ ...r, position }))).run();
    });
    return plan.id;
  });
}

interface Timing {
  best: number;
  median: number;
  otherCpu: number | null;
}

function time(run: () => void): Timing {
  run(); // warms the JIT and SQLite's page cache; not counted
  const before = cpuSnapshot();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    run();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { best: ms[0]!, median: ms[Math.floor(RUNS / 2)]!, otherCpu: foreignShare(before, cpuSnapshot()) };
}

export async function benchFigures(): Promise<ImportCheck[]> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cat-figures-bench-"));
  try {
    const t0 = performance.now();
    const planId = seedFiguresDatabase(path.join(tmp, "tracker.db"));
    const setup = analyticsSetup(getDb(), planId);
    const cells = getDb().$client.prepare("select count(*) from employment_cells").pluck().get() as number;
    console.log(`\n[figures] ${cells.toLocaleString("en-US")} cells (8 counties + US, ${SYNTHETIC_YEARS.length} years), ${setup.clusters.length} clusters of ${setup.clusters.map((c) => c.codes.length).join("/")} codes, loaded in ${Math.round(performance.now() - t0)} ms`);
    const plain = time(() => computePlanFigures(setup, false));
    const estimated = time(() => computePlanFigures(setup, true));
    const line = (t: Timing) => `${t.median.toFixed(0)} ms median, ${t.best.toFixed(0)} ms best of ${RUNS}`;
    console.log(`  all figures: ${line(plain)}; with estimates: ${line(estimated)}`);
    const miss = plain.median < FIGURES_MAX_MS ? null : `median ${plain.median.toFixed(0)} ms >= ${FIGURES_MAX_MS} ms`;
    return [
      {
        measure: "all cluster figures, 10 years",
        value: `${plain.median.toFixed(0)} ms`,
        runs: `${plain.best.toFixed(0)} / ${plain.median.toFixed(0)} ms`,
        detail: `read + computed, uncached: counties, region, components, LQ, shift-share, share; target < ${FIGURES_MAX_MS} ms. With estimates (parents and siblings read too): ${line(estimated)}`,
        otherCpu: plain.otherCpu,
        ...judge(miss, plain.otherCpu, true),
      },
    ];
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
