import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { PriorityBadge, StatusBadge } from "@/components/ui/status-badge";
import { PercentBar } from "@/components/ui/status-bar";
import { getActionDetail } from "@/lib/actions/queries";
import { ActionEditPanel } from "@/components/actions/action-edit-panel";
import { describeDiff, listEntityHistory } from "@/lib/audit/queries";
import { requireReader } from "@/lib/auth/guards";
import { moveActionAction, retireActionAction, saveActionAction } from "./actions";
import { Discussion } from "./discussion";
import { WORK_GROUP_STATUS_LABELS } from "@/lib/format";
import { ActionUpdates } from "@/components/updates/action-updates";
import { ActionMetrics } from "@/components/metrics/action-metrics";
import { getPlanBySlug } from "@/lib/plans/queries";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function load(raw: string) {
  const user = await requireReader();
  const id = /^\d{1,12}$/.test(raw) ? Number(raw) : NaN;
  const detail = Number.isSafeInteger(id) ? getActionDetail(id) : null;
  if (!detail) notFound();
  return { ...detail, user };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { action } = await load((await params).id);
  return { title: `${action.code}: ${action.title ?? action.text.slice(0, 60)}` };
}

export default async function ActionPage({ params, searchParams }: Props) {
  const { action, planSlug, planTitle, workGroupName, workGroupKey, workGroupStatus, trail, champions, user } = await load((await params).id);
  const requestedPeriod = Number((await searchParams).period) || undefined;
  const history = listEntityHistory(user, "action", action.id);
  const base = `/plans/${planSlug}`;
  return (
    <article className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <ol className="flex flex-wrap gap-1 text-slate-700">
          <li>
            <Link href={base}>{planTitle}</Link> /
          </li>
          {trail.length === 0 && (
            <li>
              <Link href={`${base}/actions`}>Plan-wide actions</Link> /
            </li>
          )}
          {trail.map((s) => (
            <li key={s.id}>
              <Link href={`${base}/sections/${s.key}`}>{s.title}</Link> /
            </li>
          ))}
        </ol>
      </nav>
      <header>
        <p className="font-mono text-sm text-slate-700">{action.code}</p>
        <h1 className="max-w-4xl">{action.title ?? action.text}</h1>
        <div className="mt-3 flex flex-wrap items-center gap-2">
          <StatusBadge status={action.status} />
          {action.isPriority && <PriorityBadge />}
          {action.retiredAt && <span className="rounded bg-slate-200 px-2 py-0.5 text-xs font-medium">Retired</span>}
        </div>
      </header>

      {action.title && (
      <section aria-labelledby="text-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="text-heading" className="sr-only">
          Action text
        </h2>
        <p className="text-base whitespace-pre-line text-slate-900">{action.text}</p>
      </section>
      )}

      <section aria-labelledby="details-heading">
        <h2 id="details-heading">Details</h2>
        <dl className="mt-2 grid gap-x-6 gap-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-2">
          <Detail label="Percent complete">
            <PercentBar percent={action.percentComplete} label="Progress" />
          </Detail>
          <Detail label="Work group">
            {workGroupName ? (
              <Link href={`${base}/work-groups/${workGroupKey}`}>
                {workGroupName} ({WORK_GROUP_STATUS_LABELS[workGroupStatus!]})
              </Link>
            ) : (
              "Not assigned"
            )}
          </Detail>
          <Detail label="Lead person">{action.leadPerson ?? "Not named"}</Detail>
          <Detail label="Start date">{action.startDate ?? "Not set"}</Detail>
          <Detail label="Due date">{action.dueDate ?? "Not set"}</Detail>
          <Detail label="Last changed">{action.updatedAt.slice(0, 10)}</Detail>
        </dl>
      </section>

      <section aria-labelledby="champions-heading">
        <h2 id="champions-heading">Champions</h2>
        {champions.length === 0 ? (
          <p className="mt-2 text-slate-700">No champion organizations are linked to this action yet.</p>
        ) : (
          <ul className="mt-2 space-y-1 text-sm">
            {champions.map((c) => (
              <li key={c.slug}>
                <Link href={`/organizations/${c.slug}`}>{c.name}</Link>
                {c.acronym && <span className="text-slate-700"> ({c.acronym})</span>} <span className="text-slate-700">· {c.role}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <ActionMetrics user={user} action={action} plan={getPlanBySlug(planSlug)!} />

      <ActionUpdates user={user} action={action} requestedPeriod={requestedPeriod} />

      <Discussion actionId={action.id} user={user} />

      <ActionEditPanel user={user} action={action} save={saveActionAction} move={moveActionAction} retire={retireActionAction} />

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">History</h2>
        {history.length === 0 ? (
          <p className="mt-2 text-slate-700">No changes recorded since the plan was loaded.</p>
        ) : (
          <ol className="mt-2 space-y-2 text-sm">
            {history.map((h) => (
              <li key={h.id} className="rounded border border-slate-200 bg-white p-3">
                <p>
                  <span className="font-medium">{h.actorLabel}</span> · <time dateTime={h.at}>{h.at.replace("T", " ").slice(0, 16)} UTC</time> · {h.action}
                </p>
                <ul className="mt-1 text-xs text-slate-700">
                  {describeDiff(h.diff).map((line, i) => (
                    <li key={i}>{line}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}

function Detail({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="font-medium text-slate-700">{label}</dt>
      <dd className="mt-0.5 text-slate-900">{children}</dd>
    </div>
  );
}
