import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, importBatches, measurements, metrics, sections } from "@/db/schema";
import { seedDefaultData } from "@/db/seed/seed";
import { AppError } from "@/lib/errors";
import { correctMeasurement, createMetric, recordMeasurement } from "@/lib/metrics/service";
import { getPlanBySlug } from "@/lib/plans/queries";
import { csvFile, makeUser, xlsxFile } from "@/lib/test/spreadsheets";
import { getImportBatch } from "./queries";
import { commitImport, previewImport } from "./service";

// The SJV plan runs 2012-09-01 to 2017-12-31; its default metrics include the
// annual "energy-employment" (jobs) and "cluster-share-of-employment" (percent).
const PLAN = "sjv-2012";
const HEADER = "Metric key,Period,Value,Note,Source,Correction note";
const lines = (...rows: string[]) => rows.join("\r\n") + "\r\n";

function setup() {
  seedDefaultData();
  const planId = getPlanBySlug(PLAN)!.id;
  const admin = makeUser("admin");
  const energy = getDb().select().from(sections).where(and(eq(sections.planId, planId), eq(sections.key, "energy"))).get()!;
  // A quarterly metric, to see quarter labels and the frequency check.
  const quarterly = createMetric(admin, { planId, key: "installer-placements", name: "Solar installer placements", scope: "section", sectionId: energy.id, unit: "count", direction: "up", frequency: "quarterly" });
  return { planId, admin, quarterly };
}

const metric = (key: string) => getDb().select().from(metrics).where(eq(metrics.key, key)).get()!;
const valuesOf = (key: string) =>
  getDb()
    .select({ period: measurements.periodLabel, value: measurements.value, note: measurements.note, source: measurements.source, correctionNote: measurements.correctionNote, superseded: sql<boolean>`${measurements.supersededAt} is not null`, enteredById: measurements.enteredById })
    .from(measurements)
    .where(eq(measurements.metricId, metric(key).id))
    .orderBy(asc(measurements.periodEnd), asc(measurements.id))
    .all()
    .map((m) => ({ ...m, superseded: Boolean(m.superseded) }));
const measurementCount = () => getDb().select({ n: sql<number>`count(*)` }).from(measurements).get()!.n;
const measurementAudit = () =>
  getDb()
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(inArray(auditLog.action, ["measurement.record", "measurement.correct", "import.preview", "import.commit"]))
    .orderBy(asc(auditLog.id))
    .all()
    .map((a) => a.action);

async function refusal(p: Promise<unknown> | (() => unknown)): Promise<AppError> {
  try {
    await (typeof p === "function" ? p() : p);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected an AppError");
}

async function preview(admin: ReturnType<typeof makeUser>, file: ReturnType<typeof csvFile>) {
  const result = await previewImport(admin, { plan: PLAN, kind: "measurements", periodId: "" }, file);
  const batch = getImportBatch(result.batchId)!;
  if (batch.kind !== "measurements") throw new Error("not a measurements batch");
  return { ...result, batch };
}

describe("importing metric measurements", () => {
  it("previews a good file without writing, then records every row through the metric service, audited", async () => {
    const { admin } = setup();
    const file = csvFile(
      lines(
        HEADER,
        "energy-employment,2013,\"41,250\",Annual average,EDD QCEW,",
        "Energy-Employment,2014,42100,,,",
        "cluster-share-of-employment,2013,41.5 %,Share of all jobs,,",
        "installer-placements,2014-Q2,12,,,",
        "installer-placements,q3 2014,3,,,",
      ),
      "values.csv",
    );
    const { batchId, rows, errors, batch } = await preview(admin, file);
    expect({ rows, errors }).toEqual({ rows: 5, errors: 0 });
    expect(batch.periodLabel).toBeNull();
    expect(batch.rows.map((r) => [r.row, r.values.metricKey, r.period, r.outcome])).toEqual([
      [2, "energy-employment", "2013", "record"],
      [3, "Energy-Employment", "2014", "record"],
      [4, "cluster-share-of-employment", "2013", "record"],
      [5, "installer-placements", "2014 Q2", "record"],
      [6, "installer-placements", "2014 Q3", "record"],
    ]);
    expect(measurementCount()).toBe(0);

    expect(commitImport(admin, { plan: PLAN, batchId })).toEqual({ kind: "measurements", recorded: 5, corrected: 0, unchanged: 0, skipped: 0 });
    expect(valuesOf("energy-employment")).toEqual([
      { period: "2013", value: 41250, note: "Annual average", source: "EDD QCEW", correctionNote: null, superseded: false, enteredById: admin.userId },
      { period: "2014", value: 42100, note: null, source: null, correctionNote: null, superseded: false, enteredById: admin.userId },
    ]);
    expect(valuesOf("cluster-share-of-employment")[0]).toMatchObject({ value: 41.5, note: "Share of all jobs" });
    expect(valuesOf("installer-placements").map((m) => [m.period, m.value])).toEqual([
      ["2014 Q2", 12],
      ["2014 Q3", 3],
    ]);
    // Audited like a value typed into the form, one entry per row.
    expect(measurementAudit()).toEqual(["import.preview", ...Array(5).fill("measurement.record"), "import.commit"]);
  });

  it("reads an XLSX file with number cells", async () => {
    const { admin } = setup();
    const file = await xlsxFile([
      ["Metric key", "Period", "Value", "Source"],
      ["valley-gdp", 2015, 152_000_000_000, "Numbers in the News"],
    ]);
    const { batchId, errors } = await preview(admin, file);
    expect(errors).toBe(0);
    commitImport(admin, { plan: PLAN, batchId });
    expect(valuesOf("valley-gdp")).toMatchObject([{ period: "2015", value: 152_000_000_000, source: "Numbers in the News", note: null }]);
  });

  it("lists every bad row with its column and reason, and commits nothing", async () => {
    const { admin } = setup();
    getDb().update(metrics).set({ retiredAt: "2025-01-01T00:00:00.000Z" }).where(eq(metrics.key, "logistics-employment")).run();
    const file = csvFile(
      lines(
        HEADER,
        "no-such-metric,2014,1,,,",
        "energy-employment,2014 Q2,1,,,",
        "installer-placements,2014,1,,,",
        "energy-employment,2011,1,,,",
        "energy-employment,2030,1,,,",
        "cluster-share-of-employment,2014,101,,,",
        "energy-employment,2015,about 1200,,,",
        "energy-employment,2016,,,,",
        "energy-employment,2013,100,,,",
        "energy-employment,2013,200,,,",
        "logistics-employment,2014,5,,,",
        ",someday,12 jobs,,,",
        "health-wellness-employment,2014,1," + "x".repeat(2001) + ",,",
      ),
    );
    const { batchId, rows, batch } = await preview(admin, file);
    expect(rows).toBe(13);
    expect(batch.errors).toEqual([
      { row: 2, column: "Metric key", reason: "The plan has no metric with the key no-such-metric." },
      { row: 3, column: "Period", reason: "This metric is measured per year: write a year like 2014." },
      { row: 4, column: "Period", reason: "This metric is measured per quarter: write a quarter like 2014 Q2." },
      { row: 5, column: "Period", reason: "2011 is outside the plan's span (2012-09-01 to 2017-12-31)." },
      { row: 6, column: "Period", reason: "2030 has not started yet." },
      { row: 7, column: "Value", reason: "A percent is from 0 to 100." },
      { row: 8, column: "Value", reason: "Enter a number only, such as 1,240 or 41.5." },
      { row: 9, column: "Value", reason: "Every row needs the value." },
      { row: 11, column: "Period", reason: "energy-employment 2013 is already in row 10; list each metric and period once." },
      { row: 12, column: "Metric key", reason: "logistics-employment is retired and takes no new measurements." },
      { row: 13, column: "Metric key", reason: "Every row needs the metric's key." },
      { row: 13, column: "Period", reason: "“someday” is not a period: write a year like 2014 or a quarter like 2014 Q2." },
      { row: 13, column: "Value", reason: "Enter a number only, such as 1,240 or 41.5." },
      { row: 14, column: "Note", reason: "Use at most 2,000 characters." },
    ]);
    // Row 10 alone is fine; the file still goes in whole or not at all.
    expect(batch.rows.find((r) => r.row === 10)!.outcome).toBe("record");

    const refused = await refusal(() => commitImport(admin, { plan: PLAN, batchId }));
    expect(refused.code).toBe("INVALID_INPUT");
    expect(refused.message).toMatch(/14 problems/);
    expect(measurementCount()).toBe(0);
  });

  it("refuses a value for a period that already has one unless the row carries a correction note", async () => {
    const { admin } = setup();
    recordMeasurement(admin, { metricId: metric("energy-employment").id, period: "2014", value: 40_000, note: "First count", source: "EDD" });
    const { batch } = await preview(admin, csvFile(lines(HEADER, "energy-employment,2014,41000,,,")));
    expect(batch.errors).toEqual([
      {
        row: 2,
        column: "Correction note",
        reason: "energy-employment already has a 2014 value (40,000 jobs). To change it, say here why it is corrected; the earlier value stays in the metric's history.",
      },
    ]);
    // And a correction note with nothing to correct is a mistake too.
    const nothing = await preview(admin, csvFile(lines(HEADER, "energy-employment,2015,41000,,,Revised")));
    expect(nothing.batch.errors).toEqual([{ row: 2, column: "Correction note", reason: "energy-employment has no 2015 value to correct yet; leave the correction note empty to record it." }]);
  });

  it("corrects with a correction note: the new value is current, the earlier one stays as history, both audited", async () => {
    const { admin } = setup();
    recordMeasurement(admin, { metricId: metric("energy-employment").id, period: "2014", value: 40_000, note: "First count", source: "EDD" });
    // No Note or Source column: the corrected value keeps the current note and source.
    const file = csvFile(lines("Metric key,Period,Value,Correction note", "energy-employment,2014,41000,EDD revised its benchmark"));
    const { batchId, batch } = await preview(admin, file);
    expect(batch.errors).toEqual([]);
    expect(batch.rows[0]).toMatchObject({ outcome: "correct", existing: { value: 40_000 } });
    expect(commitImport(admin, { plan: PLAN, batchId })).toMatchObject({ recorded: 0, corrected: 1 });
    expect(valuesOf("energy-employment")).toEqual([
      { period: "2014", value: 40_000, note: "First count", source: "EDD", correctionNote: null, superseded: true, enteredById: admin.userId },
      { period: "2014", value: 41_000, note: "First count", source: "EDD", correctionNote: "EDD revised its benchmark", superseded: false, enteredById: admin.userId },
    ]);
    const [old, current] = getDb().select().from(measurements).orderBy(asc(measurements.id)).all();
    expect(old!.supersededById).toBe(current!.id);
    expect(measurementAudit()).toEqual(["measurement.record", "import.preview", "measurement.correct", "import.commit"]);
  });

  it("skips rows equal to the current value, so importing the same file twice changes nothing", async () => {
    const { admin } = setup();
    const file = csvFile(lines(HEADER, "energy-employment,2013,41250,Annual average,EDD,", "energy-employment,2014,42100,,,", "installer-placements,2014 Q1,7,,,"));
    const first = await preview(admin, file);
    commitImport(admin, { plan: PLAN, batchId: first.batchId });
    const stored = getDb().select().from(measurements).orderBy(asc(measurements.id)).all();
    const auditBefore = measurementAudit().filter((a) => a.startsWith("measurement.")).length;

    const again = await preview(admin, file);
    expect(again.errors).toBe(0);
    expect(again.batch.rows.map((r) => r.outcome)).toEqual(["unchanged", "unchanged", "unchanged"]);
    expect(commitImport(admin, { plan: PLAN, batchId: again.batchId })).toEqual({ kind: "measurements", recorded: 0, corrected: 0, unchanged: 3, skipped: 0 });
    expect(getDb().select().from(measurements).orderBy(asc(measurements.id)).all()).toEqual(stored);
    expect(measurementAudit().filter((a) => a.startsWith("measurement.")).length).toBe(auditBefore);

    // The same value with a different note is a change, and needs a correction note; with one it corrects.
    const edited = await preview(admin, csvFile(lines(HEADER, "energy-employment,2013,41250,Annual average (revised),EDD,", "energy-employment,2014,42100,,,Same value")));
    expect(edited.batch.errors.map((e) => [e.row, e.column])).toEqual([[2, "Correction note"]]);
    // A row equal to the current value is unchanged even when it has a correction note.
    expect(edited.batch.rows[1]!.outcome).toBe("unchanged");
  });

  it("re-checks inside the commit: a value recorded or corrected since the preview refuses the whole file", async () => {
    const { admin } = setup();
    const recorded = recordMeasurement(admin, { metricId: metric("energy-employment").id, period: "2013", value: 40_000 });
    const file = csvFile(lines(HEADER, "energy-employment,2013,40500,,,Revised", "energy-employment,2014,42100,,,"));
    const { batchId, errors } = await preview(admin, file);
    expect(errors).toBe(0);

    // Someone corrects 2013 and records 2014 meanwhile.
    const someone = makeUser("admin");
    correctMeasurement(someone, { measurementId: recorded.id, value: 40_100, correctionNote: "Typo" });
    recordMeasurement(someone, { metricId: metric("energy-employment").id, period: "2014", value: 42_000 });
    const count = measurementCount();

    const refused = await refusal(() => commitImport(admin, { plan: PLAN, batchId }));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toContain("row 2, Period: The 2013 value of energy-employment was corrected by someone else after the preview.");
    expect(refused.message).toContain("row 3, Correction note: energy-employment already has a 2014 value");
    expect(measurementCount()).toBe(count);
    expect(getDb().select().from(importBatches).where(eq(importBatches.id, batchId)).get()!.committedAt).toBeNull();
    expect(getDb().select().from(measurements).where(and(eq(measurements.metricId, metric("energy-employment").id), isNull(measurements.supersededAt))).all().map((m) => m.value)).toEqual([40_100, 42_000]);
  });

  it("is for importers only", async () => {
    setup();
    const lead = makeUser("lead");
    const refused = await refusal(previewImport(lead, { plan: PLAN, kind: "measurements" }, csvFile(lines(HEADER, "energy-employment,2013,1,,,"))));
    expect(refused.code).toBe("FORBIDDEN");
  });
});
