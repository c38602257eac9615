import Link from "next/link";
import type { Metadata } from "next";
import { MoveButtons, RetireButton } from "@/components/forms/record-buttons";
import { TargetForm } from "@/components/targets/target-form";
import { requirePermission } from "@/lib/auth/guards";
import { requireUser } from "@/lib/auth/session";
import { sectionOptions } from "@/lib/editing/options";
import { formatUsd } from "@/lib/format";
import { loadPlanOr404 } from "@/lib/plans/load";
import { listTargetsForEditing } from "@/lib/targets/queries";
import { createTargetAction, moveTargetAction, retireTargetAction } from "./actions";

export const metadata: Metadata = { title: "Edit economic development targets" };

type Props = { params: Promise<{ plan: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EditTargetsPage({ params, searchParams }: Props) {
  const [{ plan: slug }, query] = await Promise.all([params, searchParams]);
  const plan = await loadPlanOr404(slug);
  requirePermission(await requireUser(), "plan.edit");
  const showRetired = query.retired === "1";
  const { rows } = listTargetsForEditing(plan.id, { showRetired });
  const live = rows.filter((t) => !t.retiredAt);
  const base = `/plans/${plan.slug}/edit/targets`;
  return (
    <div className="space-y-8">
      <div>
        <nav aria-label="Breadcrumb" className="text-sm">
          <Link href={`/plans/${plan.slug}/edit`}>Edit the plan</Link> /
        </nav>
        <h1 className="mt-2">Edit economic development targets</h1>
      </div>
      <section aria-labelledby="targets-heading">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="targets-heading">Targets, in the plan’s order</h2>
          <Link href={showRetired ? base : `${base}?retired=1`} className="text-sm">
            {showRetired ? "Hide retired targets" : "Show retired targets"}
          </Link>
        </div>
        {rows.length === 0 ? (
          <p className="mt-2 text-slate-700">This plan has no targets yet.</p>
        ) : (
          <ol className="mt-2 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {rows.map((t) => (
              <li key={t.id} className="flex flex-wrap items-center justify-between gap-2 p-3 text-sm">
                <div className="max-w-2xl">
                  <Link href={`${base}/${t.id}`} className="font-medium">
                    <span className="sr-only">Edit </span>
                    {t.description}
                  </Link>
                  <span className="text-slate-700"> · {formatUsd(t.marketSupportUsd)}</span>
                  {t.sections.length > 0 && <span className="text-slate-700"> · {t.sections.map((s) => s.title).join(", ")}</span>}
                  {t.retiredAt && <span className="ml-2 rounded bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-900">Retired</span>}
                </div>
                <div className="flex flex-wrap items-start gap-2">
                  {!t.retiredAt && <MoveButtons action={moveTargetAction} idName="targetId" id={t.id} what={t.description} first={live[0]?.id === t.id} last={live.at(-1)?.id === t.id} />}
                  <RetireButton action={retireTargetAction} idName="targetId" id={t.id} version={t.version} retired={Boolean(t.retiredAt)} what={t.description} />
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="add-target-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="add-target-heading">Add a target</h2>
        <div className="mt-3">
          <TargetForm action={createTargetAction} planId={plan.id} values={{ description: "", marketSupportUsd: "", source: "", sectionIds: "" }} sections={sectionOptions(plan.id)} submitLabel="Add target" />
        </div>
      </section>
    </div>
  );
}
