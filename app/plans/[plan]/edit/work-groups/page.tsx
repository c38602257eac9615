import Link from "next/link";
import type { Metadata } from "next";
import { MoveButtons, RetireButton } from "@/components/forms/record-buttons";
import { WorkGroupForm } from "@/components/work-groups/work-group-form";
import { requirePermission } from "@/lib/auth/guards";
import { requireUser } from "@/lib/auth/session";
import { organizationOptions, sectionOptions } from "@/lib/editing/options";
import { WORK_GROUP_STATUS_LABELS, plural } from "@/lib/format";
import { loadPlanOr404 } from "@/lib/plans/load";
import { listPlanWorkGroups } from "@/lib/work-groups/queries";
import { createWorkGroupAction, moveWorkGroupAction, retireWorkGroupAction } from "./actions";

export const metadata: Metadata = { title: "Edit work groups" };

type Props = { params: Promise<{ plan: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EditWorkGroupsPage({ params, searchParams }: Props) {
  const [{ plan: slug }, query] = await Promise.all([params, searchParams]);
  const plan = await loadPlanOr404(slug);
  requirePermission(await requireUser(), "plan.edit");
  const showRetired = query.retired === "1";
  const groups = listPlanWorkGroups(plan.id, { showRetired });
  const live = groups.filter((g) => !g.retiredAt);
  const base = `/plans/${plan.slug}/edit/work-groups`;
  return (
    <div className="space-y-8">
      <div>
        <nav aria-label="Breadcrumb" className="text-sm">
          <Link href={`/plans/${plan.slug}/edit`}>Edit the plan</Link> /
        </nav>
        <h1 className="mt-2">Edit work groups</h1>
      </div>
      <section aria-labelledby="groups-heading">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="groups-heading">Work groups, in the plan’s order</h2>
          <Link href={showRetired ? base : `${base}?retired=1`} className="text-sm">
            {showRetired ? "Hide retired work groups" : "Show retired work groups"}
          </Link>
        </div>
        {groups.length === 0 ? (
          <p className="mt-2 text-slate-700">This plan has no work groups yet.</p>
        ) : (
          <ol className="mt-2 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {groups.map((g) => (
              <li key={g.id} className="flex flex-wrap items-center justify-between gap-2 p-3 text-sm">
                <div>
                  <Link href={`${base}/${g.id}`} className="font-medium">
                    <span className="sr-only">Edit </span>
                    {g.name}
                  </Link>
                  <span className="text-slate-700">
                    {" "}
                    · {WORK_GROUP_STATUS_LABELS[g.status]} · lead: {g.leadName ?? "not named"} · {plural(g.actionCount, "action")}
                  </span>
                  {g.retiredAt && <span className="ml-2 rounded bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-900">Retired</span>}
                </div>
                <div className="flex flex-wrap items-start gap-2">
                  {!g.retiredAt && <MoveButtons action={moveWorkGroupAction} idName="workGroupId" id={g.id} what={g.name} first={live[0]?.id === g.id} last={live.at(-1)?.id === g.id} />}
                  <RetireButton action={retireWorkGroupAction} idName="workGroupId" id={g.id} version={g.version} retired={Boolean(g.retiredAt)} what={g.name} />
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="add-group-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="add-group-heading">Add a work group</h2>
        <div className="mt-3">
          <WorkGroupForm
            action={createWorkGroupAction}
            planId={plan.id}
            values={{ name: "", key: "", leadOrganizationId: "", status: "active", description: "", sectionIds: "" }}
            organizations={organizationOptions()}
            sections={sectionOptions(plan.id)}
            submitLabel="Add work group"
          />
        </div>
      </section>
    </div>
  );
}
