import { asc, sql } from "drizzle-orm";
import { migrateDatabase, openDatabase, setDb } from "@/db";
import { actions, plans, progressUpdates, reportingPeriods } from "@/db/schema";
import { ACTION_STATUSES, ORGANIZATION_TYPES, REVIEW_STATES, type ActionStatus } from "@/db/schema/enums";
import { systemActor } from "@/lib/auth/actor";
import { todayIso } from "@/lib/metrics/periods";
import { PLAN_DOCUMENT_VERSION, type ActionDoc, type OrganizationDoc, type PlanDocument, type SectionDoc } from "@/lib/plans/document-schema";
import { importPlan } from "@/lib/plans/import";
import { CLUSTER_NAMES, pad, prng, sentence, WORDS, type Rng } from "./random";
import { metricsSpan, SCALE_METRICS, scaleMetrics, statusMix, type StatusMix } from "./scale-metrics";

// The scale data set of the issues: 50 plans x 200 actions, 100,000 progress
// updates, 500 organizations, and on one plan 1,000 metrics with >= 40,000
// measurements (scale-metrics.ts). Plans go through the real importPlan (same
// validation and inserts as production); progress updates have no service
// yet, so they are bulk-inserted with one prepared statement.

export const SCALE = { plans: 50, actionsPerPlan: 200, progressUpdates: 100_000, organizations: 500 };
// The plan that carries the metrics: the one the home page sends people to
// (active, latest periodStart; pages.ts benchmarks that plan), so its
// dashboard and metric pages are measured with all 1,000 metrics. Its span is
// set by the metrics (12 years of history before today); every other plan
// starts earlier (1989 + p % 25, at most 2013) so it stays first in listPlans().
export const METRICS_PLAN = 24;
const CLUSTERS = 5;
const COMPONENTS = 3;
const DIRECT = 4; // actions on each cluster itself; the rest sit in its components
// Five years of quarters; each action has one update in every other quarter,
// ending in the current one (one update per action and period, as in the app).
const PERIODS = 20;

const STATUS_WEIGHTS: [ActionStatus, number][] = [["not_started", 30], ["on_track", 30], ["at_risk", 12], ["off_track", 8], ["completed", 15], ["deferred", 5]];

function organizationDocs(): OrganizationDoc[] {
  const r = prng(7);
  return Array.from({ length: SCALE.organizations }, (_, i) => ({
    key: `bench-org-${pad(i + 1, 3)}`,
    // The number keeps names unique (organizations have a unique lower(name) index).
    name: `${r.pick(CLUSTER_NAMES)} ${r.pick(["Alliance", "Council", "College", "Foundation", "Agency", "Institute", "Partners"])} ${i + 1}`,
    acronym: r.next() < 0.6 ? `BO${i + 1}` : null,
    type: r.pick(ORGANIZATION_TYPES),
    website: r.next() < 0.5 ? `https://org-${i + 1}.example.org` : null,
  }));
}

function actionDoc(r: Rng, code: string, orgs: OrganizationDoc[], groupKeys: string[]): ActionDoc {
  const status = r.weighted(STATUS_WEIGHTS);
  const champions = new Map<string, ActionDoc["champions"][number]>();
  const n = r.int(1, 3);
  while (champions.size < n) {
    const o = r.pick(orgs).key;
    if (!champions.has(o)) champions.set(o, { organization: o, role: champions.size === 0 ? "lead" : r.pick(["partner", "funder"] as const) });
  }
  const start = r.int(2012, 2024);
  return {
    code,
    title: r.next() < 0.7 ? sentence(r, 4).slice(0, -1) : null,
    text: `${sentence(r, r.int(8, 30))} ${sentence(r, r.int(5, 20))}`,
    workGroup: r.next() < 0.7 ? r.pick(groupKeys) : null,
    champions: [...champions.values()],
    leadPerson: r.next() < 0.4 ? `Person ${r.int(1, 900)}` : null,
    status,
    percentComplete: status === "completed" ? 100 : status === "not_started" ? 0 : r.int(5, 95),
    isPriority: r.next() < 0.1,
    startDate: r.next() < 0.6 ? `${start}-${pad(r.int(1, 12), 2)}-01` : null,
    dueDate: r.next() < 0.6 ? `${start + r.int(1, 4)}-${pad(r.int(1, 12), 2)}-28` : null,
    retiredAt: r.next() < 0.01 ? "2024-06-30T00:00:00.000Z" : null,
  };
}

// `today` places the metrics plan's measurements (see scale-metrics.ts).
export function planDocument(p: number, allOrgs: OrganizationDoc[], today = todayIso()): PlanDocument {
  const r = prng(1000 + p);
  const groupKeys = Array.from({ length: 8 }, (_, g) => `wg-${g + 1}`);
  const perComponent = (SCALE.actionsPerPlan / CLUSTERS - DIRECT) / COMPONENTS; // 200 = 5 x (4 + 3 x 12)
  const sections: SectionDoc[] = Array.from({ length: CLUSTERS }, (_, c) => {
    const key = `cluster-${c + 1}`;
    const acts = (prefix: string, n: number) => Array.from({ length: n }, (_, a) => actionDoc(r, `${prefix}.${pad(a + 1, 2)}`, allOrgs, groupKeys));
    return {
      key,
      kind: "cluster",
      code: String(c + 1),
      title: `${CLUSTER_NAMES[(p + c) % CLUSTER_NAMES.length]} cluster`,
      description: sentence(r, 25),
      opportunities: Array.from({ length: r.int(2, 4) }, () => sentence(r, 15)),
      actions: acts(`${c + 1}`, DIRECT),
      children: Array.from({ length: COMPONENTS }, (_, k) => ({
        key: `${key}-component-${k + 1}`,
        kind: "component" as const,
        code: `${c + 1}.${k + 1}`,
        title: `Component ${k + 1}: ${r.pick(WORDS)} ${r.pick(WORDS)}`,
        description: sentence(r, 12),
        opportunities: Array.from({ length: r.int(1, 3) }, () => sentence(r, 12)),
        actions: acts(`${c + 1}.${k + 1}`, perComponent),
        children: [],
      })),
    };
  });
  const used = new Set<string>();
  const visit = (list: SectionDoc[]) => list.forEach((s) => (s.actions.forEach((a) => a.champions.forEach((c) => used.add(c.organization))), visit(s.children)));
  visit(sections);
  const workGroups = groupKeys.map((key, g) => ({
    key,
    name: `${r.pick(CLUSTER_NAMES)} work group ${g + 1}`,
    description: r.next() < 0.5 ? sentence(r, 10) : null,
    leadOrganization: r.pick(allOrgs).key,
    status: r.next() < 0.8 ? ("active" as const) : r.pick(["reorganizing", "inactive"] as const),
    sections: [`cluster-${(g % CLUSTERS) + 1}`, `cluster-${(g % CLUSTERS) + 1}-component-${(g % COMPONENTS) + 1}`],
  }));
  const partners = Array.from(new Set(Array.from({ length: 25 }, () => r.pick(allOrgs).key)));
  for (const k of [...partners, ...workGroups.map((g) => g.leadOrganization)]) used.add(k);
  const withMetrics = p === METRICS_PLAN;
  const span = withMetrics ? metricsSpan(today) : { periodStart: `${1989 + (p % 25)}-01-01`, periodEnd: `${1994 + (p % 25)}-12-31` };
  const liveActions = (list: SectionDoc[]): string[] => list.flatMap((s) => [...s.actions.filter((a) => a.retiredAt === null).map((a) => a.code), ...liveActions(s.children)]);
  const metrics = withMetrics
    ? scaleMetrics(today, {
        clusters: sections.map((s) => s.key),
        components: sections.flatMap((s) => s.children.map((c) => c.key)),
        workGroups: groupKeys,
        actions: liveActions(sections),
        // Owners among the organizations the document already carries.
        organizations: [...used],
      }).metrics
    : [];
  return {
    format: "cluster-action-tracker/plan",
    version: PLAN_DOCUMENT_VERSION,
    plan: {
      slug: `bench-plan-${pad(p, 2)}`,
      title: `Benchmark regional cluster plan ${p}`,
      region: `Benchmark region ${(p % 10) + 1}`,
      summary: sentence(r, 40),
      periodStart: span.periodStart,
      periodEnd: span.periodEnd,
      status: p % 10 === 0 ? "archived" : p % 7 === 0 ? "draft" : "active",
      sourceCitation: null,
      sourceUrl: null,
      previousPlan: p > 10 ? `bench-plan-${pad(p - 10, 2)}` : null,
    },
    // Plan 1 carries all 500 so the database has exactly that many; the rest carry what they use.
    organizations: p === 1 ? allOrgs : allOrgs.filter((o) => used.has(o.key)),
    partners,
    workGroups,
    sections,
    actions: [],
    targets: Array.from({ length: 12 }, (_, t) => ({
      description: `${r.pick(WORDS)} ${r.pick(WORDS)} purchases (NAICS ${r.int(100000, 999999)})`,
      marketSupportUsd: r.int(100_000, 900_000_000),
      source: r.next() < 0.5 ? "Benchmark leakage study" : null,
      sections: [`cluster-${(t % CLUSTERS) + 1}`],
    })),
    metrics,
    analytics: null,
  };
}

export interface GenerateSummary {
  plans: number;
  actions: number;
  organizations: number;
  progressUpdates: number;
  reportingPeriods: number;
  metrics: number;
  measurements: number;
  // As the app judges them on the day of generation (the day of the run).
  metricStatuses: StatusMix;
  ms: number;
}

// Writes the whole data set into a new database file and closes it, so the
// server process opens a complete, checkpointed file.
export function generateScaleData(file: string, today = todayIso()): GenerateSummary {
  const t0 = performance.now();
  const db = openDatabase(file);
  migrateDatabase(db);
  setDb(db); // importPlan uses getDb()
  const orgs = organizationDocs();
  const actor = systemActor("bench");
  let metricStatuses: StatusMix | undefined;
  for (let p = 1; p <= SCALE.plans; p++) {
    const document = planDocument(p, orgs, today);
    if (p === METRICS_PLAN) metricStatuses = statusMix(document.metrics, today);
    importPlan(actor, { document });
  }

  const r = prng(42);
  db.transaction((tx) => {
    const planRows = tx.select({ id: plans.id }).from(plans).orderBy(asc(plans.id)).all();
    const periodsByPlan = new Map<number, number[]>();
    for (const { id: planId } of planRows) {
      const rows = Array.from({ length: PERIODS }, (_, q) => ({
        planId,
        label: `${2023 + Math.floor(q / 4)}-Q${(q % 4) + 1}`,
        startDate: `${2023 + Math.floor(q / 4)}-${pad((q % 4) * 3 + 1, 2)}-01`,
        endDate: `${2023 + Math.floor(q / 4)}-${pad((q % 4) * 3 + 3, 2)}-28`,
        deadline: `${2023 + Math.floor((q + 1) / 4)}-${pad(((q + 1) % 4) * 3 + 1, 2)}-15`,
        status: q === PERIODS - 1 ? ("open" as const) : ("closed" as const),
        isCurrent: q === PERIODS - 1,
      }));
      periodsByPlan.set(planId, tx.insert(reportingPeriods).values(rows).returning({ id: reportingPeriods.id }).all().map((x) => x.id));
    }

    const insert = tx
      .insert(progressUpdates)
      .values({
        actionId: sql.placeholder("actionId"),
        periodId: sql.placeholder("periodId"),
        status: sql.placeholder("status"),
        percentComplete: sql.placeholder("percent"),
        narrative: sql.placeholder("narrative"),
        reviewState: sql.placeholder("review"),
        createdAt: sql.placeholder("at"),
        updatedAt: sql.placeholder("at"),
      })
      .prepare();
    const actionRows = tx.select({ id: actions.id, planId: actions.planId, status: actions.status, pct: actions.percentComplete }).from(actions).orderBy(asc(actions.id)).all();
    const perAction = Math.floor(SCALE.progressUpdates / actionRows.length);
    const base = Date.UTC(2023, 0, 5);
    for (const a of actionRows) {
      const periods = periodsByPlan.get(a.planId)!;
      for (let k = 0; k < perAction; k++) {
        const last = k === perAction - 1;
        insert.run({
          actionId: a.id,
          periodId: periods[Math.max(0, periods.length - 1 - (perAction - 1 - k) * 2)]!,
          // The newest update agrees with the action's current status and percent.
          status: last ? a.status : r.pick(ACTION_STATUSES),
          percent: Math.round((a.pct * (k + 1)) / perAction),
          narrative: sentence(r, r.int(10, 40)),
          review: last ? "submitted" : r.pick(REVIEW_STATES),
          at: new Date(base + k * 70 * 86_400_000 + r.int(0, 86_400_000)).toISOString(),
        });
      }
    }
  });

  const count = (table: string) => (db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  const summary = {
    plans: count("plans"),
    actions: count("actions"),
    organizations: count("organizations"),
    progressUpdates: count("progress_updates"),
    reportingPeriods: count("reporting_periods"),
    metrics: count("metrics"),
    measurements: count("measurements"),
    metricStatuses: metricStatuses!,
    ms: Math.round(performance.now() - t0),
  };
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.close();
  return summary;
}

// Guard against a silently broken generator: the figures are the point.
export function assertScale(s: GenerateSummary) {
  const want = { plans: SCALE.plans, actions: SCALE.plans * SCALE.actionsPerPlan, organizations: SCALE.organizations, progressUpdates: SCALE.progressUpdates };
  for (const [k, v] of Object.entries(want)) {
    if (s[k as keyof typeof want] !== v) throw new Error(`Scale data: expected ${v} ${k}, generated ${s[k as keyof typeof want]}`);
  }
  if (s.metrics !== SCALE_METRICS.metrics) throw new Error(`Scale data: expected ${SCALE_METRICS.metrics} metrics, generated ${s.metrics}`);
  if (s.measurements < SCALE_METRICS.minMeasurements) throw new Error(`Scale data: expected >= ${SCALE_METRICS.minMeasurements} measurements, generated ${s.measurements}`);
}
