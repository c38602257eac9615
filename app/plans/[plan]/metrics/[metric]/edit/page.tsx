import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { RetireButton } from "@/components/forms/record-buttons";
import { MetricForm } from "@/components/metrics/metric-form";
import { requirePermission } from "@/lib/auth/guards";
import { requireUser } from "@/lib/auth/session";
import { metricFormOptions } from "@/lib/metrics/edit-queries";
import { metricFormValues } from "@/lib/metrics/form-values";
import { metricResource } from "@/lib/metrics/access";
import { getMetricByKey } from "@/lib/metrics/queries";
import { loadPlanOr404 } from "@/lib/plans/load";
import { getDb } from "@/db";
import { retireMetricAction, updateMetricAction } from "./actions";

type Props = { params: Promise<{ plan: string; metric: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { plan, metric } = await params;
  const m = getMetricByKey((await loadPlanOr404(plan)).id, metric);
  return { title: m ? `Edit ${m.name}` : "Not found" };
}

export default async function EditMetricPage({ params }: Props) {
  const { plan: slug, metric: key } = await params;
  const plan = await loadPlanOr404(slug);
  const user = await requireUser();
  const metric = getMetricByKey(plan.id, key);
  if (!metric) notFound();
  requirePermission(user, "metric.manage", metricResource(getDb(), metric));
  const options = metricFormOptions(user, plan.id, metric);
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/plans/${plan.slug}/metrics`}>Metrics</Link> / <Link href={`/plans/${plan.slug}/metrics/${metric.key}`}>{metric.name}</Link> /
      </nav>
      <h1>Edit {metric.name}</h1>
      {metric.retiredAt && <p className="rounded border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950">This metric is retired: it is hidden from lists and takes no new values. Bring it back to edit it.</p>}
      <section aria-label="Metric definition" className="rounded-lg border border-slate-200 bg-white p-4">
        <MetricForm action={updateMetricAction} metricId={metric.id} version={metric.version} values={metricFormValues(metric)} options={options} submitLabel="Save metric" />
      </section>
      <section aria-labelledby="retire-heading" className="space-y-2">
        <h2 id="retire-heading">{metric.retiredAt ? "Bring it back" : "Retire"}</h2>
        <p className="max-w-3xl text-sm text-slate-800">A retired metric keeps its values and history but leaves the overview, the dashboard counts and the reports.</p>
        <RetireButton action={retireMetricAction} idName="metricId" id={metric.id} version={metric.version} retired={Boolean(metric.retiredAt)} what={metric.name} />
      </section>
    </div>
  );
}
