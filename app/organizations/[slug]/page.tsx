import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { StatusBadge } from "@/components/ui/status-badge";
import { ORGANIZATION_TYPE_LABELS, WORK_GROUP_STATUS_LABELS, plural } from "@/lib/format";
import { requireReader } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { getOrganizationDetail } from "@/lib/organizations/queries";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await requireReader();
  const detail = getOrganizationDetail((await params).slug);
  return { title: detail?.org.name ?? "Not found" };
}

export default async function OrganizationPage({ params }: Props) {
  const user = await requireReader();
  const detail = getOrganizationDetail((await params).slug);
  if (!detail) notFound();
  const { org, championed, leads, acknowledgedBy } = detail;
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/organizations">Partner organizations</Link> /
      </nav>
      <header>
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h1>{org.name}</h1>
          {can(user, "plan.edit") && <Link href={`/organizations/${org.slug}/edit`}>Edit this organization</Link>}
        </div>
        <p className="mt-1 text-slate-700">
          {org.acronym && <>{org.acronym} · </>}
          {ORGANIZATION_TYPE_LABELS[org.type]}
          {org.retiredAt && " · retired"}
          {org.website && (
            <>
              {" · "}
              <a href={org.website} rel="noopener noreferrer">
                Website
              </a>
            </>
          )}
        </p>
      </header>

      <section aria-labelledby="champions-heading">
        <h2 id="champions-heading">Actions it champions</h2>
        {championed.length === 0 ? (
          <p className="mt-2 text-slate-700">This organization does not champion any action yet.</p>
        ) : (
          <>
            <p className="mt-1 text-sm text-slate-700">{plural(championed.length, "action")}</p>
            <ul className="mt-2 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
              {championed.map((a) => (
                <li key={a.id} className="flex flex-wrap items-start justify-between gap-2 p-3 text-sm">
                  <div className="max-w-3xl">
                    <Link href={`/actions/${a.id}`}>
                      {a.code}: {a.title ?? a.text}
                    </Link>
                    <p className="text-xs text-slate-700">
                      {a.planTitle} · {a.sectionTitle ?? "Plan-wide"} · {a.role}
                    </p>
                  </div>
                  <StatusBadge status={a.status} />
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="groups-heading">
        <h2 id="groups-heading">Work groups it leads</h2>
        {leads.length === 0 ? (
          <p className="mt-2 text-slate-700">None.</p>
        ) : (
          <ul className="mt-2 space-y-1 text-sm">
            {leads.map((g) => (
              <li key={g.id}>
                <Link href={`/plans/${g.planSlug}/actions?group=${g.key}`}>{g.name}</Link> · {WORK_GROUP_STATUS_LABELS[g.status]} · {g.planTitle}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="plans-heading">
        <h2 id="plans-heading">Acknowledged as a partner in</h2>
        {acknowledgedBy.length === 0 ? (
          <p className="mt-2 text-slate-700">No plan acknowledges it as a partner.</p>
        ) : (
          <ul className="mt-2 space-y-1 text-sm">
            {acknowledgedBy.map((p) => (
              <li key={p.slug}>
                <Link href={`/plans/${p.slug}`}>{p.title}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
