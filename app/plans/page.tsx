import Link from "next/link";
import type { Metadata } from "next";
import { formatPeriod, plural } from "@/lib/format";
import { requireReader } from "@/lib/auth/guards";
import { listPlans } from "@/lib/plans/queries";

export const metadata: Metadata = { title: "Plans" };

export default async function PlansPage() {
  await requireReader();
  const plans = listPlans();
  return (
    <div>
      <h1>Plans</h1>
      <p className="mt-2 text-slate-700">Every cluster action plan in this tracker, current plans first.</p>
      {plans.length === 0 ? (
        <p className="mt-6 rounded border border-dashed border-slate-300 bg-white p-6 text-slate-700">
          No plans yet. Import one with <code>npm run plan:import -- plan.json</code>.
        </p>
      ) : (
        <ul className="mt-6 grid gap-4 sm:grid-cols-2">
          {plans.map((p) => (
            <li key={p.id} className="rounded-lg border border-slate-200 bg-white p-4">
              <h2 className="text-base">
                <Link href={`/plans/${p.slug}`}>{p.title}</Link>
              </h2>
              <p className="mt-1 text-sm text-slate-700">
                {p.region} · {formatPeriod(p.periodStart, p.periodEnd)} · {p.status}
              </p>
              <p className="mt-1 text-sm text-slate-700">{plural(p.actionCount, "action")}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
