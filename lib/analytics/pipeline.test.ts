import { and, eq, isNull } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb, setDb, type Db } from "@/db";
import { seedDefaultData } from "@/db/seed/seed";
import { addDefaultAnalytics } from "@/db/seed/sjv-analytics";
import { measurements, metrics } from "@/db/schema";
import { makeActor, sjvPlanId } from "@/lib/test/actors";
import { useFreshDatabase } from "@/lib/test/db";
import { qcewRowToRecord, readQcewRows, SJV_COUNTIES } from "@/lib/test/qcew-csv";
import { qcew2016SjvFiles } from "@/lib/test/qcew-files";
import { EmploymentIndex } from "./employment-index";
import { computeFigure } from "./figure";
import { runEmploymentImport } from "./import-run";
import { dedupeCodes } from "./naics";
import { planFigures } from "./plan-figures";
import { SJV_CLUSTER_DEFINITIONS, clusterCodes } from "./sjv-clusters";
import { clusterTables, overviewRows, sortOverview } from "./views";

// The whole path on the real 2016 files: import the eight counties, read the
// SJV plan's cluster figures back from the database, and see the annual
// cluster employment metrics filled. The figures are checked against the
// computations run on the same files read independently (csv-parse, whole,
// annualised in JavaScript rather than in SQL).

let admin: ReturnType<typeof makeActor>;
let db: Db;

// One database for the file (the setup gives each test a fresh one): importing takes a few seconds.
beforeAll(async () => {
  db = useFreshDatabase();
  seedDefaultData();
  expect(addDefaultAnalytics()).toEqual({ added: true });
  admin = makeActor("admin", "Ana Lyst");
  for (const file of qcew2016SjvFiles()) await runEmploymentImport(admin, { path: file, fileName: file.split("/").at(-1) });
}, 120_000);
beforeEach(() => setDb(db));

describe("SJV analytics from the 2016 QCEW files", () => {
  it("reads the same cluster figures from the database as from the files", () => {
    const figures = planFigures(sjvPlanId());
    expect(figures.years).toEqual([2016]);
    expect(figures.completeYears).toEqual([2016]);
    const index = EmploymentIndex.fromRecords(SJV_COUNTIES.flatMap((c) => readQcewRows(c).map(qcewRowToRecord)));
    for (const d of SJV_CLUSTER_DEFINITIONS) {
      const fromDb = figures.clusters.find((f) => f.key === d.section)!.years[0]!.region;
      const fromFiles = computeFigure(index, SJV_COUNTIES, dedupeCodes(clusterCodes(d).map((c) => c.code)).codes, 2016);
      expect(fromDb.employment, d.section).toBeCloseTo(fromFiles.employment, 6);
      expect(fromDb.coverage, d.section).toBeCloseTo(fromFiles.coverage, 9);
      expect(fromDb.suppressedCells, d.section).toBe(fromFiles.suppressedCells);
    }
    // Suppressed cells are reported, not zeroed: Agriculture has some, and its coverage says so.
    const agriculture = figures.clusters.find((f) => f.key === "agriculture")!.years[0]!.region;
    expect(agriculture.suppressedCells).toBeGreaterThan(0);
    expect(agriculture.coverage).toBeLessThan(1);
    expect(agriculture.partial).toBe(true);
  });

  it("fills each cluster's annual employment metric for 2016, with the source and coverage, and a re-import changes nothing", async () => {
    const planId = sjvPlanId();
    const figures = planFigures(planId);
    const metric = getDb().select().from(metrics).where(and(eq(metrics.planId, planId), eq(metrics.key, "agriculture-employment"))).get()!;
    const value = getDb().select().from(measurements).where(and(eq(measurements.metricId, metric.id), isNull(measurements.supersededAt))).all();
    const expected = Math.round(figures.clusters.find((f) => f.key === "agriculture")!.years[0]!.region.employment);
    expect(value).toHaveLength(1);
    expect(value[0]).toMatchObject({ periodLabel: "2016", value: expected, source: "BLS QCEW" });
    expect(value[0]!.note).toMatch(/BLS disclosed the employment of \d+\.\d% of its establishments; \d+ suppressed cells are not counted/);

    const again = await runEmploymentImport(admin, { path: qcew2016SjvFiles()[0]!, fileName: "2016.q1-q4.06019.csv" });
    expect(again.record).toMatchObject({ status: "done", inserted: 0, updated: 0, unchanged: again.summary.records });
    expect(again.summary.records).toBeGreaterThan(6000);
    expect(again.feed).toEqual({ recorded: 0, corrected: 0, unchanged: 7, skipped: [] });
  });

  it("refuses an import to anyone but staff", async () => {
    const lead = makeActor("lead", "Lee Lead");
    await expect(runEmploymentImport(lead, { path: qcew2016SjvFiles()[0]!, fileName: "fresno.csv" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("the analytics tables", () => {
  it("sort the overview with missing figures last, and give an area table that adds up to the region", () => {
    const figures = planFigures(sjvPlanId());
    const rows = overviewRows(figures, 2016);
    expect(sortOverview(rows, "employment", true).map((r) => r.key)[0]).toBe("agriculture");
    expect(sortOverview(rows, "cluster", false).map((r) => r.name)).toEqual([...rows.map((r) => r.name)].sort((a, b) => a.localeCompare(b)));
    // No California file is imported: every LQ is missing, and sorting by it keeps them all.
    expect(rows.every((r) => r.lq === null)).toBe(true);
    expect(sortOverview(rows, "lq", true)).toHaveLength(7);
    const [trend, areas] = clusterTables(figures, "agriculture", 2016, (c) => c, () => "");
    expect(trend!.rows).toHaveLength(1);
    expect(areas!.rows.map((r) => r[1])).toEqual(["06019", "06029", "06031", "06039", "06047", "06077", "06099", "06107"]);
    const region = figures.clusters.find((c) => c.key === "agriculture")!.years[0]!.region.employment;
    expect(Math.abs(areas!.rows.reduce((s, r) => s + (r[2] as number), 0) - region)).toBeLessThanOrEqual(8);
  });
});
