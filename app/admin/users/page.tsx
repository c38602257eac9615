import type { Metadata } from "next";
import { InviteForm } from "@/components/admin/invite-form";
import { UserRowActions } from "@/components/admin/user-row-actions";
import { requirePermission } from "@/lib/auth/guards";
import { requireUser } from "@/lib/auth/session";
import { ROLE_LABELS } from "@/lib/format";
import { listPendingInvitations, listUsers, listWorkGroupOptions } from "@/lib/users/queries";
import { changeRoleAction, inviteAction, resetLinkAction, setActiveAction } from "./actions";

export const metadata: Metadata = { title: "People" };

export default async function UsersPage() {
  const actor = await requireUser();
  requirePermission(actor, "user.manage");
  const people = listUsers(actor);
  const pending = listPendingInvitations(actor);
  return (
    <div className="space-y-8">
      <h1>People</h1>
      <section aria-labelledby="invite-heading" className="max-w-xl rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="invite-heading">Invite someone</h2>
        <p className="mb-4 text-sm text-slate-700">The link works once and expires in 7 days. The person chooses their own password.</p>
        <InviteForm action={inviteAction} groups={listWorkGroupOptions()} />
      </section>

      {pending.length > 0 && (
        <section aria-labelledby="pending-heading">
          <h2 id="pending-heading">Pending invitations</h2>
          <ul className="mt-2 space-y-1 text-sm">
            {pending.map((p) => (
              <li key={p.id}>
                {p.email} · {p.role ? ROLE_LABELS[p.role] : ""} · expires {p.expiresAt.slice(0, 10)}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="people-heading">
        <h2 id="people-heading">Accounts</h2>
        <div className="relative mt-2 overflow-x-auto rounded-lg border border-slate-200 bg-white" role="region" aria-label="Accounts table" tabIndex={0}>
          <table className="w-full min-w-[48rem] text-left text-sm">
            <caption className="sr-only">Accounts</caption>
            <thead className="bg-slate-100 text-xs text-slate-800 uppercase">
              <tr>
                <th scope="col" className="px-3 py-2">Person</th>
                <th scope="col" className="px-3 py-2">Role</th>
                <th scope="col" className="px-3 py-2">Work groups</th>
                <th scope="col" className="px-3 py-2">Status</th>
                <th scope="col" className="px-3 py-2">Manage</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {people.map((u) => (
                <tr key={u.id} className="align-top">
                  <td className="px-3 py-2">
                    <span className="font-medium">{u.name}</span>
                    <br />
                    <span className="text-slate-700">{u.email}</span>
                  </td>
                  <td className="px-3 py-2">{ROLE_LABELS[u.role]}</td>
                  <td className="px-3 py-2">{u.groups.length ? u.groups.map((g) => `${g.name}${g.role === "lead" ? " (lead)" : ""}`).join(", ") : "None"}</td>
                  <td className="px-3 py-2">{u.isActive ? "Active" : "Deactivated"}</td>
                  <td className="px-3 py-2">
                    {u.id === actor.userId ? (
                      <span className="text-slate-700">This is you</span>
                    ) : (
                      <UserRowActions user={u} actions={{ setActive: setActiveAction, changeRole: changeRoleAction, resetLink: resetLinkAction }} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
