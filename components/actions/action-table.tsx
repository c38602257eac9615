import type { ActionStatus } from "@/db/schema/enums";
import type { ChampionSummary } from "@/lib/actions/queries";
import { PriorityBadge, StatusBadge } from "@/components/ui/status-badge";

export interface ActionRow {
  id: number;
  code: string;
  title: string | null;
  text: string;
  status: ActionStatus;
  percentComplete: number;
  isPriority: boolean;
  retiredAt?: string | null;
  sectionTitle?: string | null;
  workGroupName?: string | null;
}

export function excerpt(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max - 20)).trimEnd()}…`;
}

// Rows use plain <a>, not next/link: a Link is a client component, and a
// few hundred of them per page cost more server time than the page itself.
// Shared by the action list and the cluster page. On phones the table
// scrolls sideways inside its own region rather than the whole page.
export function ActionTable({ rows, champions, caption, showSection = true }: { rows: ActionRow[]; champions: Map<number, ChampionSummary[]>; caption: string; showSection?: boolean }) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white" role="region" aria-label={caption} tabIndex={0}>
      {/* Cell padding is set once on the table: long lists stay light to send. */}
      <table className="w-full min-w-[40rem] text-left text-sm [&_td]:px-3 [&_td]:py-2 [&_th]:px-3 [&_th]:py-2">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100 text-xs text-slate-800 uppercase">
          <tr>
            <th scope="col">Code</th>
            <th scope="col">Action</th>
            {showSection && <th scope="col">Cluster / section</th>}
            <th scope="col">Champions</th>
            <th scope="col">Status</th>
            <th scope="col">Complete</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {rows.map((a) => (
            <tr key={a.id} className="align-top">
              <td className="font-mono text-xs whitespace-nowrap">{a.code}</td>
              <td>
                {/* Lists show an excerpt; the full text is on the action's own page. */}
                <a href={`/actions/${a.id}`}>{a.title ?? excerpt(a.text, 220)}</a>
                {a.title && <p className="mt-1 text-xs text-slate-700">{excerpt(a.text, 160)}</p>}
                {a.workGroupName && <p className="mt-1 text-xs text-slate-700">Work group: {a.workGroupName}</p>}
                {a.isPriority && (
                  <span className="mt-1 inline-block">
                    <PriorityBadge />
                  </span>
                )}
                {a.retiredAt && <span className="mt-1 ml-1 inline-block rounded bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-900">Retired</span>}
              </td>
              {showSection && <td>{a.sectionTitle ?? "Plan-wide"}</td>}
              <td>
                <ul>
                  {(champions.get(a.id) ?? []).map((c) => (
                    <li key={c.slug}>
                      <a href={`/organizations/${c.slug}`}>{c.acronym ?? c.name}</a>
                      {c.role !== "partner" && ` (${c.role})`}
                    </li>
                  ))}
                </ul>
              </td>
              <td>
                <StatusBadge status={a.status} />
              </td>
              <td className="tabular-nums">{a.percentComplete}%</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
