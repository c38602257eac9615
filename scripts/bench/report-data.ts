import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { openDatabase, setDb } from "@/db";
import { actions, metrics, progressUpdates, reportingPeriods } from "@/db/schema";
import type { ActionStatus } from "@/db/schema/enums";
import { systemActor } from "@/lib/auth/actor";
import { recordMeasurement } from "@/lib/metrics/service";
import { createPeriod, makeCurrentPeriod, setPeriodStatus } from "@/lib/periods/service";
import { featurableUpdates } from "@/lib/reports/document";
import { getReport } from "@/lib/reports/queries";
import { updateReportDraft } from "@/lib/reports/service";
import { reviewUpdate, saveUpdate } from "@/lib/updates/service";
import { draftReport, type DraftResult } from "../report-draft";
import { prng, sentence, type Rng } from "./random";

// Report data for the report benchmark, written through the services into the
// database the server is using (WAL lets both write). It runs after the page
// load tests, so those measure the data sets exactly as before.
//
// SJV: the seeded plan has no reporting periods, so it gets 2014 Q1 (closed)
// and 2014 Q2 (current), an accepted update with a Markdown narrative for
// every live action in both, and 2012 and 2013 values for its metrics.
// Scale: the plan the pages are measured on (200 actions, five years of
// updates, 1,000 metrics); its current period's submitted updates are
// accepted, as staff do before reporting, so the report prints 200 narratives.
// Both drafts get an introduction, highlights, asks and featured narratives.

const actor = systemActor("bench");
const SJV_PERIODS = [
  { label: "2014 Q1", startDate: "2014-01-01", endDate: "2014-03-31", deadline: "2014-04-15" },
  { label: "2014 Q2", startDate: "2014-04-01", endDate: "2014-06-30", deadline: "2014-07-15" },
];
const STATUSES: [ActionStatus, number][] = [["on_track", 45], ["at_risk", 15], ["off_track", 8], ["not_started", 12], ["completed", 12], ["deferred", 8]];

export interface ReportData extends DraftResult {
  planId: number;
  periodId: number;
  // Accepted updates written (SJV) or accepted (scale) for the report.
  acceptedUpdates: number;
  measurements: number;
  prepareMs: number;
  close: () => void;
}

function narrative(r: Rng): string {
  const para = () => Array.from({ length: r.int(1, 3) }, () => sentence(r, r.int(8, 25))).join(" ");
  const parts = [para()];
  if (r.next() < 0.4) parts.push(Array.from({ length: r.int(2, 4) }, () => `- ${sentence(r, r.int(4, 10))}`).join("\n"));
  if (r.next() < 0.5) parts.push(`**Next:** ${para()}`);
  return parts.join("\n\n");
}

type Db = ReturnType<typeof openDatabase>;

// Staff accept each update, as in the review queue.
function acceptAll(db: Db, updateIds: number[]): number {
  for (const id of updateIds) {
    const { version } = db.select({ version: progressUpdates.version }).from(progressUpdates).where(eq(progressUpdates.id, id)).get()!;
    reviewUpdate(actor, { updateId: id, version, decision: "accept" });
  }
  return updateIds.length;
}

function sjvUpdates(db: Db, planId: number): { periodId: number; updates: number; measurements: number } {
  const existing = db.select().from(reportingPeriods).where(eq(reportingPeriods.planId, planId)).all();
  const have = (label: string) => existing.find((p) => p.label === label);
  // Already prepared (a retry reusing the data dir): report on what is there.
  if (SJV_PERIODS.every((p) => have(p.label))) return { periodId: have(SJV_PERIODS[1]!.label)!.id, updates: 0, measurements: 0 };
  const r = prng(2014);
  const live = db.select({ id: actions.id }).from(actions).where(and(eq(actions.planId, planId), isNull(actions.retiredAt))).orderBy(asc(actions.id)).all();
  const percent = new Map<number, number>();
  let updates = 0;
  let periodId = 0;
  for (const [q, p] of SJV_PERIODS.entries()) {
    const period = have(p.label) ?? createPeriod(actor, { planId, ...p });
    periodId = period.id;
    if (q === SJV_PERIODS.length - 1) makeCurrentPeriod(actor, { periodId: period.id });
    else setPeriodStatus(actor, { periodId: period.id, status: "open" });
    const written: number[] = [];
    for (const a of live) {
      const status = r.weighted(STATUSES);
      const pct = status === "completed" ? 100 : status === "not_started" ? 0 : Math.min(95, (percent.get(a.id) ?? 0) + r.int(5, 40));
      percent.set(a.id, pct);
      written.push(saveUpdate(actor, { actionId: a.id, periodId: period.id, status, percentComplete: pct, narrative: narrative(r), intent: "submit" }).id);
    }
    updates += acceptAll(db, written);
    if (q < SJV_PERIODS.length - 1) setPeriodStatus(actor, { periodId: period.id, status: "closed" });
  }
  // Annual metrics: values for the two years before the report's.
  let measurements = 0;
  for (const m of db.select().from(metrics).where(and(eq(metrics.planId, planId), isNull(metrics.retiredAt))).all()) {
    const base = m.baselineValue ?? (m.unit === "percent" ? 40 : m.unit === "usd" ? 150e9 : 50_000);
    for (const [i, year] of ["2012", "2013"].entries()) {
      const value = m.unit === "percent" ? Math.min(100, Math.round(base * (1 + 0.03 * (i + 1)))) : Math.round(base * (1 + r.between(-0.02, 0.06) * (i + 1)));
      recordMeasurement(actor, { metricId: m.id, period: m.frequency === "annual" ? year : `${year} Q4`, value, source: "Benchmark figures" });
      measurements++;
    }
  }
  return { periodId, updates, measurements };
}

function scaleUpdates(db: Db, planId: number): { periodId: number; updates: number } {
  const current = db.select().from(reportingPeriods).where(and(eq(reportingPeriods.planId, planId), eq(reportingPeriods.isCurrent, true))).get();
  if (!current) throw new Error(`Scale plan ${planId} has no current period`);
  const planActions = db.select({ id: actions.id }).from(actions).where(eq(actions.planId, planId));
  const submitted = db
    .select({ id: progressUpdates.id })
    .from(progressUpdates)
    .where(and(eq(progressUpdates.periodId, current.id), eq(progressUpdates.reviewState, "submitted"), inArray(progressUpdates.actionId, planActions)))
    .orderBy(asc(progressUpdates.id))
    .all();
  return { periodId: current.id, updates: acceptAll(db, submitted.map((u) => u.id)) };
}

// Texts and featured narratives, as staff would write them before publishing.
function writeTexts(d: DraftResult, planId: number, r: Rng) {
  const { report, content } = getReport(planId, d.reportId, true)!;
  const featured = featurableUpdates(content.compiled).slice(0, 8).map((a) => a.update!.id);
  const clusterNotes = Object.fromEntries(content.compiled.clusters.map((k) => [k.key, narrative(r)]));
  updateReportDraft(actor, {
    reportId: report.id,
    version: report.version,
    title: report.title,
    introduction: `${narrative(r)}\n\n${narrative(r)}`,
    highlights: narrative(r),
    asks: Array.from({ length: 3 }, () => `1. ${sentence(r, 12)}`).join("\n"),
    clusterNotes,
    featuredUpdateIds: featured,
  });
}

// Leaves the bench process's getDb() on this database until close(), so the
// compile time can be measured with the same connection afterwards.
export function prepareReportData(dbFile: string, dataset: "SJV" | "scale", plan: { id: number; slug: string }): ReportData {
  const t0 = performance.now();
  const db = openDatabase(dbFile);
  setDb(db);
  const prepared = dataset === "SJV" ? sjvUpdates(db, plan.id) : { ...scaleUpdates(db, plan.id), measurements: 0 };
  const period = db.select({ label: reportingPeriods.label }).from(reportingPeriods).where(eq(reportingPeriods.id, prepared.periodId)).get()!;
  let draft = draftReport(actor, plan.slug, period.label);
  if (draft.action === "created") {
    writeTexts(draft, plan.id, prng(6));
    // The texts bumped the version; read the draft as it now stands.
    draft = { ...draft, version: getReport(plan.id, draft.reportId, true)!.report.version };
  }
  return {
    ...draft,
    planId: plan.id,
    periodId: prepared.periodId,
    acceptedUpdates: prepared.updates,
    measurements: prepared.measurements,
    prepareMs: Math.round(performance.now() - t0),
    close: () => db.$client.close(),
  };
}
