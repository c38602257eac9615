import { and, asc, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { actions, measurements, metrics, plans, workGroups, type Metric } from "@/db/schema";
import type { UserActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { metricResourceOf } from "./access";
import { metricEntry, type MetricEntry } from "./entry";
import { todayIso } from "./periods";
import { judge, type MeasurementPoint } from "./queries";
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
  const rows = db
    .select({ metric: metrics, actionGroupId: actions.workGroupId, actionLeadId: actions.leadUserId, groupName: workGroups.name })
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
  // Values are read only for the metrics shown.
  const points = currentPoints([...actionRows, ...shownGroupRows].map((r) => r.metric.id));
  const mine = (metric: Metric): MyMetric => {
    const p = points.get(metric.id) ?? [];
    return { metric, judgement: judge(metric, p, today), entry: metricEntry(metric, plan, p.map((x) => x.periodLabel), today) };
  };
  for (const r of actionRows) {
    const list = byAction.get(r.metric.actionId!) ?? [];
    list.push(mine(r.metric));
    byAction.set(r.metric.actionId!, list);
  }
  result.groupMetrics = shownGroupRows.map((r) => ({ ...mine(r.metric), groupName: r.groupName ?? "" }));
  return result;
}

/** The current (not superseded) values of the given metrics, oldest period first: the latest is the last, and their labels are the periods already taken. */
function currentPoints(metricIds: number[]): Map<number, MeasurementPoint[]> {
  const out = new Map<number, MeasurementPoint[]>();
  if (metricIds.length === 0) return out;
  const rows = getDb()
    .select({ metricId: measurements.metricId, periodLabel: measurements.periodLabel, periodEnd: measurements.periodEnd, value: measurements.value })
    .from(measurements)
    .where(and(inArray(measurements.metricId, metricIds), isNull(measurements.supersededAt)))
    .orderBy(asc(measurements.metricId), asc(measurements.periodEnd))
    .all();
  for (const { metricId, ...point } of rows) {
    const list = out.get(metricId);
    if (list) list.push(point);
    else out.set(metricId, [point]);
  }
  return out;
}
