import type { Metadata } from "next";
import Link from "next/link";
import { TokenPasswordForm } from "@/components/auth/password-form";
import { ROLE_LABELS } from "@/lib/format";
import { describeToken } from "@/lib/users/service";
import { acceptInvitationAction } from "./actions";

export const metadata: Metadata = { title: "Accept invitation", referrer: "no-referrer" };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = describeToken(token, "invitation");
  return (
    <div className="mx-auto max-w-md">
      <h1>Accept your invitation</h1>
      {invitation ? (
        <>
          <p className="mt-2 text-slate-700">
            You are invited as <strong>{invitation.role ? ROLE_LABELS[invitation.role] : "a member"}</strong> with the email <strong>{invitation.email}</strong>. Choose your
            name and password to finish.
          </p>
          <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6">
            <TokenPasswordForm action={acceptInvitationAction} token={token} askName submitLabel="Create my account" />
          </div>
        </>
      ) : (
        <p className="mt-4 text-slate-700">
          This invitation link is not valid: it may have expired or already been used. Ask a plan administrator for a new one, or <Link href="/login">sign in</Link>.
        </p>
      )}
    </div>
  );
}
