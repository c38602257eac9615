import Link from "next/link";
import { recordMeasurementAction } from "@/app/plans/[plan]/metrics/actions";
import type { Action } from "@/db/schema";
import type { UserActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { metricResourceOf } from "@/lib/metrics/access";
import { metricEntry } from "@/lib/metrics/entry";
import { metricsForAction } from "@/lib/metrics/queries";
import { FoldedMeasurementForm } from "./folded-measurement-form";
import { MetricCard } from "./metric-card";

// The action page's metrics: each live metric charted with its status, a form
// to record a value for those who may, and a way to add one for those who
// manage the action's group's metrics.
export function ActionMetrics({ user, action, plan }: { user: UserActor; action: Action; plan: { slug: string; periodStart: string | null; periodEnd: string | null } }) {
  const items = metricsForAction(action.id);
  const live = !action.retiredAt;
  // Every metric here is the action's, so one check answers for all of them.
  const resource = metricResourceOf({ scope: "action", actionId: action.id, workGroupId: null }, action);
  const mayRecord = live && can(user, "measurement.record", resource);
  const mayManage = live && can(user, "metric.manage", resource);
  return (
    <section aria-labelledby="metrics-heading" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="metrics-heading">Metrics</h2>
        {mayManage && (
          <Link href={`/plans/${plan.slug}/metrics/new?scope=action&actionId=${action.id}`} className="text-sm">
            Add a metric to this action
          </Link>
        )}
      </div>
      {items.length === 0 ? (
        <p className="text-slate-700">No metric measures this action yet.</p>
      ) : (
        <ul className="space-y-4">
          {items.map((item) => {
            const entry = mayRecord ? metricEntry(item.metric, plan, item.points.map((p) => p.periodLabel)) : null;
            return (
              <MetricCard key={item.metric.id} item={item} planSlug={plan.slug}>
                {entry && (
                  <FoldedMeasurementForm
                    initiallyOpen={false}
                    form={{ action: recordMeasurementAction, metric: { id: item.metric.id, name: item.metric.name, unitHint: entry.unitHint }, periods: entry.periods, defaultPeriod: entry.defaultPeriod, idPrefix: `metric-${item.metric.id}` }}
                  />
                )}
              </MetricCard>
            );
          })}
        </ul>
      )}
    </section>
  );
}
