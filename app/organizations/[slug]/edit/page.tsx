import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { RetireButton } from "@/components/forms/record-buttons";
import { OrganizationForm } from "@/components/organizations/organization-form";
import { requirePermission } from "@/lib/auth/guards";
import { requireUser } from "@/lib/auth/session";
import { getOrganizationDetail } from "@/lib/organizations/queries";
import { organizationFormValues } from "@/lib/organizations/schema";
import { retireOrganizationAction, updateOrganizationAction } from "../../actions";

export const metadata: Metadata = { title: "Edit organization" };

export default async function EditOrganizationPage({ params }: { params: Promise<{ slug: string }> }) {
  requirePermission(await requireUser(), "plan.edit");
  const detail = getOrganizationDetail((await params).slug);
  if (!detail) notFound();
  const { org } = detail;
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/organizations">Partner organizations</Link> / <Link href={`/organizations/${org.slug}`}>{org.name}</Link> /
      </nav>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1>Edit organization: {org.name}</h1>
          {org.retiredAt && <span className="mt-1 inline-block rounded bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-900">Retired</span>}
        </div>
        <RetireButton action={retireOrganizationAction} idName="organizationId" id={org.id} version={org.version} retired={Boolean(org.retiredAt)} what={org.name} />
      </div>
      {org.retiredAt ? (
        <p className="rounded border border-slate-300 bg-white p-4 text-slate-800">This organization is retired: it keeps its links to actions and work groups but is no longer offered in lists. Bring it back to edit it.</p>
      ) : (
        <section aria-label="Organization details" className="rounded-lg border border-slate-200 bg-white p-4">
          <OrganizationForm action={updateOrganizationAction} organizationId={org.id} version={org.version} values={organizationFormValues(org)} submitLabel="Save organization" />
        </section>
      )}
    </div>
  );
}
