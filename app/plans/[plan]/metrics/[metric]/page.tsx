import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { getDb } from "@/db";
import { CorrectionHistory } from "@/components/metrics/correction-history";
import { MeasurementForm } from "@/components/metrics/measurement-form";
import { MeasurementTable } from "@/components/metrics/measurement-table";
import { MetricChart } from "@/components/metrics/metric-chart";
import { MetricFacts } from "@/components/metrics/metric-facts";
import { MetricStatusBadge } from "@/components/metrics/metric-status-badge";
import { DownloadLinks } from "@/components/spreadsheets/download-links";
import { requireReader } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { metricResource } from "@/lib/metrics/access";
import { metricEntry } from "@/lib/metrics/entry";
import { getMetricByKey, getMetricPage } from "@/lib/metrics/queries";
import { loadPlanOr404 } from "@/lib/plans/load";
import { recordMeasurementAction } from "../actions";

type Props = { params: Promise<{ plan: string; metric: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { plan, metric } = await params;
  return { title: getMetricByKey((await loadPlanOr404(plan)).id, metric)?.name ?? "Not found" };
}

export default async function MetricPage({ params }: Props) {
  const { plan: slug, metric: key } = await params;
  const plan = await loadPlanOr404(slug);
  const user = await requireReader();
  const found = getMetricByKey(plan.id, key);
  if (!found) notFound();
  const page = getMetricPage(found.id)!;
  const { metric, judgement } = page;
  const resource = metricResource(getDb(), metric);
  const mayRecord = can(user, "measurement.record", resource) && !metric.retiredAt;
  const mayManage = can(user, "metric.manage", resource);
  const base = `/plans/${plan.slug}/metrics`;
  const entry = mayRecord ? metricEntry(metric, plan, page.values.map((v) => v.m.periodLabel)) : null;

  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <nav aria-label="Breadcrumb" className="text-sm">
          <Link href={base}>Metrics</Link> /
        </nav>
        <h1>{metric.name}</h1>
        {metric.retiredAt && <p className="rounded border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950">This metric is retired: it keeps its values but leaves the lists and takes no new values.</p>}
        <div className="flex flex-wrap items-center gap-3" id="metric-status">
          <MetricStatusBadge status={judgement.status} stale={judgement.stale} />
          <p className="text-sm text-slate-900">{judgement.summary}</p>
        </div>
        {judgement.stale && <p className="text-sm text-slate-800">Stale: the latest value is for a period that ended long ago ({metric.frequency === "annual" ? "over two years" : "over six months"}). A newer value is due.</p>}
        {metric.description && <p className="max-w-3xl text-slate-800">{metric.description}</p>}
        {mayManage && (
          <p>
            <Link href={`${base}/${metric.key}/edit`}>
              Edit this metric<span className="sr-only">: {metric.name}</span>
            </Link>
          </p>
        )}
      </div>

      <section aria-labelledby="chart-heading" className="space-y-2">
        <h2 id="chart-heading">Progress against the target</h2>
        <MetricChart series={page.chart} id="metric-chart" />
      </section>

      {entry && (
        <section aria-labelledby="record-heading" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="record-heading">Record a value</h2>
          <MeasurementForm action={recordMeasurementAction} metric={{ id: metric.id, name: metric.name, unitHint: entry.unitHint }} periods={entry.periods} defaultPeriod={entry.defaultPeriod} idPrefix={`record-${metric.id}`} />
        </section>
      )}

      <section aria-labelledby="values-heading" className="space-y-2">
        <h2 id="values-heading">Values</h2>
        <MeasurementTable metric={metric} values={page.values} canCorrect={mayRecord} />
        <DownloadLinks href={`${base}/${metric.key}/export`} what={`the values of ${metric.name} with their history`} />
      </section>

      <section aria-labelledby="history-heading" className="space-y-2">
        <h2 id="history-heading">Corrected values</h2>
        <CorrectionHistory metric={metric} corrected={page.corrected} reasons={page.reasons} />
      </section>

      <section aria-labelledby="definition-heading" className="space-y-2">
        <h2 id="definition-heading">Definition</h2>
        <MetricFacts metric={metric} attached={page.attached} owner={page.owner} owningGroup={page.owningGroup} />
      </section>
    </div>
  );
}
