import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { AddMemberForm, RemoveMemberButton } from "@/components/work-groups/membership-form";
import { can } from "@/lib/auth/permissions";
import { requireReader } from "@/lib/auth/guards";
import { WORK_GROUP_STATUS_LABELS } from "@/lib/format";
import { loadPlanOr404 } from "@/lib/plans/load";
import { getWorkGroupPage, listActiveUserNames } from "@/lib/work-groups/queries";
import { setMembershipAction } from "./actions";

export const metadata: Metadata = { title: "Work group" };

export default async function WorkGroupPage({ params }: { params: Promise<{ plan: string; key: string }> }) {
  const { plan: slug, key } = await params;
  const plan = await loadPlanOr404(slug);
  const user = await requireReader();
  const page = getWorkGroupPage(plan.id, key);
  if (!page) notFound();
  const { group, members, sections } = page;
  const canManage = can(user, "workgroup.members.manage", { workGroupId: group.id });
  const candidates = canManage ? listActiveUserNames().filter((p) => !members.some((m) => m.userId === p.id)) : [];
  return (
    <div className="space-y-6">
      <div>
        <h1>{group.name}</h1>
        <p className="mt-2 text-slate-700">
          {WORK_GROUP_STATUS_LABELS[group.status]}
          {group.retiredAt && " · retired"} · lead organization: {group.leadSlug ? <Link href={`/organizations/${group.leadSlug}`}>{group.leadName}</Link> : "not named"}
        </p>
        {group.description && <p className="mt-2 max-w-3xl text-slate-800">{group.description}</p>}
        <p className="mt-2 text-sm">
          <Link href={`/plans/${plan.slug}/actions?group=${group.key}`}>This group’s actions</Link>
          {sections.length > 0 && (
            <>
              {" · "}clusters:{" "}
              {sections.map((s, i) => (
                <span key={s.key}>
                  {i > 0 && ", "}
                  <Link href={`/plans/${plan.slug}/sections/${s.key}`}>{s.title}</Link>
                </span>
              ))}
            </>
          )}
        </p>
      </div>
      <section aria-labelledby="members-heading">
        <h2 id="members-heading">Members</h2>
        {members.length === 0 ? (
          <p className="mt-2 text-slate-700">Nobody has joined this work group yet.</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {members.map((m) => (
              <li key={m.userId} className="flex flex-wrap items-center justify-between gap-2 p-3 text-sm">
                <span>
                  {m.name} · {m.role === "lead" ? "Lead" : "Member"}
                  {!m.isActive && " · deactivated"}
                </span>
                {canManage && m.userId !== user.userId && <RemoveMemberButton action={setMembershipAction} workGroupId={group.id} userId={m.userId} name={m.name} />}
              </li>
            ))}
          </ul>
        )}
      </section>
      {canManage && candidates.length > 0 && (
        <section aria-labelledby="add-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="add-heading">Add someone</h2>
          <div className="mt-3">
            <AddMemberForm action={setMembershipAction} workGroupId={group.id} people={candidates} />
          </div>
        </section>
      )}
    </div>
  );
}
