import Link from "next/link";
import type { Metadata } from "next";
import { WORK_GROUP_STATUS_LABELS, plural } from "@/lib/format";
import { loadPlanOr404 } from "@/lib/plans/load";
import { listPlanWorkGroups } from "@/lib/work-groups/queries";

export const metadata: Metadata = { title: "Work groups" };

export default async function WorkGroupsPage({ params }: { params: Promise<{ plan: string }> }) {
  const plan = await loadPlanOr404((await params).plan);
  const groups = listPlanWorkGroups(plan.id);
  return (
    <div className="space-y-4">
      <h1>Work groups</h1>
      {groups.length === 0 ? (
        <p className="text-slate-700">This plan names no work groups yet.</p>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {groups.map((g) => (
            <li key={g.id} className="rounded-lg border border-slate-200 bg-white p-4">
              <h2 className="text-base">
                <Link href={`/plans/${plan.slug}/work-groups/${g.key}`}>{g.name}</Link>
              </h2>
              <p className="mt-1 text-sm text-slate-700">
                {WORK_GROUP_STATUS_LABELS[g.status]} · lead: {g.leadName ?? "not named"} · {plural(g.actionCount, "action")}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
