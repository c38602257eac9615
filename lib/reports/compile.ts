import { and, asc, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { actionChampions, actions, metrics, organizations, plans, progressUpdates, reportingPeriods, sections, users, workGroups, type Metric, type ReportingPeriod } from "@/db/schema";
import { ACTION_STATUSES, type ActionStatus, type ChampionRole } from "@/db/schema/enums";
import { AppError } from "@/lib/errors";
import { chartInput, clustersOf, countStatuses, judge, planShape, pointsOf, type Judged } from "@/lib/metrics/queries";
import { getPeriod, getPreviousPeriod } from "@/lib/periods/queries";
import type { CompiledReport, ReportAction, ReportCluster, ReportMetric, StatusCounts } from "./compiled";

// Compiles a quarterly report (issue #6) for one reporting period from the
// plan's data. A pure read: nothing is written, and the number of queries is
// fixed however large the plan (every list is read for the whole plan at once
// and sorted out in memory), so a 200-action plan with years of updates
// compiles in milliseconds.
//
// The rules, where the issue leaves them open:
// - Actions are the plan's live (not retired) actions, in plan order: sections
//   depth first by position (a section's own actions before its sub-sections'),
//   actions by position within their section, then the plan-level actions.
// - Status and percent "as of a period" come from the action's latest counted
//   update (accepted; also submitted when the plan counts submitted updates)
//   whose period ends on or before that period's end, latest by the periods'
//   order as in lib/updates/rollup.ts. With none, the action's own status from
//   the plan, unless a counted update of a LATER period exists: then the
//   stored status is that later update rolled up, not the plan's, and the
//   action was not started as of the period (not_started, 0%). So an update
//   in a later period never changes an earlier report.
// - An action's `update` is its update for this period in any review state;
//   "updated" means a submitted or accepted update for the period, whatever the
//   plan's counting setting (a draft or a returned update is not reporting).
// - Deltas are this period's counts minus the previous period's (the period
//   starting latest before this one), both counted over the actions live now,
//   so a delta shows status changes, not actions added or retired. With no
//   previous period, every delta is zero and previousPeriod is null.
// - Clusters are the live top-level sections, in order; actions of their
//   sub-sections count in them. A cluster's metrics are the live metrics about
//   any section of its tree (lib/metrics/queries.ts clustersOf).
// - Champions of a cluster: each organization championing any of its actions,
//   once, with its most senior role there (lead, then funder, then partner)
//   and the number of the cluster's actions it champions; most actions first,
//   then by name.
// - Metrics are judged as of the period's end date (staleness then) from the
//   current values of periods ending on or before it; the charts show those
//   values only, so a value entered for a later period changes nothing.
// - Silent for two periods: no submitted or accepted update in this period nor
//   in the previous one; with no previous period, this period alone decides.
//   Actions completed or deferred as of the period owe none and are left out.
// - Next steps are the plan-level actions (no section). The appendix lists the
//   live work groups by position with their live actions and how many of those
//   are updated this period.

const COUNTED_WHEN_SUBMITTED = new Set(["accepted", "submitted"]);
const COUNTED = new Set(["accepted"]);
const REPORTING = new Set(["accepted", "submitted"]);
// Completed and deferred actions owe no updates, so their silence needs no attention.
const FINISHED = new Set<ActionStatus>(["completed", "deferred"]);
const ROLE_RANK: Record<ChampionRole, number> = { lead: 0, funder: 1, partner: 2 };

const emptyCounts = (): StatusCounts => Object.fromEntries(ACTION_STATUSES.map((s) => [s, 0])) as StatusCounts;

function countOf(list: { status: ActionStatus }[]): StatusCounts {
  const counts = emptyCounts();
  for (const a of list) counts[a.status]++;
  return counts;
}

const minus = (a: StatusCounts, b: StatusCounts | null): StatusCounts =>
  Object.fromEntries(ACTION_STATUSES.map((s) => [s, b ? a[s] - b[s] : 0])) as StatusCounts;

type UpdateRow = { actionId: number; periodId: number; endDate: string; startDate: string; updatedAt: string; status: ActionStatus; percent: number; reviewState: string };

/** The latest counted update of an action ending on or before `end`, from its updates sorted latest first. */
const latestCountedBy = (rows: UpdateRow[], counted: Set<string>, end: string) => rows.find((u) => counted.has(u.reviewState) && u.endDate <= end);

export function compileReport(periodId: number, now: Date = new Date()): CompiledReport {
  const db = getDb();
  const period = getPeriod(periodId);
  if (!period) throw new AppError("NOT_FOUND", "No such reporting period.");
  const plan = db.select().from(plans).where(eq(plans.id, period.planId)).get();
  if (!plan) throw new AppError("NOT_FOUND", "No such plan.");
  const previous: ReportingPeriod | undefined = getPreviousPeriod(period);
  const counted = plan.countSubmittedUpdates ? COUNTED_WHEN_SUBMITTED : COUNTED;

  // ---- The plan's shape and its live actions, in plan order -----------------
  const sectionRows = db
    .select({ id: sections.id, parentId: sections.parentId, key: sections.key, title: sections.title, retiredAt: sections.retiredAt })
    .from(sections)
    .where(eq(sections.planId, plan.id))
    .orderBy(asc(sections.position), asc(sections.id))
    .all();
  const children = new Map<number | null, typeof sectionRows>();
  for (const s of sectionRows) children.set(s.parentId, [...(children.get(s.parentId) ?? []), s]);
  const rootOf = new Map<number, number>();
  const sectionOrder = new Map<number, number>();
  const visit = (list: typeof sectionRows, root: number | null) => {
    for (const s of list) {
      if (sectionOrder.has(s.id)) continue;
      sectionOrder.set(s.id, sectionOrder.size);
      rootOf.set(s.id, root ?? s.id);
      visit(children.get(s.id) ?? [], root ?? s.id);
    }
  };
  visit(children.get(null) ?? [], null);

  const actionRows = db
    .select({
      id: actions.id,
      code: actions.code,
      title: actions.title,
      text: actions.text,
      sectionId: actions.sectionId,
      workGroupId: actions.workGroupId,
      workGroup: workGroups.name,
      status: actions.status,
      percentComplete: actions.percentComplete,
      isPriority: actions.isPriority,
      position: actions.position,
    })
    .from(actions)
    .leftJoin(workGroups, eq(workGroups.id, actions.workGroupId))
    .where(and(eq(actions.planId, plan.id), isNull(actions.retiredAt)))
    .orderBy(asc(actions.position), asc(actions.id))
    .all();
  // Plan-level actions (and any in a section not found) go last; the sort is stable, keeping position order within a section.
  const rank = (sectionId: number | null) => (sectionId === null ? Infinity : (sectionOrder.get(sectionId) ?? Infinity));
  actionRows.sort((a, b) => rank(a.sectionId) - rank(b.sectionId));

  // ---- Updates: every one of the plan's actions, light columns, latest first --
  const updateRows = db
    .select({
      actionId: progressUpdates.actionId,
      periodId: progressUpdates.periodId,
      endDate: reportingPeriods.endDate,
      startDate: reportingPeriods.startDate,
      updatedAt: progressUpdates.updatedAt,
      status: progressUpdates.status,
      percent: progressUpdates.percentComplete,
      reviewState: progressUpdates.reviewState,
    })
    .from(progressUpdates)
    .innerJoin(actions, eq(actions.id, progressUpdates.actionId))
    .innerJoin(reportingPeriods, eq(reportingPeriods.id, progressUpdates.periodId))
    .where(and(eq(actions.planId, plan.id), isNull(actions.retiredAt)))
    .all() as UpdateRow[];
  updateRows.sort((a, b) => b.endDate.localeCompare(a.endDate) || b.startDate.localeCompare(a.startDate) || b.updatedAt.localeCompare(a.updatedAt));
  const updatesOf = new Map<number, UpdateRow[]>();
  for (const u of updateRows) updatesOf.set(u.actionId, [...(updatesOf.get(u.actionId) ?? []), u]);

  // This period's updates with their narratives and authors.
  const thisPeriod = new Map(
    db
      .select({ id: progressUpdates.id, actionId: progressUpdates.actionId, reviewState: progressUpdates.reviewState, narrative: progressUpdates.narrative, authorName: users.name })
      .from(progressUpdates)
      .leftJoin(users, eq(users.id, progressUpdates.authorId))
      .where(eq(progressUpdates.periodId, period.id))
      .all()
      .map((u) => [u.actionId, u]),
  );

  const asOf = (a: (typeof actionRows)[number], end: string): { status: ActionStatus; percentComplete: number } => {
    const rows = updatesOf.get(a.id) ?? [];
    const latest = latestCountedBy(rows, counted, end);
    if (latest) return { status: latest.status, percentComplete: latest.percent };
    if (rows.some((u) => counted.has(u.reviewState))) return { status: "not_started", percentComplete: 0 };
    return { status: a.status, percentComplete: a.percentComplete };
  };
  const reportedIn = (actionId: number, pId: number) => (updatesOf.get(actionId) ?? []).some((u) => u.periodId === pId && REPORTING.has(u.reviewState));

  const reportActions: ReportAction[] = actionRows.map((a) => {
    const u = thisPeriod.get(a.id);
    return {
      id: a.id,
      code: a.code,
      title: a.title,
      text: a.text,
      ...asOf(a, period.endDate),
      update: u ? { id: u.id, reviewState: u.reviewState, narrative: u.narrative, authorName: u.authorName } : null,
      workGroup: a.workGroup,
      isPriority: a.isPriority,
    };
  });
  const previousStatus = previous ? new Map(actionRows.map((a) => [a.id, asOf(a, previous.endDate).status])) : null;
  const updated = new Set(actionRows.filter((a) => reportedIn(a.id, period.id)).map((a) => a.id));
  const countsBefore = (list: ReportAction[]) => (previousStatus ? countOf(list.map((a) => ({ status: previousStatus.get(a.id)! }))) : null);
  const sectionOf = new Map(actionRows.map((a) => [a.id, a.sectionId]));

  // ---- Metrics, judged as of the period's end --------------------------------
  const metricRows: Metric[] = db.select().from(metrics).where(and(eq(metrics.planId, plan.id), isNull(metrics.retiredAt))).orderBy(asc(metrics.position), asc(metrics.id)).all();
  const values = pointsOf(metricRows.map((m) => m.id));
  const judged: (Judged & { report: ReportMetric })[] = metricRows.map((metric) => {
    const points = values.get(metric.id)!.filter((v) => v.periodEnd <= period.endDate);
    const judgement = judge(metric, points, period.endDate);
    return { metric, judgement, report: { key: metric.key, name: metric.name, status: judgement.status, stale: judgement.stale, summary: judgement.summary, chart: chartInput(metric, points) } };
  });
  const shape = planShape(plan.id);

  // ---- Champions of every live action ----------------------------------------
  const championRows = db
    .select({ actionId: actionChampions.actionId, organizationId: organizations.id, name: organizations.name, role: actionChampions.role })
    .from(actionChampions)
    .innerJoin(actions, eq(actions.id, actionChampions.actionId))
    .innerJoin(organizations, eq(organizations.id, actionChampions.organizationId))
    .where(and(eq(actions.planId, plan.id), isNull(actions.retiredAt)))
    .all();
  const championsOf = new Map<number, typeof championRows>();
  for (const c of championRows) championsOf.set(c.actionId, [...(championsOf.get(c.actionId) ?? []), c]);

  function champions(list: ReportAction[]): ReportCluster["champions"] {
    const byOrg = new Map<number, { name: string; role: ChampionRole; actions: number }>();
    for (const a of list) {
      for (const c of championsOf.get(a.id) ?? []) {
        const seen = byOrg.get(c.organizationId);
        if (!seen) byOrg.set(c.organizationId, { name: c.name, role: c.role, actions: 1 });
        else {
          seen.actions++;
          if (ROLE_RANK[c.role] < ROLE_RANK[seen.role]) seen.role = c.role;
        }
      }
    }
    return [...byOrg.values()].sort((x, y) => y.actions - x.actions || x.name.localeCompare(y.name));
  }

  // ---- Clusters ---------------------------------------------------------------
  const clusters: ReportCluster[] = (children.get(null) ?? [])
    .filter((s) => s.retiredAt === null)
    .map((s) => {
      const list = reportActions.filter((a) => {
        const sectionId = sectionOf.get(a.id);
        return sectionId != null && rootOf.get(sectionId) === s.id;
      });
      const counts = countOf(list);
      return {
        key: s.key,
        title: s.title,
        counts,
        deltas: minus(counts, countsBefore(list)),
        actions: list,
        metrics: judged.filter((j) => clustersOf(j.metric, shape).includes(s.id)).map((j) => j.report),
        champions: champions(list),
      };
    });

  // ---- Work groups --------------------------------------------------------------
  const groupRows = db
    .select({ id: workGroups.id, name: workGroups.name })
    .from(workGroups)
    .where(and(eq(workGroups.planId, plan.id), isNull(workGroups.retiredAt)))
    .orderBy(asc(workGroups.position), asc(workGroups.id))
    .all();
  const appendixGroups = groupRows.map((g) => {
    const ids = actionRows.filter((a) => a.workGroupId === g.id).map((a) => a.id);
    return { name: g.name, actions: ids.length, updated: ids.filter((id) => updated.has(id)).length };
  });

  const counts = countOf(reportActions);
  return {
    plan: { id: plan.id, slug: plan.slug, title: plan.title, region: plan.region },
    period: { id: period.id, label: period.label, startDate: period.startDate, endDate: period.endDate },
    previousPeriod: previous ? { id: previous.id, label: previous.label } : null,
    compiledAt: now.toISOString(),
    summary: {
      counts,
      deltas: minus(counts, countsBefore(reportActions)),
      totalActions: reportActions.length,
      updated: updated.size,
      metrics: countStatuses(judged),
    },
    priorities: reportActions.filter((a) => a.isPriority),
    clusters,
    attention: {
      atRisk: reportActions.filter((a) => a.status === "off_track" || a.status === "at_risk"),
      silentTwoPeriods: reportActions.filter((a) => !FINISHED.has(a.status) && !updated.has(a.id) && !(previous && reportedIn(a.id, previous.id))),
      staleMetrics: judged.filter((j) => j.judgement.stale).map((j) => j.report),
    },
    nextSteps: reportActions.filter((a) => sectionOf.get(a.id) === null),
    appendix: { workGroups: appendixGroups },
  };
}
