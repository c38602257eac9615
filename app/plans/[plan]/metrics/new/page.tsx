import Link from "next/link";
import { forbidden } from "next/navigation";
import type { Metadata } from "next";
import { MetricForm } from "@/components/metrics/metric-form";
import { requireUser } from "@/lib/auth/session";
import { canAddMetrics, metricFormOptions } from "@/lib/metrics/edit-queries";
import { loadPlanOr404 } from "@/lib/plans/load";
import { createMetricAction } from "./actions";

export const metadata: Metadata = { title: "Add a metric" };

type Props = { params: Promise<{ plan: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");

export default async function NewMetricPage({ params, searchParams }: Props) {
  const plan = await loadPlanOr404((await params).plan);
  const user = await requireUser();
  if (!canAddMetrics(user, plan.id)) forbidden();
  const options = metricFormOptions(user, plan.id);
  const q = await searchParams;
  // Links from an action or a section page open the form attached there.
  const scope = options.scopes.some((s) => s.value === one(q.scope)) ? one(q.scope) : options.groupOptional ? "plan" : "work_group";
  const values = {
    key: "",
    name: "",
    description: "",
    scope,
    sectionId: one(q.sectionId),
    workGroupId: one(q.workGroupId) || (options.groupOptional ? "" : (options.groups[0]?.value ?? "")),
    actionId: one(q.actionId),
    unit: "count",
    unitLabel: "",
    direction: "up",
    baselineValue: "",
    baselineDate: "",
    targetValue: "",
    targetDate: "",
    interimTargets: "",
    tolerancePercent: "10",
    frequency: "annual",
    source: "",
    method: "",
    ownerOrganizationId: "",
    ownerPerson: "",
  };
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/plans/${plan.slug}/metrics`}>Metrics</Link> /
      </nav>
      <h1>Add a metric</h1>
      <p className="max-w-3xl text-slate-800">
        A metric shows whether the plan is working. With a baseline and a target, each new value is judged against the straight path between them (through any interim targets). Values are entered per {""}
        year or quarter, on the metric&apos;s page, in My quarter, or by spreadsheet import.
      </p>
      <section aria-label="New metric" className="rounded-lg border border-slate-200 bg-white p-4">
        <MetricForm action={createMetricAction} planId={plan.id} values={values} options={options} submitLabel="Add metric" />
      </section>
    </div>
  );
}
