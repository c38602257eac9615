import type { Metadata } from "next";
import Link from "next/link";
import { PlanRegionForm, RegionForm } from "@/components/analytics/region-forms";
import { definitionOverview, regionChoices } from "@/lib/analytics/definition-queries";
import { planRegionFormValues, regionFormValues } from "@/lib/analytics/definition-schema";
import { describeOverlaps } from "@/lib/analytics/definitions";
import { requirePermission } from "@/lib/auth/guards";
import { requireUser } from "@/lib/auth/session";
import { loadPlanOr404 } from "@/lib/plans/load";
import { savePlanRegionAction, saveRegionAction } from "./actions";

export const metadata: Metadata = { title: "Region and cluster definitions" };

type Props = { params: Promise<{ plan: string }> };

// Staff choose the plan's region and reference area and see which top-level
// sections are clusters, with their codes and overlaps (issue #7).
export default async function AnalyticsSettingsPage({ params }: Props) {
  const plan = await loadPlanOr404((await params).plan);
  requirePermission(await requireUser(), "analytics.manage");
  const { setup, rows } = definitionOverview(plan.id);
  const regions = regionChoices();
  const current = regions.find((r) => r.id === setup.region?.id);
  const base = `/plans/${plan.slug}/analytics`;
  return (
    <div className="space-y-8">
      <p className="text-sm">
        <Link href={base}>Cluster employment</Link>
      </p>
      <header className="space-y-2">
        <h1>Region and cluster definitions</h1>
        <p className="max-w-3xl text-slate-800">The area the plan&apos;s cluster employment covers, the area it is compared with, and the NAICS industry codes that define each cluster. Changes take effect on the analytics pages at once; the clusters&apos; metrics take the new figures at the next import.</p>
      </header>

      <section aria-labelledby="region-heading" className="space-y-4">
        <h2 id="region-heading">Region and reference area</h2>
        {setup.region ? (
          <div className="space-y-2 text-sm text-slate-800">
            <p>
              Region: <strong>{setup.region.name}</strong>, {setup.areas.length} {setup.areas.length === 1 ? "area" : "areas"}. Reference area: {setup.reference ? <strong>{`${setup.reference.title} (${setup.reference.code})`}</strong> : "none"}.
            </p>
            <ul className="list-disc pl-5">
              {setup.areas.map((a) => (
                <li key={a.code}>
                  <span className="font-mono">{a.code}</span> {a.title !== a.code ? a.title : <span className="text-slate-700">(no data imported yet)</span>}
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <p className="rounded border border-amber-300 bg-amber-50 p-4">This plan has no region yet: choose or define one below.</p>
        )}
        <div className="grid gap-6 lg:grid-cols-2">
          <section aria-labelledby="choose-heading" className="rounded-lg border border-slate-200 bg-white p-4">
            <h3 id="choose-heading" className="mb-3 font-semibold">Choose the region</h3>
            <PlanRegionForm
              action={savePlanRegionAction}
              planId={plan.id}
              version={plan.version}
              values={planRegionFormValues(setup.region?.id ?? null, setup.reference?.code ?? null)}
              regions={regions.map((r) => ({ value: String(r.id), label: `${r.name} (${r.areaCount} ${r.areaCount === 1 ? "area" : "areas"})` }))}
            />
          </section>
          {setup.region && current ? (
            <section aria-labelledby="edit-region-heading" className="rounded-lg border border-slate-200 bg-white p-4">
              <h3 id="edit-region-heading" className="mb-3 font-semibold">Edit {setup.region.name}</h3>
              <RegionForm action={saveRegionAction} regionId={setup.region.id} version={setup.region.version} values={regionFormValues(setup.region, setup.areas)} sharedWith={current.plans} />
            </section>
          ) : null}
        </div>
      </section>

      <section aria-labelledby="clusters-heading" className="space-y-3">
        <h2 id="clusters-heading">Cluster definitions</h2>
        <p className="max-w-3xl text-sm text-slate-800">Each top-level section of the plan can be defined as a cluster by a list of NAICS codes, for the cluster as a whole or by value-chain component. A code another cluster also counts is allowed and flagged here; the overview counts a shared industry once in the clusters&apos; total share.</p>
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-sm">
            <caption className="sr-only">The plan&apos;s top-level sections: whether each is a cluster, its number of codes and its overlaps with other clusters</caption>
            <thead className="bg-slate-100 text-left">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Section
                </th>
                <th scope="col" className="px-3 py-2">
                  Cluster
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  Codes
                </th>
                <th scope="col" className="px-3 py-2">
                  Overlaps
                </th>
                <th scope="col" className="px-3 py-2">
                  Definition
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-t border-slate-200 align-top">
                  <th scope="row" className="px-3 py-2 text-left font-medium">
                    {r.cluster ? <Link href={`${base}/${r.key}`}>{r.title}</Link> : r.title}
                  </th>
                  <td className="px-3 py-2">{r.cluster ? (r.cluster.isStartingPoint ? "Yes (starting point)" : "Yes") : "No"}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{r.cluster ? r.cluster.codes.length : "—"}</td>
                  <td className="px-3 py-2">{r.overlaps.length ? <span className="text-amber-900">Shares {describeOverlaps(r.overlaps)}</span> : r.cluster ? "None" : ""}</td>
                  <td className="px-3 py-2">
                    <Link href={`${base}/${r.key}/definition`}>
                      {r.cluster ? "Edit the definition" : "Define as a cluster"}
                      <span className="sr-only"> of {r.title}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
