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
  /** The person's groups' own metrics, by group name then the plan's order. */
  groupMetrics: MyGroupMetric[];
}

export function myQuarterMetrics(user: UserActor, planId: number, actionIds: number[], today = todayIso()): MyQuarterMetrics {
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
  if (rows.length === 0) return { byAction, groupMetrics: [] };

  const plan = db.select({ periodStart: plans.periodStart, periodEnd: plans.periodEnd }).from(plans).where(eq(plans.id, planId)).get()!;
  const points = currentPoints(rows.map((r) => r.metric.id));
  const mine = (metric: Metric): MyMetric => {
    const p = points.get(metric.id) ?? [];
    return { metric, judgement: judge(metric, p, today), entry: metricEntry(metric, plan, p.map((x) => x.periodLabel), today) };
  };

  const groupMetrics: MyGroupMetric[] = [];
  for (const r of rows) {
    if (r.metric.scope === "action" && r.metric.actionId !== null) {
      byAction.set(r.metric.actionId, [...(byAction.get(r.metric.actionId) ?? []), mine(r.metric)]);
    } else {
      groupMetrics.push({ ...mine(r.metric), groupName: r.groupName ?? "" });
    }
  }
  // Stable sort: within a group the plan's order stays.
  groupMetrics.sort((a, b) => a.groupName.localeCompare(b.groupName));
  return { byAction, groupMetrics };
}

/** The current (not superseded) values of the given metrics, oldest period first: the latest is the last, and their labels are the periods already taken. */
function currentPoints(metricIds: number[]): Map<number, MeasurementPoint[]> {
  const out = new Map<number, MeasurementPoint[]>();
  const rows = getDb()
    .select({ metricId: measurements.metricId, periodLabel: measurements.periodLabel, periodEnd: measurements.periodEnd, value: measurements.value })
    .from(measurements)
    .where(and(inArray(measurements.metricId, metricIds), isNull(measurements.supersededAt)))
    .orderBy(asc(measurements.metricId), asc(measurements.periodEnd))
    .all();
  for (const { metricId, ...point } of rows) out.set(metricId, [...(out.get(metricId) ?? []), point]);
  return out;
}
