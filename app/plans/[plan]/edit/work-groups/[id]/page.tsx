import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { RetireButton } from "@/components/forms/record-buttons";
import { WorkGroupForm } from "@/components/work-groups/work-group-form";
import { requirePermission } from "@/lib/auth/guards";
import { requireUser } from "@/lib/auth/session";
import { organizationOptions, sectionOptions } from "@/lib/editing/options";
import { loadPlanOr404 } from "@/lib/plans/load";
import { getWorkGroupForEditing } from "@/lib/work-groups/queries";
import { workGroupFormValues } from "@/lib/work-groups/schema";
import { retireWorkGroupAction, updateWorkGroupAction } from "../actions";

export const metadata: Metadata = { title: "Edit work group" };

type Props = { params: Promise<{ plan: string; id: string }> };

export default async function EditWorkGroupPage({ params }: Props) {
  const { plan: slug, id: raw } = await params;
  const plan = await loadPlanOr404(slug);
  requirePermission(await requireUser(), "plan.edit");
  const found = /^\d{1,12}$/.test(raw) ? getWorkGroupForEditing(plan.id, Number(raw)) : null;
  if (!found) notFound();
  const { group, sectionIds } = found;
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/plans/${plan.slug}/edit`}>Edit the plan</Link> / <Link href={`/plans/${plan.slug}/edit/work-groups`}>Edit work groups</Link> /
      </nav>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1>Edit work group: {group.name}</h1>
          <p className="mt-1 text-sm text-slate-700">
            <Link href={`/plans/${plan.slug}/work-groups/${group.key}`}>The group’s page</Link>
            {group.retiredAt && <span className="ml-2 rounded bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-900">Retired</span>}
          </p>
        </div>
        <RetireButton action={retireWorkGroupAction} idName="workGroupId" id={group.id} version={group.version} retired={Boolean(group.retiredAt)} what={group.name} />
      </div>
      {group.retiredAt ? (
        <p className="rounded border border-slate-300 bg-white p-4 text-slate-800">This work group is retired. Bring it back to edit it.</p>
      ) : (
        <section aria-label="Work group details" className="rounded-lg border border-slate-200 bg-white p-4">
          <WorkGroupForm
            action={updateWorkGroupAction}
            workGroupId={group.id}
            version={group.version}
            values={workGroupFormValues(group, sectionIds)}
            organizations={organizationOptions(group.leadOrganizationId ? [group.leadOrganizationId] : [])}
            sections={sectionOptions(plan.id, sectionIds)}
            submitLabel="Save work group"
          />
        </section>
      )}
    </div>
  );
}
