import Link from "next/link";
import type { ActionStatus } from "@/db/schema/enums";
import type { ChampionSummary } from "@/lib/actions/queries";
import { PriorityBadge, StatusBadge } from "@/components/ui/status-badge";
import { PercentBar } from "@/components/ui/status-bar";

export interface ActionRow {
  id: number;
  code: string;
  title: string | null;
  text: string;
  status: ActionStatus;
  percentComplete: number;
  isPriority: boolean;
  sectionTitle?: string | null;
  workGroupName?: string | null;
}

export function excerpt(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max - 20)).trimEnd()}…`;
}

// Shared by the action list and the cluster page. On phones the table
// scrolls sideways inside its own region rather than the whole page.
export function ActionTable({ rows, champions, caption, showSection = true }: { rows: ActionRow[]; champions: Map<number, ChampionSummary[]>; caption: string; showSection?: boolean }) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white" role="region" aria-label={caption} tabIndex={0}>
      <table className="w-full min-w-[40rem] text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100 text-xs text-slate-800 uppercase">
          <tr>
            <th scope="col" className="px-3 py-2">Code</th>
            <th scope="col" className="px-3 py-2">Action</th>
            {showSection && <th scope="col" className="px-3 py-2">Cluster / section</th>}
            <th scope="col" className="px-3 py-2">Champions</th>
            <th scope="col" className="px-3 py-2">Status</th>
            <th scope="col" className="px-3 py-2">Complete</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {rows.map((a) => (
            <tr key={a.id} className="align-top">
              <td className="px-3 py-2 font-mono text-xs whitespace-nowrap">{a.code}</td>
              <td className="px-3 py-2">
                {/* Lists show an excerpt; the full text is on the action's own page. */}
                <Link href={`/actions/${a.id}`}>{a.title ?? excerpt(a.text, 220)}</Link>
                {a.title && <p className="mt-1 text-xs text-slate-700">{excerpt(a.text, 160)}</p>}
                {a.workGroupName && <p className="mt-1 text-xs text-slate-700">Work group: {a.workGroupName}</p>}
                {a.isPriority && (
                  <span className="mt-1 inline-block">
                    <PriorityBadge />
                  </span>
                )}
              </td>
              {showSection && <td className="px-3 py-2 text-slate-800">{a.sectionTitle ?? "Plan-wide"}</td>}
              <td className="px-3 py-2 text-slate-800">
                <ul className="space-y-0.5">
                  {(champions.get(a.id) ?? []).map((c) => (
                    <li key={c.slug}>
                      <Link href={`/organizations/${c.slug}`} title={c.name}>
                        {c.acronym ?? c.name}
                      </Link>
                      {c.role !== "partner" && <span className="text-xs text-slate-700"> ({c.role})</span>}
                    </li>
                  ))}
                </ul>
              </td>
              <td className="px-3 py-2">
                <StatusBadge status={a.status} />
              </td>
              <td className="px-3 py-2">
                <PercentBar percent={a.percentComplete} label={`${a.code} percent complete`} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
