import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { actions, auditLog, clusterDefinitions, measurements, metrics, organizations, plans, regionAreas, regions, sections } from "@/db/schema";
import { addDefaultAnalytics } from "@/db/seed/sjv-analytics";
import { sjvPlan2012, sjvSap2006 } from "@/db/seed/sjv-plans";
import { seedDefaultData } from "@/db/seed/seed";
import { ANONYMOUS, systemActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { exportPlan } from "./export";
import { importPlan } from "./import";
import type { MetricDoc, PlanDocument } from "./document-schema";

const cli = systemActor("test");
const rowCount = (table: typeof plans | typeof actions | typeof organizations | typeof auditLog | typeof sections | typeof metrics | typeof measurements) => getDb().select({ n: count() }).from(table).get()!.n;

function catchAppError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

describe("seeding", () => {
  it("loads both plans once and is idempotent", () => {
    expect(seedDefaultData()).toEqual({ seeded: true });
    const after = { plans: rowCount(plans), actions: rowCount(actions), orgs: rowCount(organizations) };
    expect(after.plans).toBe(2);
    expect(seedDefaultData()).toEqual({ seeded: false });
    expect({ plans: rowCount(plans), actions: rowCount(actions), orgs: rowCount(organizations) }).toEqual(after);
  });

  it("links the 2012 plan to the 2006 SAP it updates", () => {
    seedDefaultData();
    const db = getDb();
    const sap = db.select().from(plans).where(eq(plans.slug, "sjv-sap-2006")).get()!;
    const current = db.select().from(plans).where(eq(plans.slug, "sjv-2012")).get()!;
    expect(current.previousPlanId).toBe(sap.id);
  });
});

describe("export and import", () => {
  it("exports exactly the seed document it was loaded from", () => {
    seedDefaultData();
    expect(exportPlan(cli, "sjv-2012")).toEqual(sjvPlan2012);
    expect(exportPlan(cli, "sjv-sap-2006")).toEqual(sjvSap2006);
  });

  it("round-trips losslessly as a new plan and reuses shared organizations", () => {
    seedDefaultData();
    const exported = exportPlan(cli, "sjv-2012");
    const orgsBefore = rowCount(organizations);
    const result = importPlan(cli, { document: JSON.parse(JSON.stringify(exported)), slug: "sjv-2012-copy" });
    expect(result.counts.organizationsCreated).toBe(0);
    expect(rowCount(organizations)).toBe(orgsBefore);
    const again = exportPlan(cli, "sjv-2012-copy");
    expect(again).toEqual({ ...exported, plan: { ...exported.plan, slug: "sjv-2012-copy" } });
  });

  it("keeps deep section trees, codes and every action field", () => {
    const doc: PlanDocument = {
      format: "cluster-action-tracker/plan",
      version: 3,
      plan: { slug: "other-region", title: "Other Region Plan", region: "Elsewhere", summary: null, periodStart: "2020-01-01", periodEnd: "2024-12-31", status: "draft", sourceCitation: null, sourceUrl: null, previousPlan: null },
      organizations: [{ key: "acme", name: "Acme Regional Council", acronym: "ARC", type: "government", website: "https://example.org/" }],
      partners: ["acme"],
      workGroups: [{ key: "wg", name: "Goal 2 Group", description: null, leadOrganization: "acme", status: "inactive", sections: ["g2-1"] }],
      sections: [
        {
          key: "g2",
          kind: "goal",
          code: "2",
          title: "Goal two",
          description: null,
          opportunities: [],
          actions: [],
          children: [
            {
              key: "g2-1",
              kind: "strategy",
              code: "2.1",
              title: "Strategy",
              description: "desc",
              opportunities: ["An opportunity"],
              actions: [
                {
                  code: "2.1.3",
                  title: "Deep action",
                  text: "Do the thing",
                  workGroup: "wg",
                  champions: [{ organization: "acme", role: "funder" }],
                  leadPerson: "Pat Lee",
                  status: "at_risk",
                  percentComplete: 40,
                  isPriority: true,
                  startDate: "2021-01-01",
                  dueDate: "2022-06-30",
                  retiredAt: "2023-01-01T00:00:00.000Z",
                },
              ],
              children: [],
            },
          ],
        },
      ],
      actions: [],
      targets: [{ description: "Widgets", marketSupportUsd: 1, source: null, sections: ["g2"] }],
      metrics: [],
      analytics: null,
    };
    importPlan(cli, { document: doc });
    expect(exportPlan(cli, "other-region")).toEqual(doc);
  });

  it("names the path of a bad field and writes nothing", () => {
    seedDefaultData();
    const before = { plans: rowCount(plans), actions: rowCount(actions), audit: rowCount(auditLog) };
    const doc = JSON.parse(JSON.stringify(sjvPlan2012));
    doc.plan.slug = "broken";
    doc.sections[1].actions[2].percentComplete = 140;
    doc.sections[1].actions[0].champions.push({ organization: "nobody", role: "lead" });
    const error = catchAppError(() => importPlan(cli, { document: doc }));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toContain("sections.1.actions");
    expect(Object.keys(error.fieldErrors!)).toEqual(expect.arrayContaining(["sections.1.actions.2.percentComplete", `sections.1.actions.0.champions.${doc.sections[1].actions[0].champions.length - 1}.organization`]));
    expect({ plans: rowCount(plans), actions: rowCount(actions), audit: rowCount(auditLog) }).toEqual(before);
  });

  it("rejects documents that are not plan documents", () => {
    expect(catchAppError(() => importPlan(cli, { document: [] })).code).toBe("INVALID_INPUT");
    expect(catchAppError(() => importPlan(cli, { document: { format: "x" } })).message).toMatch(/^Invalid plan document at /);
    const extra = { ...sjvSap2006, plan: { ...sjvSap2006.plan, surprise: 1 } };
    expect(catchAppError(() => importPlan(cli, { document: extra })).fieldErrors).toHaveProperty("plan");
  });

  it("refuses a duplicate slug with CONFLICT and writes nothing", () => {
    seedDefaultData();
    const before = rowCount(plans);
    expect(catchAppError(() => importPlan(cli, { document: sjvPlan2012 })).code).toBe("CONFLICT");
    expect(rowCount(plans)).toBe(before);
  });

  it("rolls back everything when a write fails part-way", () => {
    seedDefaultData();
    const before = { plans: rowCount(plans), sections: rowCount(sections), actions: rowCount(actions), audit: rowCount(auditLog) };
    // Targets are written last: make the database refuse them so the failure
    // comes after the plan, sections and actions were already inserted.
    getDb().$client.exec("create temp trigger refuse_targets before insert on targets begin select raise(abort, 'disk on fire'); end;");
    expect(() => importPlan(cli, { document: sjvPlan2012, slug: "late-failure" })).toThrow(/disk on fire/);
    expect({ plans: rowCount(plans), sections: rowCount(sections), actions: rowCount(actions), audit: rowCount(auditLog) }).toEqual(before);
  });

  it("writes one audit entry per import, and the audit log refuses edits", () => {
    importPlan(cli, { document: sjvSap2006 });
    const entries = getDb().select().from(auditLog).all();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: "plan.import", entityType: "plan", actorLabel: "test" });
    const sqlite = getDb().$client;
    expect(() => sqlite.prepare("update audit_log set action = 'x'").run()).toThrow(/append-only/);
    expect(() => sqlite.prepare("delete from audit_log").run()).toThrow(/append-only/);
  });

  it("refuses anonymous visitors both export and import", () => {
    seedDefaultData();
    expect(catchAppError(() => exportPlan(ANONYMOUS, "sjv-2012")).code).toBe("UNAUTHORIZED");
    expect(catchAppError(() => importPlan(ANONYMOUS, { document: sjvSap2006, slug: "x" })).code).toBe("UNAUTHORIZED");
    expect(catchAppError(() => exportPlan(cli, "missing")).code).toBe("NOT_FOUND");
  });
});

const metricDoc = (fields: Partial<MetricDoc> & Pick<MetricDoc, "key" | "name">): MetricDoc => ({
  description: null,
  scope: "plan",
  section: null,
  action: null,
  workGroup: null,
  unit: "count",
  unitLabel: null,
  direction: "up",
  baseline: null,
  target: null,
  interimTargets: [],
  tolerancePercent: 10,
  frequency: "annual",
  source: null,
  method: null,
  owner: null,
  ownerPerson: null,
  retiredAt: null,
  measurements: [],
  ...fields,
});

// A small plan with a metric of every scope: interim targets, an owner, a
// retired metric, annual and quarterly measurements.
function planWithMetrics(): PlanDocument {
  return {
    format: "cluster-action-tracker/plan",
    version: 3,
    plan: { slug: "metric-region", title: "Metric Region Plan", region: "Elsewhere", summary: null, periodStart: "2020-01-01", periodEnd: "2024-12-31", status: "active", sourceCitation: null, sourceUrl: null, previousPlan: null },
    organizations: [{ key: "acme-data", name: "Acme Data Cooperative", acronym: null, type: "nonprofit", website: null }],
    partners: [],
    workGroups: [{ key: "jobs-wg", name: "Jobs Group", description: null, leadOrganization: null, status: "active", sections: ["jobs"] }],
    sections: [
      {
        key: "jobs",
        kind: "cluster",
        code: null,
        title: "Jobs",
        description: null,
        opportunities: [],
        actions: [{ code: "J-1", title: "Train installers", text: "Train installers", workGroup: "jobs-wg", champions: [], leadPerson: null, status: "on_track", percentComplete: 20, isPriority: false, startDate: null, dueDate: null, retiredAt: null }],
        children: [],
      },
    ],
    actions: [],
    targets: [],
    metrics: [
      metricDoc({
        key: "regional-gdp",
        name: "Regional GDP",
        description: "Gross domestic product of the region.",
        unit: "usd",
        baseline: { date: "2019-12-31", value: 100_000_000_000 },
        target: { date: "2024-12-31", value: 125_000_000_000 },
        interimTargets: [
          { date: "2021-12-31", value: 108_000_000_000 },
          { date: "2022-12-31", value: 112_500_000_000 },
        ],
        tolerancePercent: 2.5,
        source: "Bureau of Economic Analysis",
        method: "Chained dollars.",
        owner: "acme-data",
        ownerPerson: "Pat Lee",
        measurements: [
          { period: "2020", value: 98_500_000_000, note: "Pandemic year", source: "BEA, 2021 release" },
          { period: "2021", value: 104_250_000_000.5, note: null, source: null },
        ],
      }),
      metricDoc({ key: "group-owned", name: "Plan metric owned by a group", workGroup: "jobs-wg" }),
      metricDoc({
        key: "jobs-unemployment",
        name: "Unemployment rate",
        scope: "section",
        section: "jobs",
        unit: "percent",
        direction: "down",
        frequency: "quarterly",
        baseline: { date: "2020-03-31", value: 9.5 },
        target: { date: "2023-12-31", value: 6 },
        measurements: [
          { period: "2020 Q2", value: 12.25, note: null, source: null },
          { period: "2020 Q3", value: 11, note: "Seasonally adjusted", source: null },
        ],
      }),
      metricDoc({ key: "acres-restored", name: "Acres restored", scope: "work_group", workGroup: "jobs-wg", unit: "other", unitLabel: "acres", retiredAt: "2023-06-30T12:00:00.000Z", measurements: [{ period: "2021", value: 12, note: null, source: null }] }),
      metricDoc({ key: "installers-placed", name: "Installers placed", scope: "action", action: "J-1", unit: "jobs", measurements: [{ period: "2022", value: 40, note: null, source: "Programme records" }] }),
    ],
    analytics: null,
  };
}

describe("metrics in the plan document", () => {
  it("round-trips metrics of every scope with their targets, owner and measurements, under another slug too", () => {
    const doc = planWithMetrics();
    const result = importPlan(cli, { document: JSON.parse(JSON.stringify(doc)) });
    expect(result.counts).toMatchObject({ metrics: 5, measurements: 6 });
    const exported = exportPlan(cli, "metric-region");
    expect(exported).toEqual(doc);

    importPlan(cli, { document: JSON.parse(JSON.stringify(exported)), slug: "metric-region-copy" });
    expect(exportPlan(cli, "metric-region-copy")).toEqual({ ...exported, plan: { ...exported.plan, slug: "metric-region-copy" } });
    // The copy's metrics point at the copy's own sections, groups and actions.
    const copy = getDb().select().from(plans).where(eq(plans.slug, "metric-region-copy")).get()!;
    const action = getDb().select().from(metrics).where(eq(metrics.key, "installers-placed")).all().find((m) => m.planId === copy.id)!;
    expect(getDb().select().from(actions).where(eq(actions.id, action.actionId!)).get()!.planId).toBe(copy.id);
  });

  it("round-trips the SJV plan with values entered for its default metrics", () => {
    seedDefaultData();
    const doc = JSON.parse(JSON.stringify(sjvPlan2012)) as PlanDocument;
    doc.plan.slug = "sjv-with-values";
    doc.metrics.find((m) => m.key === "energy-employment")!.measurements = [
      { period: "2013", value: 41_250, note: "Annual average", source: "EDD QCEW" },
      { period: "2014", value: 42_100, note: null, source: null },
    ];
    importPlan(cli, { document: doc });
    const exported = exportPlan(cli, "sjv-with-values");
    expect(exported).toEqual(doc);
    importPlan(cli, { document: exported, slug: "sjv-with-values-2" });
    expect(exportPlan(cli, "sjv-with-values-2")).toEqual({ ...doc, plan: { ...doc.plan, slug: "sjv-with-values-2" } });
  });

  it("still imports a version 1 document, which has no metrics", () => {
    const { metrics: _none, ...rest } = planWithMetrics();
    // Its organization was only a metric's owner, so the document has none.
    const v1 = { ...rest, version: 1, organizations: [], plan: { ...rest.plan, slug: "old-format" } };
    const result = importPlan(cli, { document: v1 });
    expect(result.counts).toMatchObject({ metrics: 0, measurements: 0, actions: 1 });
    expect(exportPlan(cli, "old-format")).toEqual({ ...v1, version: 3, metrics: [], analytics: null });
  });

  it("names the path of every bad metric reference and value, and writes nothing", () => {
    seedDefaultData();
    const before = { plans: rowCount(plans), metrics: rowCount(metrics), measurements: rowCount(measurements), audit: rowCount(auditLog) };
    const doc = planWithMetrics();
    doc.metrics[0]!.owner = "nobody";
    doc.metrics[0]!.measurements[1]!.period = "2021 Q1";
    doc.metrics[1]!.workGroup = "no-group";
    doc.metrics[2]!.section = "no-section";
    doc.metrics[2]!.measurements[1]!.period = "2020-Q2";
    doc.metrics[2]!.measurements[0]!.value = 101;
    doc.metrics[3]!.scope = "section";
    doc.metrics[4]!.action = "J-404";
    doc.metrics.push(metricDoc({ key: "regional-gdp", name: "Twice" }));
    const error = catchAppError(() => importPlan(cli, { document: doc }));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toMatch(/^Invalid plan document at metrics\./);
    expect(error.fieldErrors).toEqual({
      "metrics.0.owner": ['unknown organization "nobody"'],
      "metrics.0.measurements.1.period": ["a year like 2014"],
      "metrics.1.workGroup": ['unknown work group "no-group"'],
      "metrics.2.section": ['unknown section "no-section"'],
      "metrics.2.measurements.0.value": ["A percent is from 0 to 100."],
      "metrics.2.measurements.1.period": ["2020 Q2 is listed twice"],
      "metrics.3.section": ["a section metric names its section"],
      "metrics.4.action": ['unknown action "J-404"'],
      "metrics.5.key": ['duplicate key "regional-gdp"'],
    });
    expect({ plans: rowCount(plans), metrics: rowCount(metrics), measurements: rowCount(measurements), audit: rowCount(auditLog) }).toEqual(before);
  });
});

describe("action history", () => {
  it("refuses to delete an action that has progress updates, but allows retiring it", () => {
    seedDefaultData();
    const sqlite = getDb().$client;
    const [first, second] = sqlite.prepare("select id from actions order by id limit 2").all() as { id: number }[];
    sqlite.prepare("insert into progress_updates (action_id, status, percent_complete, narrative) values (?, 'on_track', 10, 'started')").run(first!.id);
    expect(() => sqlite.prepare("delete from actions where id = ?").run(first!.id)).toThrow(/retire it instead/);
    expect(() => sqlite.prepare("delete from plans where slug = 'sjv-2012'").run()).toThrow(/retire it instead/);
    sqlite.prepare("update actions set retired_at = '2026-01-01T00:00:00.000Z' where id = ?").run(first!.id);
    // An action without history may still be removed (e.g. a mistaken entry).
    expect(sqlite.prepare("delete from actions where id = ?").run(second!.id).changes).toBe(1);
  });
});

describe("employment analytics in the plan document", () => {
  const sjvWithAnalytics = () => {
    seedDefaultData();
    addDefaultAnalytics();
    return exportPlan(cli, "sjv-2012");
  };

  it("carries the region, the reference area and every cluster definition, and round-trips them, reusing the shared region", () => {
    const exported = sjvWithAnalytics();
    const analytics = exported.analytics!;
    expect(analytics.region).toMatchObject({ key: "san-joaquin-valley", areas: expect.arrayContaining([{ code: "06019", title: "Fresno County, California" }]) });
    expect(analytics.region!.areas).toHaveLength(8);
    expect(analytics.referenceArea).toBe("06000");
    expect(analytics.clusters.map((c) => [c.section, c.metric, c.startingPoint])).toContainEqual(["agriculture", "agriculture-employment", true]);
    expect(analytics.clusters).toHaveLength(7);
    const regionsBefore = getDb().select().from(regions).all();
    const result = importPlan(cli, { document: JSON.parse(JSON.stringify(exported)), slug: "sjv-analytics-copy" });
    expect(result.counts.clusters).toBe(7);
    expect(result.warnings).toEqual([]);
    expect(getDb().select().from(regions).all()).toEqual(regionsBefore);
    expect(exportPlan(cli, "sjv-analytics-copy")).toEqual({ ...exported, plan: { ...exported.plan, slug: "sjv-analytics-copy" } });
    // The copy's definitions feed the copy's own metrics.
    const copy = getDb().select().from(plans).where(eq(plans.slug, "sjv-analytics-copy")).get()!;
    const fed = getDb().select({ planId: metrics.planId }).from(clusterDefinitions).innerJoin(metrics, eq(metrics.id, clusterDefinitions.metricId)).innerJoin(sections, eq(sections.id, clusterDefinitions.sectionId)).where(eq(sections.planId, copy.id)).all();
    expect(fed.map((m) => m.planId)).toEqual(Array(7).fill(copy.id));
  });

  it("never changes a shared region: a region with the same key and other areas gets a new key, with a warning", () => {
    const exported = sjvWithAnalytics();
    const doc = JSON.parse(JSON.stringify(exported)) as PlanDocument;
    doc.analytics!.region!.areas = [{ code: "06019", title: null }, { code: "06029", title: null }];
    const before = getDb().select().from(regionAreas).all();
    const result = importPlan(cli, { document: doc, slug: "two-counties" });
    expect(result.warnings).toEqual(['A region "san-joaquin-valley" with other areas is already here; the plan\'s region was added as "san-joaquin-valley-2".']);
    expect(getDb().select().from(regionAreas).all().filter((r) => before.some((b) => b.regionId === r.regionId))).toEqual(before);
    expect(exportPlan(cli, "two-counties").analytics!.region).toMatchObject({ key: "san-joaquin-valley-2", areas: [{ code: "06019", title: "Fresno County, California" }, { code: "06029", title: "Kern County, California" }] });
  });

  it("names the path of every bad analytics field and writes nothing", () => {
    const doc = JSON.parse(JSON.stringify(sjvWithAnalytics())) as PlanDocument;
    doc.plan.slug = "bad-analytics";
    const analytics = doc.analytics!;
    analytics.referenceArea = "6000";
    analytics.clusters[0]!.section = "nowhere";
    analytics.clusters[1]!.metric = "no-such-metric";
    analytics.clusters[2]!.codes = [{ code: "311", component: "" }, { code: "3114", component: "Processing" }, { code: "311", component: "" }];
    analytics.clusters[3]!.codes = [{ code: "31", component: "" }];
    analytics.clusters[4]!.section = "agriculture-production";
    analytics.clusters[5]!.metric = analytics.clusters[0]!.metric;
    doc.metrics.find((m) => m.key === "valley-industry-output")!.frequency = "quarterly";
    analytics.clusters[6]!.metric = "valley-industry-output";
    const plansBefore = rowCount(plans);
    const error = catchAppError(() => importPlan(cli, { document: doc }));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.fieldErrors).toMatchObject({
      "analytics.referenceArea": [expect.stringContaining("a BLS area code")],
      "analytics.clusters.0.section": ['unknown section "nowhere"'],
      "analytics.clusters.1.metric": ['unknown metric "no-such-metric"'],
      "analytics.clusters.2.codes.1.code": ["3114 lies inside 311, also listed, which already counts its jobs"],
      "analytics.clusters.2.codes.2.code": ["311 is listed twice; a code counts once in a cluster"],
      "analytics.clusters.3.codes.0.code": [expect.stringContaining("31-33")],
      "analytics.clusters.4.section": ['section "agriculture-production" is not a top-level section; only those can be clusters'],
      "analytics.clusters.5.metric": [`metric "${analytics.clusters[0]!.metric}" already has a cluster feeding it`],
      "analytics.clusters.6.metric": ['metric "valley-industry-output" is not annual; cluster employment is a yearly figure'],
    });
    expect(rowCount(plans)).toBe(plansBefore);
  });
});
