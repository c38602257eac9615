import { parse } from "csv-parse/sync";
import { and, eq, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { measurements, metrics, sections } from "@/db/schema";
import { seedDefaultData } from "@/db/seed/seed";
import { AppError } from "@/lib/errors";
import { getImportBatch } from "@/lib/imports/queries";
import { commitImport, previewImport } from "@/lib/imports/service";
import { correctMeasurement, recordMeasurement } from "@/lib/metrics/service";
import { getPlanBySlug } from "@/lib/plans/queries";
import { renderTable, toCsv, toXlsx, type Table } from "@/lib/spreadsheets/write";
import { makeUser } from "@/lib/test/spreadsheets";
import { exportMetricHistory, exportPlanMeasurements, planMeasurementsTable } from "./measurements";

const PLAN = "sjv-2012";
const HEADERS = ["Metric key", "Metric", "Attached to", "Unit", "Period", "Value", "Note", "Source", "Entered by", "Entered at"];
const STAMP = expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d UTC$/);

const metric = (key: string) => getDb().select().from(metrics).where(eq(metrics.key, key)).get()!;
const measurementCount = () => getDb().select({ n: sql<number>`count(*)` }).from(measurements).get()!.n;

// Values for three metrics of the SJV plan, one of them corrected, and one
// more on a metric that is then retired.
function setup() {
  seedDefaultData();
  const admin = makeUser("admin");
  const record = (key: string, period: string, value: number, extra: { note?: string; source?: string } = {}) => recordMeasurement(admin, { metricId: metric(key).id, period, value, ...extra });
  record("energy-employment", "2013", 41_250, { note: "-2% on 2012, =cautious", source: "EDD QCEW" });
  const first2014 = record("energy-employment", "2014", 42_000);
  correctMeasurement(admin, { measurementId: first2014.id, value: 42_100, correctionNote: "EDD revised its benchmark" });
  record("health-wellness-employment", "2014", 50_000);
  record("valley-gdp", "2015", 152_000_000_000, { source: "Numbers in the News" });
  record("logistics-employment", "2014", 30_000);
  getDb().update(metrics).set({ retiredAt: "2025-01-01T00:00:00.000Z" }).where(eq(metrics.key, "logistics-employment")).run();
  // A target for one metric, so the status filter has something to tell apart.
  getDb().update(metrics).set({ baselineValue: 40_000, baselineDate: "2012-12-31", targetValue: 60_000, targetDate: "2017-12-31" }).where(eq(metrics.key, "health-wellness-employment")).run();
  return { admin, viewer: makeUser("viewer") };
}

async function readXlsx(table: Table) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await toXlsx(table)) as unknown as ExcelJS.Buffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

const csvRows = (table: Table) => parse(toCsv(table), { bom: true, relax_column_count: true }) as string[][];

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected an AppError");
}

async function reimport(admin: ReturnType<typeof makeUser>, table: Table, format: "csv" | "xlsx") {
  const file = { name: `download.${format}`, bytes: await renderTable(table, format) };
  const { batchId } = await previewImport(admin, { plan: PLAN, kind: "measurements" }, file);
  const batch = getImportBatch(batchId)!;
  return { batchId, errors: batch.errors, outcomes: batch.kind === "measurements" ? batch.rows.map((r) => r.outcome) : [] };
}

describe("the plan's measurements download", () => {
  it("holds every current value of every live metric, in plan order, oldest period first", async () => {
    const { admin, viewer } = setup();
    const { table, fileName } = exportPlanMeasurements(viewer, PLAN, {});
    expect(fileName).toBe("sjv-2012-measurements");
    expect(table.columns.map((c) => c.header)).toEqual(HEADERS);
    expect(table.rows).toEqual([
      ["energy-employment", "Energy cluster employment", "Energy", "Jobs", "2013", 41_250, "-2% on 2012, =cautious", "EDD QCEW", admin.label, STAMP],
      ["energy-employment", "Energy cluster employment", "Energy", "Jobs", "2014", 42_100, null, null, admin.label, STAMP],
      ["health-wellness-employment", "Health and Wellness cluster employment", "Health and Wellness", "Jobs", "2014", 50_000, null, null, admin.label, STAMP],
      ["valley-gdp", "Valley Gross Domestic Product (GDP)", "The whole plan", "US dollars", "2015", 152_000_000_000, null, "Numbers in the News", admin.label, STAMP],
    ]);

    // CSV: the same cells as text, the note escaped against formulas.
    const csv = csvRows(table);
    expect(csv[0]).toEqual(HEADERS);
    expect(csv[1]!.slice(0, 8)).toEqual(["energy-employment", "Energy cluster employment", "Energy", "Jobs", "2013", "41250", "'-2% on 2012, =cautious", "EDD QCEW"]);
    expect(csv[4]![5]).toBe("152000000000");
    // XLSX: values are number cells, text as written.
    const xlsx = await readXlsx(table);
    expect(xlsx[0]).toEqual(HEADERS);
    expect(xlsx[1]!.slice(4, 7)).toEqual(["2013", 41_250, "-2% on 2012, =cautious"]);
    expect(xlsx[4]![5]).toBe(152_000_000_000);
  });

  it("applies the overview's cluster and status filters, or a list of metric ids", () => {
    const { viewer } = setup();
    const energy = getDb().select().from(sections).where(and(eq(sections.planId, getPlanBySlug(PLAN)!.id), eq(sections.key, "energy"))).get()!;
    const keys = (table: Table) => table.rows.map((r) => `${r[0]} ${r[4]}`);
    expect(keys(exportPlanMeasurements(viewer, PLAN, { cluster: String(energy.id) }).table)).toEqual(["energy-employment 2013", "energy-employment 2014"]);
    expect(keys(exportPlanMeasurements(viewer, PLAN, { status: "on_track" }).table)).toEqual(["health-wellness-employment 2014"]);
    expect(keys(exportPlanMeasurements(viewer, PLAN, { status: "no_target" }).table)).toEqual(["energy-employment 2013", "energy-employment 2014", "valley-gdp 2015"]);
    expect(keys(exportPlanMeasurements(viewer, PLAN, { cluster: String(energy.id), status: "on_track" }).table)).toEqual([]);
    // Unknown filter values are no filter, as on the overview.
    expect(exportPlanMeasurements(viewer, PLAN, { cluster: "x", status: "bogus" }).table.rows).toHaveLength(4);

    const plan = getPlanBySlug(PLAN)!;
    expect(keys(planMeasurementsTable(plan, [metric("valley-gdp").id, metric("logistics-employment").id]))).toEqual(["valley-gdp 2015"]);
    expect(planMeasurementsTable(plan, []).rows).toEqual([]);
  });

  it("imports back as it is, in both formats: every row unchanged, nothing written", async () => {
    const { admin, viewer } = setup();
    const { table } = exportPlanMeasurements(viewer, PLAN, {});
    const before = measurementCount();
    for (const format of ["csv", "xlsx"] as const) {
      const again = await reimport(admin, table, format);
      expect(again.errors).toEqual([]);
      expect(again.outcomes).toEqual(["unchanged", "unchanged", "unchanged", "unchanged"]);
      expect(commitImport(admin, { plan: PLAN, batchId: again.batchId })).toEqual({ kind: "measurements", recorded: 0, corrected: 0, unchanged: 4, skipped: 0 });
    }
    expect(measurementCount()).toBe(before);
  });

  it("is for readers, of a known plan", () => {
    seedDefaultData();
    expect(refusal(() => exportPlanMeasurements({ kind: "anonymous" }, PLAN, {})).code).toBe("UNAUTHORIZED");
    expect(refusal(() => exportPlanMeasurements(makeUser("viewer"), "nope", {})).code).toBe("NOT_FOUND");
  });
});

describe("one metric's history download", () => {
  it("lists current and corrected values, each correction after the value it replaced", async () => {
    const { viewer } = setup();
    const { table, fileName } = exportMetricHistory(viewer, PLAN, "energy-employment");
    expect(fileName).toBe("sjv-2012-energy-employment-measurements");
    expect(table.columns.map((c) => c.header)).toEqual([...HEADERS, "Status", "Corrected at", "Correction note"]);
    expect(table.rows.map((r) => [r[4], r[5], r[10], r[11] === null ? null : "stamp", r[12]])).toEqual([
      ["2013", 41_250, "current", null, null],
      ["2014", 42_000, "corrected", "stamp", null],
      ["2014", 42_100, "current", null, "EDD revised its benchmark"],
    ]);
    expect(table.rows[1]![11]).toEqual(STAMP);

    const csv = csvRows(table);
    expect(csv[0]).toEqual([...HEADERS, "Status", "Corrected at", "Correction note"]);
    expect(csv[3]!.slice(4, 6)).toEqual(["2014", "42100"]);
    expect(csv[3]!.slice(10)).toEqual(["current", "", "EDD revised its benchmark"]);
    const xlsx = await readXlsx(table);
    expect(xlsx[2]!.slice(4, 6)).toEqual(["2014", 42_000]);
    expect(xlsx[2]![10]).toBe("corrected");
  });

  it("imports back: current values unchanged, corrected ones skipped as history", async () => {
    const { admin, viewer } = setup();
    const { table } = exportMetricHistory(viewer, PLAN, "energy-employment");
    const before = measurementCount();
    for (const format of ["csv", "xlsx"] as const) {
      const again = await reimport(admin, table, format);
      expect(again.errors).toEqual([]);
      expect(again.outcomes).toEqual(["unchanged", "history", "unchanged"]);
      expect(commitImport(admin, { plan: PLAN, batchId: again.batchId })).toEqual({ kind: "measurements", recorded: 0, corrected: 0, unchanged: 2, skipped: 1 });
    }
    expect(measurementCount()).toBe(before);
  });

  it("downloads a retired metric's history too, and only a metric of this plan", () => {
    const { viewer } = setup();
    expect(exportMetricHistory(viewer, PLAN, "logistics-employment").table.rows.map((r) => r[5])).toEqual([30_000]);
    expect(refusal(() => exportMetricHistory(viewer, PLAN, "no-such-metric")).code).toBe("NOT_FOUND");
    expect(refusal(() => exportMetricHistory(viewer, "sjv-sap-2006", "energy-employment")).code).toBe("NOT_FOUND");
    expect(refusal(() => exportMetricHistory({ kind: "anonymous" }, PLAN, "energy-employment")).code).toBe("UNAUTHORIZED");
  });
});
