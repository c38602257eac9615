import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { parsePeriodLabel } from "@/lib/metrics/periods";
import { getMetricsOverview, judgePlanMetrics } from "@/lib/metrics/queries";
import { periodProblem } from "@/lib/metrics/service";
import { planDocumentSchema, type PlanDocument } from "@/lib/plans/document-schema";
import { importPlan } from "@/lib/plans/import";
import { listPlans } from "@/lib/plans/queries";
import { systemActor } from "@/lib/auth/actor";
import { METRICS_PLAN, planDocument, SCALE } from "./generate";
import { judgeMetricDoc, metricsSpan, SCALE_METRICS, scaleMetrics, statusMix } from "./scale-metrics";

// The metrics of the scale data set (npm run bench): the issue's 1,000 metrics
// x 40 measurements, valid for import on any day, with the mix of statuses
// the overview is meant to be measured with.

const TODAY = "2026-11-22";
// Plan 1 carries every organization; METRICS_PLAN needs only the keys it uses.
const orgs = Array.from({ length: SCALE.organizations }, (_, i) => ({
  key: `bench-org-${String(i + 1).padStart(3, "0")}`,
  name: `Organization ${i + 1}`,
  acronym: null,
  type: "nonprofit" as const,
  website: null,
}));
const doc: PlanDocument = planDocument(METRICS_PLAN, orgs, TODAY);

describe("the scale plan's metrics", () => {
  it("are 1,000 metrics with at least 40,000 measurements, at least 40 per quarterly metric", () => {
    expect(doc.metrics).toHaveLength(SCALE_METRICS.metrics);
    const total = doc.metrics.reduce((n, m) => n + m.measurements.length, 0);
    expect(total).toBeGreaterThanOrEqual(SCALE_METRICS.minMeasurements);
    const quarterly = doc.metrics.filter((m) => m.frequency === "quarterly");
    expect(quarterly.length).toBeGreaterThan(doc.metrics.length / 2);
    expect(Math.min(...quarterly.map((m) => m.measurements.length))).toBeGreaterThanOrEqual(SCALE_METRICS.minPerQuarterly);
    expect(doc.metrics.some((m) => m.frequency === "annual")).toBe(true);
  });

  it("make a document the plan import accepts", () => {
    const parsed = planDocumentSchema.safeParse(doc);
    expect(parsed.success ? [] : parsed.error.issues.slice(0, 5)).toEqual([]);
  });

  it("have every measurement inside the plan's span and none for a period that has not started", () => {
    const plan = { periodStart: doc.plan.periodStart, periodEnd: doc.plan.periodEnd };
    const problems = doc.metrics.flatMap((m) => m.measurements.map((x) => periodProblem(m, plan, parsePeriodLabel(x.period)!, TODAY)).filter((p) => p !== null));
    expect(problems).toEqual([]);
  });

  it("cover every scope, unit, direction and frequency, with interim targets on some", () => {
    const values = (f: (m: PlanDocument["metrics"][number]) => unknown) => new Set(doc.metrics.map(f));
    expect(values((m) => m.scope)).toEqual(new Set(["plan", "section", "work_group", "action"]));
    expect(values((m) => m.unit)).toEqual(new Set(["count", "jobs", "usd", "percent", "other"]));
    expect(values((m) => m.direction)).toEqual(new Set(["up", "down"]));
    expect(values((m) => m.frequency)).toEqual(new Set(["quarterly", "annual"]));
    const targeted = doc.metrics.filter((m) => m.baseline && m.target).length;
    expect(targeted / doc.metrics.length).toBeGreaterThan(0.6);
    expect(targeted / doc.metrics.length).toBeLessThan(0.8);
    expect(doc.metrics.filter((m) => m.interimTargets.length > 0).length).toBeGreaterThan(100);
    expect(doc.metrics.filter((m) => m.unit === "other").every((m) => m.unitLabel !== null)).toBe(true);
  });

  it("are judged by the app exactly as they were built, a mix of every status and some stale", () => {
    const { metrics, intents } = scaleMetrics(TODAY, { clusters: ["c"], components: ["c-1"], workGroups: ["g"], actions: ["1.01"], organizations: ["o"] });
    const wrong = metrics.filter((m) => {
      const j = judgeMetricDoc(m, TODAY);
      const want = intents.get(m.key)!;
      return j.status !== want.status || j.stale !== want.stale;
    });
    expect(wrong.map((m) => [m.key, judgeMetricDoc(m, TODAY).summary, intents.get(m.key)])).toEqual([]);
    const mix = statusMix(metrics, TODAY);
    expect(mix.no_data).toBe(0);
    for (const status of ["on_track", "behind", "off_track", "no_target", "stale"] as const) expect(mix[status], status).toBeGreaterThan(50);
  });

  it("judge the same on another day: everything is placed relative to today", () => {
    const mix = (today: string) => statusMix(planDocument(METRICS_PLAN, orgs, today).metrics, today);
    expect(mix("2031-02-03")).toEqual(mix(TODAY));
    expect(metricsSpan("2031-02-03").periodStart).toBe("2018-01-01");
  });

  // Imports 40,000+ measurements: seconds on a busy machine.
  it("sit on the plan the home page opens, with the statuses the overview shows", { timeout: 60_000 }, () => {
    const actor = systemActor("test");
    // The other plans only matter for their order: import their plan records alone.
    for (let p = 1; p <= SCALE.plans; p++) {
      const d = p === METRICS_PLAN ? doc : { ...planDocument(p, orgs, TODAY), organizations: [], partners: [], workGroups: [], sections: [], targets: [] };
      importPlan(actor, { document: { ...d, plan: { ...d.plan, previousPlan: null } } });
    }
    const first = listPlans()[0]!;
    expect(first.slug).toBe(doc.plan.slug);
    expect(getDb().$client.prepare("select count(*) n from measurements").get()).toEqual({ n: doc.metrics.reduce((n, m) => n + m.measurements.length, 0) });
    const judged = judgePlanMetrics(first.id, TODAY);
    const counts = Object.fromEntries(["on_track", "behind", "off_track", "no_target", "no_data"].map((s) => [s, judged.filter((j) => j.judgement.status === s).length]));
    const { stale, ...expected } = statusMix(doc.metrics, TODAY);
    expect(counts).toEqual(expected);
    expect(judged.filter((j) => j.judgement.stale).length).toBe(stale);
    expect(getMetricsOverview(first, { cluster: null, status: "off_track", page: 1 }, TODAY).matching).toBe(expected.off_track);
  });
});
