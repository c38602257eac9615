import Link from "next/link";
import type { Metadata } from "next";
import { SectionForm } from "@/components/sections/section-form";
import { MoveButtons, RetireButton } from "@/components/forms/record-buttons";
import { requirePermission } from "@/lib/auth/guards";
import { requireUser } from "@/lib/auth/session";
import { sectionOptions } from "@/lib/editing/options";
import { SECTION_KIND_LABELS, plural } from "@/lib/format";
import { loadPlanOr404 } from "@/lib/plans/load";
import { listSectionsForEditing } from "@/lib/sections/queries";
import { createSectionAction, moveSectionAction, retireSectionAction } from "./actions";

export const metadata: Metadata = { title: "Edit the plan" };

type Props = { params: Promise<{ plan: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EditPlanPage({ params, searchParams }: Props) {
  const [{ plan: slug }, query] = await Promise.all([params, searchParams]);
  const plan = await loadPlanOr404(slug);
  requirePermission(await requireUser(), "plan.edit");
  const showRetired = query.retired === "1";
  const rows = listSectionsForEditing(plan.id, { showRetired });
  const base = `/plans/${plan.slug}/edit`;
  return (
    <div className="space-y-8">
      <div>
        <h1>Edit the plan</h1>
        <p className="mt-2 max-w-3xl text-slate-800">
          Sections, work groups, targets and partner organizations. Retiring keeps a record and its history but hides it from the plan’s views; it can be brought back. Actions are edited on their own pages.
        </p>
        <ul className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-sm">
          <li>
            <Link href={`${base}/work-groups`}>Edit work groups</Link>
          </li>
          <li>
            <Link href={`${base}/targets`}>Edit economic development targets</Link>
          </li>
          <li>
            <Link href="/organizations">Edit partner organizations</Link>
          </li>
          <li>
            <Link href={`/plans/${plan.slug}/actions/new`}>Add an action</Link>
          </li>
        </ul>
      </div>

      <section aria-labelledby="sections-heading">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="sections-heading">Sections</h2>
          <Link href={showRetired ? base : `${base}?retired=1`} className="text-sm">
            {showRetired ? "Hide retired sections" : "Show retired sections"}
          </Link>
        </div>
        {rows.length === 0 ? (
          <p className="mt-2 text-slate-700">This plan has no sections yet.</p>
        ) : (
          <ol className="mt-2 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {rows.map((s) => {
              const what = s.code ? `${s.code} ${s.title}` : s.title;
              return (
                <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 p-3 text-sm" style={{ paddingLeft: `${0.75 + s.depth * 1.5}rem` }}>
                  <div>
                    <Link href={`${base}/sections/${s.id}`} className="font-medium">
                      <span className="sr-only">Edit </span>
                      {what}
                    </Link>
                    <span className="text-slate-700">
                      {" "}
                      · {SECTION_KIND_LABELS[s.kind]} · {plural(s.liveActions, "action")}
                    </span>
                    {s.retiredAt && <span className="ml-2 rounded bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-900">Retired</span>}
                  </div>
                  <div className="flex flex-wrap items-start gap-2">
                    {!s.retiredAt && <MoveButtons action={moveSectionAction} idName="sectionId" id={s.id} what={what} first={s.first} last={s.last} />}
                    <RetireButton action={retireSectionAction} idName="sectionId" id={s.id} version={s.version} retired={Boolean(s.retiredAt)} what={what} />
                  </div>
                </li>
              );
            })}
          </ol>
        )}
      </section>

      <section aria-labelledby="add-section-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="add-section-heading">Add a section</h2>
        <p className="mt-1 text-sm text-slate-700">A new section goes at the end of its parent’s list; move it from there.</p>
        <div className="mt-3">
          <SectionForm action={createSectionAction} planId={plan.id} values={{ title: "", code: "", kind: "section", parentId: "", description: "" }} parents={sectionOptions(plan.id)} submitLabel="Add section" />
        </div>
      </section>
    </div>
  );
}
