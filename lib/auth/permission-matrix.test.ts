import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { eq } from "drizzle-orm";
import { actions, measurements, metrics, plans, reportingPeriods, sections, users, workGroupMembers, workGroups } from "@/db/schema";
import { acknowledgeReport, createReportDraft, publishReport, supersedeReport } from "@/lib/reports/service";
import { metricFormValues } from "@/lib/metrics/form-values";
import { correctMeasurement, createMetric, recordMeasurement, setMetricRetired, updateMetric } from "@/lib/metrics/service";
import { seedDefaultData } from "@/db/seed/seed";
import { addDefaultAnalytics } from "@/db/seed/sjv-analytics";
import { definitionFormValues } from "@/lib/analytics/definition-schema";
import { removeClusterDefinition, saveClusterDefinition, savePlanRegion, saveRegion } from "@/lib/analytics/definitions";
import { analyticsSetup } from "@/lib/analytics/setup";
import { championIdsFor } from "@/lib/actions/edit-queries";
import { actionFormValues } from "@/lib/actions/schema";
import { createAction, moveAction, setActionRetired, updateAction } from "@/lib/actions/service";
import { createOrganization, setOrganizationRetired, updateOrganization } from "@/lib/organizations/service";
import { createSection, moveSection, setSectionRetired, updateSection } from "@/lib/sections/service";
import { createTarget, moveTarget, setTargetRetired, updateTarget } from "@/lib/targets/service";
import { createWorkGroup, moveWorkGroup, setWorkGroupRetired, updateWorkGroup } from "@/lib/work-groups/service";
import { AppError } from "@/lib/errors";
import { importPlan } from "@/lib/plans/import";
import { sjvSap2006 } from "@/db/seed/sjv-plans";
import { changeUserRole, createUser, inviteUser, issuePasswordReset, setMembership, setUserActive } from "@/lib/users/service";
import { runReminders } from "@/lib/reminders/service";
import { addComment } from "@/lib/comments/service";
import { loadUserActor } from "./session";
import { ANONYMOUS, systemActor, type Actor } from "./actor";

// Every role × every mutation × own/other work group. Each case runs the
// service directly and checks allowed or denied; a denial must leave every
// table exactly as it was. (The e2e suite posts the same server actions
// without the UI.)

type Role = "admin" | "lead" | "contributor" | "viewer" | "anonymous";
type Target = "own" | "other";

interface World {
  actors: Record<Role, Actor>;
  planId: number;
  groups: Record<Target, number>;
  actions: Record<Target, { id: number; version: number }>;
  someoneId: number;
  // Plan records for the plan.edit mutations; the empty ones can be retired.
  sectionId: number;
  emptySectionId: number;
  emptyGroupId: number;
  organizationId: number;
  targetId: number;
  // A metric owned by each group, with one recorded value (2013) to correct.
  metrics: Record<Target, { id: number; version: number; measurementId: number }>;
  // A period with no report yet, and a published report of another period.
  periodId: number;
  publishedReportId: number;
}

function setUp(): World {
  seedDefaultData();
  addDefaultAnalytics();
  const sqlite = getDb().$client;
  const group = (key: string) => (sqlite.prepare("select id from work_groups where key = ?").get(key) as { id: number }).id;
  const groups = { own: group("energy-wg"), other: group("health-wellness-wg") };
  // An action with a live sibling in its section, so it can be moved.
  const actionIn = (groupId: number) =>
    sqlite
      .prepare("select a.id, a.version from actions a where a.work_group_id = ? and exists (select 1 from actions b where b.plan_id = a.plan_id and b.section_id is a.section_id and b.id <> a.id) order by a.id limit 1")
      .get(groupId) as { id: number; version: number };
  const db = getDb();
  const make = (role: "admin" | "lead" | "contributor" | "viewer", membership?: "lead" | "member") => {
    const u = db.insert(users).values({ email: `${role}@example.org`, name: `The ${role}`, role }).returning().get();
    if (membership) db.insert(workGroupMembers).values({ workGroupId: groups.own, userId: u.id, role: membership }).run();
    return loadUserActor(u.id)!;
  };
  const actors: Record<Role, Actor> = { admin: make("admin"), lead: make("lead", "lead"), contributor: make("contributor", "member"), viewer: make("viewer"), anonymous: ANONYMOUS };
  const someone = db.insert(users).values({ email: "someone@example.org", name: "Someone", role: "viewer" }).returning().get();
  const planId = (sqlite.prepare("select id from plans where slug = 'sjv-2012'").get() as { id: number }).id;
  const metricOf = (groupId: number) => {
    const m = db.insert(metrics).values({ planId, key: `m-${groupId}`, scope: "work_group", workGroupId: groupId, name: `Metric ${groupId}`, unit: "count" }).returning().get();
    const x = db.insert(measurements).values({ metricId: m.id, periodLabel: "2013", periodStart: "2013-01-01", periodEnd: "2013-12-31", value: 5 }).returning().get();
    return { id: m.id, version: m.version, measurementId: x.id };
  };
  const first = (sql: string) => (sqlite.prepare(sql).get(planId) as { id: number }).id;
  return {
    actors,
    planId,
    groups,
    actions: { own: actionIn(groups.own), other: actionIn(groups.other) },
    someoneId: someone.id,
    sectionId: first("select id from sections where plan_id = ? and parent_id is null order by position, id limit 1"),
    emptySectionId: db.insert(sections).values({ planId, key: "empty", title: "Empty", position: 99 }).returning().get().id,
    emptyGroupId: db.insert(workGroups).values({ planId, key: "empty-wg", name: "Empty group", position: 99 }).returning().get().id,
    organizationId: first("select o.id from organizations o join action_champions c on c.organization_id = o.id join actions a on a.id = c.action_id where a.plan_id = ? order by o.id limit 1"),
    targetId: first("select id from targets where plan_id = ? order by position, id limit 1"),
    metrics: { own: metricOf(groups.own), other: metricOf(groups.other) },
    ...reports(planId),
  };
}

function reports(planId: number) {
  const db = getDb();
  const period = (label: string, startDate: string, endDate: string) => db.insert(reportingPeriods).values({ planId, label, startDate, endDate, deadline: endDate, status: "open" }).returning().get().id;
  const q3 = period("2026 Q3", "2026-07-01", "2026-09-30");
  const staff = systemActor("setup");
  const draft = createReportDraft(staff, { periodId: q3 });
  publishReport(staff, { reportId: draft.id, version: draft.version });
  return { periodId: period("2026 Q4", "2026-10-01", "2026-12-31"), publishedReportId: draft.id };
}

// The action's edit form as it was opened, with one field changed.
function actionForm(actionId: number, change: Record<string, unknown>) {
  const action = getDb().select().from(actions).where(eq(actions.id, actionId)).get()!;
  return { ...actionFormValues(action, championIdsFor(actionId)), actionId, version: action.version, ...change };
}

// The SJV plan's Water Technology definition, and the plan's region, as their forms open.
const water = (w: World) => analyticsSetup(getDb(), w.planId).clusters.find((c) => c.key === "water-technology")!;
const planVersion = (w: World) => getDb().select({ version: plans.version }).from(plans).where(eq(plans.id, w.planId)).get()!.version;
const sjvRegion = (w: World) => analyticsSetup(getDb(), w.planId).region!;

// Moves go down, or up for the last of its siblings.
function moveEither(move: (input: unknown) => { moved: boolean }, input: Record<string, unknown>) {
  if (!move({ ...input, direction: "down" }).moved) move({ ...input, direction: "up" });
}

type Mutation = { name: string; allowed: Partial<Record<Role, Target[]>>; run: (w: World, actor: Actor, target: Target) => unknown };

const BOTH: Target[] = ["own", "other"];
const adminOnly = { admin: BOTH };

const MUTATIONS: Mutation[] = [
  {
    name: "createAction",
    allowed: { admin: BOTH, lead: ["own"] },
    run: (w, a, t) => createAction(a, { planId: w.planId, code: `NEW-${t}`, text: "A new action.", sectionId: w.sectionId, workGroupId: w.groups[t], champions: [{ organizationId: w.organizationId, role: "lead" }] }),
  },
  { name: "updateAction", allowed: { admin: BOTH, lead: ["own"] }, run: (w, a, t) => updateAction(a, actionForm(w.actions[t].id, { leadPerson: "Pat Changed" })) },
  { name: "moveAction", allowed: { admin: BOTH, lead: ["own"] }, run: (w, a, t) => moveEither((i) => moveAction(a, i), { actionId: w.actions[t].id }) },
  { name: "setActionRetired", allowed: { admin: BOTH, lead: ["own"] }, run: (w, a, t) => setActionRetired(a, { actionId: w.actions[t].id, version: w.actions[t].version, retired: "true" }) },
  { name: "createSection", allowed: adminOnly, run: (w, a, t) => createSection(a, { planId: w.planId, parentId: "", kind: "cluster", title: `New cluster ${t}` }) },
  { name: "updateSection", allowed: adminOnly, run: (w, a) => updateSection(a, { sectionId: w.sectionId, version: 1, parentId: "", kind: "cluster", title: "Renamed cluster" }) },
  { name: "moveSection", allowed: adminOnly, run: (w, a) => moveEither((i) => moveSection(a, i), { sectionId: w.sectionId }) },
  { name: "setSectionRetired", allowed: adminOnly, run: (w, a) => setSectionRetired(a, { sectionId: w.emptySectionId, version: 1, retired: "true" }) },
  { name: "createWorkGroup", allowed: adminOnly, run: (w, a, t) => createWorkGroup(a, { planId: w.planId, key: `new-${t}-wg`, name: `New group ${t}`, status: "active", sectionIds: String(w.sectionId) }) },
  { name: "updateWorkGroup", allowed: adminOnly, run: (w, a, t) => updateWorkGroup(a, { workGroupId: w.groups[t], version: 1, key: `renamed-${t}-wg`, name: "Renamed group", status: "reorganizing", sectionIds: "" }) },
  { name: "moveWorkGroup", allowed: adminOnly, run: (w, a, t) => moveEither((i) => moveWorkGroup(a, i), { workGroupId: w.groups[t] }) },
  { name: "setWorkGroupRetired", allowed: adminOnly, run: (w, a) => setWorkGroupRetired(a, { workGroupId: w.emptyGroupId, version: 1, retired: "true" }) },
  { name: "createOrganization", allowed: adminOnly, run: (_w, a, t) => createOrganization(a, { name: `New Partner ${t}`, type: "nonprofit", website: "https://example.org" }) },
  { name: "updateOrganization", allowed: adminOnly, run: (w, a) => updateOrganization(a, { organizationId: w.organizationId, version: 1, name: "Renamed Partner", type: "business" }) },
  { name: "setOrganizationRetired", allowed: adminOnly, run: (w, a) => setOrganizationRetired(a, { organizationId: w.organizationId, version: 1, retired: "true" }) },
  { name: "createTarget", allowed: adminOnly, run: (w, a, t) => createTarget(a, { planId: w.planId, description: `New market ${t}`, marketSupportUsd: "$1,000", sectionIds: [w.sectionId] }) },
  { name: "updateTarget", allowed: adminOnly, run: (w, a) => updateTarget(a, { targetId: w.targetId, version: 1, description: "Changed market", marketSupportUsd: 5, sectionIds: [] }) },
  { name: "moveTarget", allowed: adminOnly, run: (w, a) => moveEither((i) => moveTarget(a, i), { targetId: w.targetId }) },
  { name: "setTargetRetired", allowed: adminOnly, run: (w, a) => setTargetRetired(a, { targetId: w.targetId, version: 1, retired: "true" }) },
  {
    name: "setMembership",
    allowed: { admin: BOTH, lead: ["own"] },
    run: (w, a, t) => setMembership(a, { workGroupId: w.groups[t], userId: w.someoneId, role: "member" }),
  },
  { name: "inviteUser", allowed: adminOnly, run: (w, a, t) => inviteUser(a, { email: `new-${t}@example.org`, role: "contributor", workGroupIds: [String(w.groups[t])] }) },
  { name: "createUser", allowed: adminOnly, run: (w, a, t) => createUser(a, { email: `made-${t}@example.org`, name: "Made", role: "viewer", workGroupIds: [String(w.groups[t])] }) },
  { name: "setUserActive", allowed: adminOnly, run: (w, a) => setUserActive(a, { userId: w.someoneId, isActive: "false" }) },
  { name: "changeUserRole", allowed: adminOnly, run: (w, a) => changeUserRole(a, { userId: w.someoneId, role: "lead" }) },
  { name: "issuePasswordReset", allowed: adminOnly, run: (w, a) => issuePasswordReset(a, { userId: w.someoneId }) },
  { name: "importPlan", allowed: adminOnly, run: (_w, a, t) => importPlan(a, { document: sjvSap2006, slug: `copy-${t}` }) },
  { name: "runReminders", allowed: adminOnly, run: (_w, a) => runReminders(a) },
  {
    name: "createMetric",
    allowed: { admin: BOTH, lead: ["own"] },
    run: (w, a, t) => createMetric(a, { planId: w.planId, name: `New metric ${t}`, scope: "work_group", workGroupId: String(w.groups[t]), unit: "jobs", direction: "up", frequency: "annual" }),
  },
  {
    name: "updateMetric",
    allowed: { admin: BOTH, lead: ["own"] },
    run: (w, a, t) => {
      const m = getDb().select().from(metrics).where(eq(metrics.id, w.metrics[t].id)).get()!;
      return updateMetric(a, { ...metricFormValues(m), metricId: m.id, version: m.version, name: "Renamed metric" });
    },
  },
  { name: "setMetricRetired", allowed: { admin: BOTH, lead: ["own"] }, run: (w, a, t) => setMetricRetired(a, { metricId: w.metrics[t].id, version: w.metrics[t].version, retired: "true" }) },
  { name: "recordMeasurement", allowed: { admin: BOTH, lead: ["own"], contributor: ["own"] }, run: (w, a, t) => recordMeasurement(a, { metricId: w.metrics[t].id, period: "2014", value: "7" }) },
  {
    name: "correctMeasurement",
    allowed: { admin: BOTH, lead: ["own"], contributor: ["own"] },
    run: (w, a, t) => correctMeasurement(a, { measurementId: w.metrics[t].measurementId, value: "6", correctionNote: "Revised" }),
  },
  { name: "createReportDraft", allowed: adminOnly, run: (w, a) => createReportDraft(a, { periodId: w.periodId }) },
  { name: "supersedeReport", allowed: adminOnly, run: (w, a) => supersedeReport(a, { reportId: w.publishedReportId, changeNote: "A correction" }) },
  { name: "acknowledgeReport", allowed: { admin: BOTH, lead: BOTH, contributor: BOTH, viewer: BOTH }, run: (w, a) => acknowledgeReport(a, { reportId: w.publishedReportId }) },
  { name: "saveClusterDefinition", allowed: adminOnly, run: (w, a) => saveClusterDefinition(a, { sectionId: water(w).sectionId, version: water(w).version, ...definitionFormValues(water(w)), note: "Changed" }) },
  { name: "removeClusterDefinition", allowed: adminOnly, run: (w, a) => removeClusterDefinition(a, { sectionId: water(w).sectionId, version: water(w).version }) },
  { name: "savePlanRegion", allowed: adminOnly, run: (w, a) => savePlanRegion(a, { planId: w.planId, version: planVersion(w), regionId: String(sjvRegion(w).id), referenceArea: "US000" }) },
  { name: "saveRegion", allowed: adminOnly, run: (w, a) => saveRegion(a, { regionId: sjvRegion(w).id, version: sjvRegion(w).version, name: "Renamed region", areas: "06019" }) },
  { name: "addComment", allowed: { admin: BOTH, lead: BOTH, contributor: BOTH, viewer: BOTH }, run: (w, a, t) => addComment(a, { actionId: w.actions[t].id, body: "A question" }) },
];

const ROLES: Role[] = ["admin", "lead", "contributor", "viewer", "anonymous"];
const TABLES = ["cluster_definitions", "cluster_codes", "regions", "region_areas", "reports", "report_acknowledgements", "metrics", "measurements", "plans", "sections", "actions", "action_champions", "work_groups", "work_group_sections", "organizations", "targets", "target_sections", "users", "work_group_members", "account_tokens", "audit_log"];

function snapshot(): string {
  const sqlite = getDb().$client;
  return JSON.stringify(TABLES.map((t) => sqlite.prepare(`select * from ${t} order by rowid`).all()));
}

describe.each(MUTATIONS)("$name", (mutation) => {
  for (const role of ROLES) {
    for (const target of BOTH) {
      const expected = mutation.allowed[role]?.includes(target) ?? false;
      it(`${role} on ${target} work group: ${expected ? "allowed" : "denied"}`, async () => {
        const world = setUp();
        const before = snapshot();
        let error: unknown;
        try {
          await mutation.run(world, world.actors[role], target);
        } catch (e) {
          error = e;
        }
        if (expected) {
          expect(error).toBeUndefined();
          expect(snapshot()).not.toBe(before);
        } else {
          expect(error).toBeInstanceOf(AppError);
          expect((error as AppError).code).toBe(role === "anonymous" ? "UNAUTHORIZED" : "FORBIDDEN");
          expect(snapshot()).toBe(before);
        }
      });
    }
  }
});
