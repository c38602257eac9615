import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DefinitionForm, RemoveDefinitionButton } from "@/components/analytics/definition-form";
import { clusterDefinitionForEditing } from "@/lib/analytics/definition-queries";
import { describeOverlaps } from "@/lib/analytics/definitions";
import { requirePermission } from "@/lib/auth/guards";
import { requireUser } from "@/lib/auth/session";
import { formatAuditTime } from "@/lib/editing/conflict";
import { loadPlanOr404 } from "@/lib/plans/load";
import { removeDefinitionAction, saveDefinitionAction } from "./actions";

export const metadata: Metadata = { title: "Cluster definition" };

type Props = { params: Promise<{ plan: string; cluster: string }> };

// One top-level section's cluster definition (issue #7): defined anew, or edited.
export default async function ClusterDefinitionPage({ params }: Props) {
  const { plan: slug, cluster: key } = await params;
  const plan = await loadPlanOr404(slug);
  requirePermission(await requireUser(), "analytics.manage");
  const found = clusterDefinitionForEditing(plan.id, key);
  if (!found) notFound();
  const { section, cluster, values, metricOptions, overlaps } = found;
  const base = `/plans/${plan.slug}/analytics`;
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`${base}/settings`}>Region and cluster definitions</Link> /
      </nav>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-1">
          <h1>{cluster ? `Cluster definition: ${section.title}` : `Define ${section.title} as a cluster`}</h1>
          {cluster ? (
            <p className="text-sm text-slate-700">
              <Link href={`${base}/${section.key}`}>{section.title}: cluster employment</Link> · last saved {formatAuditTime(cluster.updatedAt)}
            </p>
          ) : null}
        </div>
        {cluster ? <RemoveDefinitionButton action={removeDefinitionAction} sectionId={section.id} version={cluster.version} what={section.title} /> : null}
      </div>
      {cluster?.isStartingPoint ? (
        <p className="max-w-3xl rounded border border-blue-300 bg-blue-50 p-3 text-sm text-blue-950">These codes are the shipped starting point, drawn from the plan&apos;s words, for the plan&apos;s staff to review. Saving the form, even unchanged, marks them as reviewed.</p>
      ) : null}
      {overlaps.length ? (
        <div className="max-w-3xl rounded border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950">
          <p>
            <strong>Overlaps with other clusters:</strong> shares {describeOverlaps(overlaps)}.
          </p>
          <p className="mt-1">That is allowed: each cluster counts the shared industries, and the overview counts them once in the clusters&apos; total share of jobs.</p>
        </div>
      ) : null}
      <section aria-label="Definition" className="rounded-lg border border-slate-200 bg-white p-4">
        <DefinitionForm action={saveDefinitionAction} sectionId={section.id} version={cluster?.version ?? 0} values={values} metrics={metricOptions} submitLabel={cluster ? "Save the definition" : "Define as a cluster"} />
      </section>
    </div>
  );
}
