import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { ActionTable } from "@/components/actions/action-table";
import { SectionMetrics } from "@/components/metrics/section-metrics";
import { StatusBar } from "@/components/ui/status-bar";
import { ACTION_STATUSES, type ActionStatus } from "@/db/schema/enums";
import { listActionsInSections, type ChampionSummary } from "@/lib/actions/queries";
import { WORK_GROUP_STATUS_LABELS, formatUsd, plural } from "@/lib/format";
import { loadPlanOr404 } from "@/lib/plans/load";
import { getSectionPage } from "@/lib/plans/queries";

type Props = { params: Promise<{ plan: string; key: string }> };

// Long sections link on to the paginated action list instead of rendering every row.
const SHOWN = 25;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { plan, key } = await params;
  const page = getSectionPage((await loadPlanOr404(plan)).id, key);
  return { title: page?.section.title ?? "Not found" };
}

export default async function SectionPage({ params }: Props) {
  const { plan: slug, key } = await params;
  const plan = await loadPlanOr404(slug);
  const page = getSectionPage(plan.id, key);
  if (!page) notFound();
  const { section, trail, children, opportunities, workGroups, targets } = page;
  const { rows, champions } = listActionsInSections(page.subtreeIds);
  const base = `/plans/${plan.slug}`;

  const counts = Object.fromEntries(ACTION_STATUSES.map((s) => [s, 0])) as Record<ActionStatus, number>;
  for (const r of rows) counts[r.status]++;
  const championOrgs = aggregateChampions(champions);

  return (
    <div className="space-y-8">
      <div>
        <nav aria-label="Breadcrumb" className="text-sm">
          <ol className="flex flex-wrap gap-1 text-slate-700">
            <li>
              <Link href={base}>Dashboard</Link> /
            </li>
            {trail.map((s) => (
              <li key={s.id}>
                <Link href={`${base}/sections/${s.key}`}>{s.title}</Link> /
              </li>
            ))}
          </ol>
        </nav>
        <p className="mt-2 text-sm tracking-wide text-slate-700 uppercase">
          {section.kind === "cluster" ? "Industry cluster" : section.kind}
          {section.retiredAt && " · retired"}
        </p>
        <h1>
          {section.code ? `${section.code} ` : ""}
          {section.title}
        </h1>
        {section.description && <p className="mt-2 max-w-3xl text-slate-800">{section.description}</p>}
        <div className="mt-4 max-w-xl">
          <StatusBar counts={counts} total={rows.length} />
        </div>
      </div>

      {children.length > 0 && (
        <section aria-labelledby="children-heading">
          <h2 id="children-heading">{children.every((c) => c.kind === "component") ? "Value-chain components" : "Sub-sections"}</h2>
          <ul className="mt-2 flex flex-wrap gap-2">
            {children.map((c) => (
              <li key={c.id}>
                <Link href={`${base}/sections/${c.key}`} className="inline-block rounded-full border border-slate-300 bg-white px-3 py-1 text-sm">
                  {c.title}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="opportunities-heading">
        <h2 id="opportunities-heading">Issues and opportunities</h2>
        {opportunities.length === 0 ? (
          <p className="mt-2 text-slate-700">None recorded for this section.</p>
        ) : (
          <ul className="mt-2 list-disc space-y-1 pl-6 text-slate-800">
            {opportunities.map((o) => (
              <li key={o.id}>{o.text}</li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="actions-heading">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="actions-heading">Recommended actions</h2>
          <span className="text-sm text-slate-700">{plural(rows.length, "action")}</span>
        </div>
        <div className="mt-2">
          {rows.length === 0 ? (
            <p className="text-slate-700">No actions in this section.</p>
          ) : (
            <>
              <ActionTable rows={rows.slice(0, SHOWN)} champions={champions} caption={`Actions in ${section.title}`} showSection={children.length > 0} />
              {rows.length > SHOWN && (
                <p className="mt-2 text-sm">
                  Showing the first {SHOWN}. <Link href={`${base}/actions?section=${section.key}`}>See all {rows.length} actions of {section.title}</Link>
                </p>
              )}
            </>
          )}
        </div>
      </section>

      <SectionMetrics plan={plan} section={section} cluster={trail[0] ?? section} />

      <div className="grid gap-6 md:grid-cols-2">
        <section aria-labelledby="groups-heading">
          <h2 id="groups-heading">Work groups</h2>
          {workGroups.length === 0 ? (
            <p className="mt-2 text-slate-700">No work group is linked to this section yet.</p>
          ) : (
            <ul className="mt-2 space-y-2">
              {workGroups.map((g) => (
                <li key={g.id} className="rounded border border-slate-200 bg-white p-3 text-sm">
                  <Link href={`${base}/work-groups/${g.key}`} className="font-medium">
                    {g.name}
                  </Link> · {WORK_GROUP_STATUS_LABELS[g.status]}
                  <br />
                  Lead: {g.leadSlug ? <Link href={`/organizations/${g.leadSlug}`}>{g.leadName}</Link> : "not named"}
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="champions-heading">
          <h2 id="champions-heading">Champions</h2>
          {championOrgs.length === 0 ? (
            <p className="mt-2 text-slate-700">No champion organizations are linked to these actions yet.</p>
          ) : (
            <ul className="mt-2 space-y-1 text-sm">
              {championOrgs.map((c) => (
                <li key={c.slug}>
                  <Link href={`/organizations/${c.slug}`}>{c.name}</Link>
                  <span className="text-slate-700">
                    {" "}
                    · {plural(c.count, "action")}
                    {c.leads > 0 ? `, lead on ${c.leads}` : ""}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      {targets.length > 0 && (
        <section aria-labelledby="targets-heading">
          <h2 id="targets-heading">Related economic development targets</h2>
          <ul className="mt-2 space-y-1 text-sm">
            {targets.map((t) => (
              <li key={t.id}>
                {t.description}: {formatUsd(t.marketSupportUsd)}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function aggregateChampions(champions: Map<number, ChampionSummary[]>) {
  const byOrg = new Map<string, { slug: string; name: string; count: number; leads: number }>();
  for (const list of champions.values()) {
    for (const c of list) {
      const entry = byOrg.get(c.slug) ?? { slug: c.slug, name: c.name, count: 0, leads: 0 };
      entry.count++;
      if (c.role === "lead") entry.leads++;
      byOrg.set(c.slug, entry);
    }
  }
  return [...byOrg.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}
