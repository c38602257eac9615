import Link from "next/link";
import type { Metadata } from "next";
import { OrganizationForm } from "@/components/organizations/organization-form";
import { requirePermission } from "@/lib/auth/guards";
import { requireUser } from "@/lib/auth/session";
import { createOrganizationAction } from "../actions";

export const metadata: Metadata = { title: "Add an organization" };

export default async function NewOrganizationPage() {
  requirePermission(await requireUser(), "plan.edit");
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/organizations">Partner organizations</Link> /
      </nav>
      <h1>Add an organization</h1>
      <p className="max-w-3xl text-slate-800">Its address is made from its name and stays the same when the name is edited later.</p>
      <section aria-label="New organization" className="rounded-lg border border-slate-200 bg-white p-4">
        <OrganizationForm action={createOrganizationAction} values={{ name: "", acronym: "", type: "other", website: "" }} submitLabel="Add organization" />
      </section>
    </div>
  );
}
