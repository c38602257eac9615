import Link from "next/link";
import { forbidden } from "next/navigation";
import type { Metadata } from "next";
import { ActionEditForm } from "@/components/actions/action-edit-form";
import { actionFormOptions } from "@/lib/actions/edit-queries";
import { requireUser } from "@/lib/auth/session";
import { loadPlanOr404 } from "@/lib/plans/load";
import { createActionAction } from "./actions";

export const metadata: Metadata = { title: "Add an action" };

export default async function NewActionPage({ params }: { params: Promise<{ plan: string }> }) {
  const plan = await loadPlanOr404((await params).plan);
  const user = await requireUser();
  const options = actionFormOptions(user, plan.id);
  // Admins, and leads of at least one of this plan's work groups.
  if (options.groups.length === 0 && !options.groupOptional) forbidden();
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/plans/${plan.slug}/actions`}>Actions</Link> /
      </nav>
      <h1>Add an action</h1>
      <p className="max-w-3xl text-slate-800">The new action goes at the end of its section. Its status and progress come from the quarterly updates.</p>
      <section aria-label="New action" className="rounded-lg border border-slate-200 bg-white p-4">
        <ActionEditForm
          action={createActionAction}
          planId={plan.id}
          values={{ code: "", title: "", text: "", sectionId: "", workGroupId: options.groupOptional ? "" : (options.groups[0]?.value ?? ""), champions: "[]", leadPerson: "", leadUserId: "", startDate: "", dueDate: "", isPriority: "" }}
          options={options}
          submitLabel="Add action"
        />
      </section>
    </div>
  );
}
