import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { RetireButton } from "@/components/forms/record-buttons";
import { SectionForm } from "@/components/sections/section-form";
import { requirePermission } from "@/lib/auth/guards";
import { requireUser } from "@/lib/auth/session";
import { sectionOptions } from "@/lib/editing/options";
import { loadPlanOr404 } from "@/lib/plans/load";
import { collectSubtree, listSections } from "@/lib/plans/queries";
import { getSectionForEditing } from "@/lib/sections/queries";
import { sectionFormValues } from "@/lib/sections/schema";
import { retireSectionAction, updateSectionAction } from "../../actions";

export const metadata: Metadata = { title: "Edit section" };

type Props = { params: Promise<{ plan: string; id: string }> };

export default async function EditSectionPage({ params }: Props) {
  const { plan: slug, id: raw } = await params;
  const plan = await loadPlanOr404(slug);
  requirePermission(await requireUser(), "plan.edit");
  const section = /^\d{1,12}$/.test(raw) ? getSectionForEditing(plan.id, Number(raw)) : null;
  if (!section) notFound();
  // A section cannot move into its own branch: those are not offered.
  const own = new Set(collectSubtree(listSections(plan.id), section.id).map(String));
  const parents = sectionOptions(plan.id, section.parentId ? [section.parentId] : []).filter((o) => !own.has(o.value));
  const base = `/plans/${plan.slug}`;
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`${base}/edit`}>Edit the plan</Link> /
      </nav>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1>Edit section: {section.title}</h1>
          <p className="mt-1 text-sm text-slate-700">
            Address: <Link href={`${base}/sections/${section.key}`}>{`${base}/sections/${section.key}`}</Link>
            {section.retiredAt && <span className="ml-2 rounded bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-900">Retired</span>}
          </p>
        </div>
        <RetireButton action={retireSectionAction} idName="sectionId" id={section.id} version={section.version} retired={Boolean(section.retiredAt)} what={section.title} />
      </div>
      {section.retiredAt ? (
        <p className="rounded border border-slate-300 bg-white p-4 text-slate-800">This section is retired. Bring it back to edit it.</p>
      ) : (
        <section aria-label="Section details" className="rounded-lg border border-slate-200 bg-white p-4">
          <SectionForm action={updateSectionAction} sectionId={section.id} version={section.version} values={sectionFormValues(section)} parents={parents} submitLabel="Save section" />
        </section>
      )}
    </div>
  );
}
