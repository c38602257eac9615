import type { TrackerRow } from "@/lib/tracker/queries";

const STATE_TEXT = { updated: "Updated", returned: "Returned", missing: "Missing" } as const;
const STATE_STYLE = { updated: "bg-green-50 text-green-900 ring-green-300", returned: "bg-red-50 text-red-900 ring-red-300", missing: "bg-amber-50 text-amber-900 ring-amber-300" } as const;

export function TrackerStateBadge({ row }: { row: Pick<TrackerRow, "state" | "hasDraft" | "reviewState"> }) {
  const detail = row.state === "missing" && row.hasDraft ? " (draft saved)" : row.state === "updated" && row.reviewState === "submitted" ? " (awaiting review)" : "";
  return <span className={`badge ${STATE_STYLE[row.state]}`}>{STATE_TEXT[row.state] + detail}</span>;
}

// Plain links and short cells: a plan can have a few hundred rows here.
export function TrackerTable({ rows }: { rows: TrackerRow[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[44rem] border-collapse bg-white text-sm">
        <caption className="sr-only">Update status of each action for the period</caption>
        <thead>
          <tr className="border-b border-slate-300 text-left">
            <th scope="col" className="p-2">Action</th>
            <th scope="col" className="p-2">Work group</th>
            <th scope="col" className="p-2">This period</th>
            <th scope="col" className="p-2">Last submitted</th>
            <th scope="col" className="p-2">
              Stale <span className="font-normal">(not updated last period either)</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.actionId} className="border-b border-slate-200 align-top">
              <td className="p-2">
                <a href={`/actions/${r.actionId}`}>
                  <span className="font-mono">{r.code}</span> {r.title.length > 90 ? `${r.title.slice(0, 90)}…` : r.title}
                </a>
              </td>
              <td className="p-2">{r.workGroupName ?? "None"}</td>
              <td className="p-2">
                <TrackerStateBadge row={r} />
                {r.updatedBy && <span className="block text-xs text-slate-700">by {r.updatedBy}</span>}
              </td>
              <td className="p-2">{r.lastUpdateAt ? <time dateTime={r.lastUpdateAt}>{r.lastUpdateAt.slice(0, 10)}</time> : "Never"}</td>
              <td className="p-2">{r.stale ? <span className="font-medium text-red-800">Stale</span> : "No"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
