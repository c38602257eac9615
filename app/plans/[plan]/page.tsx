import Link from "next/link";
import type { Metadata } from "next";
import { PriorityBadge, StatusBadge } from "@/components/ui/status-badge";
import { StatusBar } from "@/components/ui/status-bar";
import { MetricStatusCounts } from "@/components/metrics/metric-status-counts";
import { countStatuses, judgePlan } from "@/lib/metrics/queries";
import { formatCount, formatUsd, plural } from "@/lib/format";
import { loadPlanOr404 } from "@/lib/plans/load";
import { getPlanDashboard } from "@/lib/plans/queries";

type Props = { params: Promise<{ plan: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { plan } = await params;
  return { title: `Dashboard: ${(await loadPlanOr404(plan)).title}` };
}

export default async function DashboardPage({ params }: Props) {
  const plan = await loadPlanOr404((await params).plan);
  const data = getPlanDashboard(plan.id);
  const base = `/plans/${plan.slug}`;
  const behind = data.overall.at_risk + data.overall.off_track;

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1>Dashboard</h1>
        <a href={`/api/plans/${plan.slug}/export`} className="no-print text-sm" download>
          Download the whole plan (JSON)
        </a>
      </div>

      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading" className="sr-only">
          Summary
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          <Stat label="Actions" value={formatCount(data.total)} href={`${base}/actions`} />
          <Stat label="Completed" value={formatCount(data.overall.completed)} href={`${base}/actions?status=completed`} />
          <Stat label="On track" value={formatCount(data.overall.on_track)} href={`${base}/actions?status=on_track`} />
          <Stat label="At risk or off track" value={formatCount(behind)} />
        </dl>
      </section>

      <MetricStatusCounts counts={countStatuses(judgePlan(plan.id))} planSlug={plan.slug} />

      <section aria-labelledby="clusters-heading">
        <h2 id="clusters-heading">Progress by cluster</h2>
        {data.sections.length === 0 ? (
          <p className="mt-3 text-slate-700">This plan has no sections yet.</p>
        ) : (
          <ul className="mt-3 grid gap-4 md:grid-cols-2">
            {data.sections.map(({ section, total, counts, averagePercent }) => (
              <li key={section.id} className="rounded-lg border border-slate-200 bg-white p-4">
                <div className="flex items-baseline justify-between gap-2">
                  <h3 className="font-semibold">
                    <Link href={`${base}/sections/${section.key}`}>{section.title}</Link>
                  </h3>
                  <span className="text-sm whitespace-nowrap text-slate-700">{plural(total, "action")}</span>
                </div>
                <div className="mt-3">
                  <StatusBar counts={counts} total={total} />
                </div>
                <p className="mt-2 text-xs text-slate-700">
                  Average completion {averagePercent}% ·{" "}
                  <Link href={`${base}/actions?section=${section.key}`}>
                    List actions<span className="sr-only"> in {section.title}</span>
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      {data.planLevel.total > 0 && (
        <section aria-labelledby="plan-level-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="plan-level-heading">Plan-wide next steps</h2>
          <p className="mt-1 text-sm text-slate-700">{plural(data.planLevel.total, "action")} that belong to the plan as a whole.</p>
          <div className="mt-3">
            <StatusBar counts={data.planLevel.counts} total={data.planLevel.total} />
          </div>
          <ol className="mt-4 divide-y divide-slate-200">
            {data.planActions.map((a) => (
              <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                <Link href={`/actions/${a.id}`}>
                  {a.code}: {a.title ?? a.text}
                </Link>
                <StatusBadge status={a.status} />
              </li>
            ))}
          </ol>
        </section>
      )}

      <section aria-labelledby="priority-heading">
        <h2 id="priority-heading">Priority actions (“few big things”)</h2>
        {data.priority.length === 0 ? (
          <p className="mt-3 text-slate-700">No actions are flagged as priority yet.</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {data.priority.map((a) => (
              <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
                <Link href={`/actions/${a.id}`}>
                  {a.code}: {a.title ?? a.text}
                </Link>
                <span className="flex gap-2">
                  <PriorityBadge />
                  <StatusBadge status={a.status} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {data.targets.n > 0 && (
        <section aria-labelledby="targets-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="targets-heading">Economic development targets</h2>
          <p className="mt-1 text-sm text-slate-700">
            {plural(data.targets.n, "target")} with {formatUsd(data.targets.usd)} of market support.{" "}
            <Link href={`${base}/targets`}>See the targets</Link>
          </p>
        </section>
      )}

      {plan.previous && (
        <p className="text-sm text-slate-700">
          This plan updates <Link href={`/plans/${plan.previous.slug}`}>{plan.previous.title}</Link>.
        </p>
      )}
      {plan.sourceCitation && <p className="text-xs text-slate-600">Source: {plan.sourceCitation}</p>}
    </div>
  );
}

function Stat({ label, value, href }: { label: string; value: string; href?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4">
      <dt className="text-sm text-slate-700">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold">
        {href ? (
          <Link href={href}>
            {value}
            <span className="sr-only"> {label.toLowerCase()}: list them</span>
          </Link>
        ) : (
          value
        )}
      </dd>
    </div>
  );
}
