import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { RetireButton } from "@/components/forms/record-buttons";
import { TargetForm } from "@/components/targets/target-form";
import { requirePermission } from "@/lib/auth/guards";
import { requireUser } from "@/lib/auth/session";
import { sectionOptions } from "@/lib/editing/options";
import { loadPlanOr404 } from "@/lib/plans/load";
import { getTargetForEditing } from "@/lib/targets/queries";
import { targetFormValues } from "@/lib/targets/schema";
import { retireTargetAction, updateTargetAction } from "../actions";

export const metadata: Metadata = { title: "Edit target" };

type Props = { params: Promise<{ plan: string; id: string }> };

export default async function EditTargetPage({ params }: Props) {
  const { plan: slug, id: raw } = await params;
  const plan = await loadPlanOr404(slug);
  requirePermission(await requireUser(), "plan.edit");
  const found = /^\d{1,12}$/.test(raw) ? getTargetForEditing(plan.id, Number(raw)) : null;
  if (!found) notFound();
  const { target, sectionIds } = found;
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/plans/${plan.slug}/edit`}>Edit the plan</Link> / <Link href={`/plans/${plan.slug}/edit/targets`}>Edit targets</Link> /
      </nav>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1>Edit target</h1>
          {target.retiredAt && <span className="mt-1 inline-block rounded bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-900">Retired</span>}
        </div>
        <RetireButton action={retireTargetAction} idName="targetId" id={target.id} version={target.version} retired={Boolean(target.retiredAt)} what={target.description} />
      </div>
      {target.retiredAt ? (
        <p className="rounded border border-slate-300 bg-white p-4 text-slate-800">This target is retired. Bring it back to edit it.</p>
      ) : (
        <section aria-label="Target details" className="rounded-lg border border-slate-200 bg-white p-4">
          <TargetForm action={updateTargetAction} targetId={target.id} version={target.version} values={targetFormValues(target, sectionIds)} sections={sectionOptions(plan.id, sectionIds)} submitLabel="Save target" />
        </section>
      )}
    </div>
  );
}
