import { NavLink } from "@/components/layout/nav-link";
import { formatPeriod } from "@/lib/format";
import { loadPlanOr404 } from "@/lib/plans/load";
import { requireReader } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";

export default async function PlanLayout({ children, params }: { children: React.ReactNode; params: Promise<{ plan: string }> }) {
  const { plan: slug } = await params;
  const plan = await loadPlanOr404(slug);
  const user = await requireReader();
  const base = `/plans/${plan.slug}`;
  return (
    <div>
      <div className="mb-4">
        <p className="text-sm text-slate-700">
          {plan.region} · {formatPeriod(plan.periodStart, plan.periodEnd)}
          {plan.status !== "active" && <span className="ml-2 rounded bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-800">{plan.status}</span>}
        </p>
        <p className="mt-1 text-base font-medium text-slate-900">{plan.title}</p>
      </div>
      <nav aria-label="Plan" className="mb-6 border-b border-slate-200 pb-2">
        <ul className="flex flex-wrap gap-1">
          <li>
            <NavLink href={base} exact>
              Dashboard
            </NavLink>
          </li>
          <li>
            <NavLink href={`${base}/actions`}>Actions</NavLink>
          </li>
          <li>
            <NavLink href={`${base}/metrics`}>Metrics</NavLink>
          </li>
          <li>
            <NavLink href={`${base}/analytics`}>Cluster employment</NavLink>
          </li>
          <li>
            <NavLink href={`${base}/reports`}>Reports</NavLink>
          </li>
          <li>
            <NavLink href={`${base}/work-groups`}>Work groups</NavLink>
          </li>
          <li>
            <NavLink href={`${base}/targets`}>Economic development targets</NavLink>
          </li>
          <li>
            <NavLink href={`${base}/periods`}>Reporting periods</NavLink>
          </li>
          {can(user, "tracker.read") && (
            <li>
              <NavLink href={`${base}/tracker`}>Submission tracker</NavLink>
            </li>
          )}
          {can(user, "update.review") && (
            <li>
              <NavLink href={`${base}/review`}>Review updates</NavLink>
            </li>
          )}
          {can(user, "plan.import") && (
            <li>
              <NavLink href={`${base}/import`}>Import</NavLink>
            </li>
          )}
          {can(user, "plan.edit") && (
            <li>
              <NavLink href={`${base}/edit`}>Edit the plan</NavLink>
            </li>
          )}
        </ul>
      </nav>
      {children}
    </div>
  );
}
