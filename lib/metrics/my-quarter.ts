import { and, asc, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { actions, metrics, plans, workGroups, type Metric } from "@/db/schema";
import type { UserActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { metricResourceOf } from "./access";
import { metricEntry, type MetricEntry } from "./entry";
import { todayIso } from "./periods";
import { judge, pointsOf } from "./queries";
import type { MetricJudgement } from "./status";

// The metrics "My quarter" offers next to the updates: the live metrics of the
// actions on the shown page, and those the person's work groups own (a
// group's own metrics, and plan or section metrics a group answers for),
// each only if the person may record it. My quarter can page through hundreds
// of actions, so this costs the same few queries whatever the page holds:
// the plan's span, the metrics with their actions' owners, and the current
// measurements of those metrics.

export interface MyMetric {
  metric: Metric;
  judgement: MetricJudgement;
  entry: MetricEntry;
}

export interface MyGroupMetric extends MyMetric {
  groupName: string;
}

export interface MyQuarterMetrics {
  /** Per action id, that action's metrics in the plan's order. */
  byAction: Map<number, MyMetric[]>;
  /** One page of the person's groups' own metrics, by group name then the plan's order. */
  groupMetrics: MyGroupMetric[];
  groupTotal: number;
  groupPage: number;
  groupPages: number;
}

// Someone in many groups (staff in every one) may answer for hundreds of group
// metrics: they are paged like the actions, so the page stays light.
export const GROUP_METRICS_PAGE_SIZE = 20;

export function myQuarterMetrics(user: UserActor, planId: number, actionIds: number[], today = todayIso(), groupPage = 1): MyQuarterMetrics {
  const db = getDb();
  const byAction = new Map<number, MyMetric[]>();
  const ofShownActions = actionIds.length > 0 ? inArray(metrics.actionId, actionIds) : sql`0`;
  const ofMyGroups = user.memberOf.length > 0 ? and(ne(metrics.scope, "action"), inArray(metrics.workGroupId, user.memberOf)) : sql`0`;
  // The light columns first: who may record, and the order. Whole rows are read below, for the shown metrics only.
  const rows = db
    .select({
      metric: { id: metrics.id, scope: metrics.scope, actionId: metrics.actionId, workGroupId: metrics.workGroupId },
      actionGroupId: actions.workGroupId,
      actionLeadId: actions.leadUserId,
      groupName: workGroups.name,
    })
    .from(metrics)
    .leftJoin(actions, eq(actions.id, metrics.actionId))
    .leftJoin(workGroups, eq(workGroups.id, metrics.workGroupId))
    .where(and(eq(metrics.planId, planId), isNull(metrics.retiredAt), or(ofShownActions, ofMyGroups)))
    .orderBy(asc(metrics.position), asc(metrics.id))
    .all()
    .filter((r) => can(user, "measurement.record", metricResourceOf(r.metric, { workGroupId: r.actionGroupId, leadUserId: r.actionLeadId })));
  const actionRows = rows.filter((r) => r.metric.scope === "action" && r.metric.actionId !== null);
  // Stable sort: within a group the plan's order stays.
  const groupRows = rows.filter((r) => r.metric.scope !== "action").sort((a, b) => (a.groupName ?? "").localeCompare(b.groupName ?? ""));
  const groupPages = Math.max(1, Math.ceil(groupRows.length / GROUP_METRICS_PAGE_SIZE));
  const page = Math.min(Math.max(1, groupPage), groupPages);
  const shownGroupRows = groupRows.slice((page - 1) * GROUP_METRICS_PAGE_SIZE, page * GROUP_METRICS_PAGE_SIZE);
  const result = { byAction, groupMetrics: [] as MyGroupMetric[], groupTotal: groupRows.length, groupPage: page, groupPages };
  if (rows.length === 0) return result;

  const plan = db.select({ periodStart: plans.periodStart, periodEnd: plans.periodEnd }).from(plans).where(eq(plans.id, planId)).get()!;
  // Definitions and values are read only for the metrics shown.
  const shownIds = [...actionRows, ...shownGroupRows].map((r) => r.metric.id);
  const full = new Map(shownIds.length ? db.select().from(metrics).where(inArray(metrics.id, shownIds)).all().map((m) => [m.id, m]) : []);
  const points = pointsOf(shownIds);
  const mine = (metric: Metric): MyMetric => {
    const p = points.get(metric.id) ?? [];
    return { metric, judgement: judge(metric, p, today), entry: metricEntry(metric, plan, p.map((x) => x.periodLabel), today) };
  };
  for (const r of actionRows) {
    const list = byAction.get(r.metric.actionId!) ?? [];
    list.push(mine(full.get(r.metric.id)!));
    byAction.set(r.metric.actionId!, list);
  }
  result.groupMetrics = shownGroupRows.map((r) => ({ ...mine(full.get(r.metric.id)!), groupName: r.groupName ?? "" }));
  return result;
}
