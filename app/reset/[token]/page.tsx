import type { Metadata } from "next";
import Link from "next/link";
import { TokenPasswordForm } from "@/components/auth/password-form";
import { describeToken } from "@/lib/users/service";
import { resetPasswordAction } from "./actions";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const reset = describeToken(token, "password_reset");
  return (
    <div className="mx-auto max-w-md">
      <h1>Choose a new password</h1>
      {reset ? (
        <>
          <p className="mt-2 text-slate-700">For {reset.email}. Every other session of this account ends when you save.</p>
          <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6">
            <TokenPasswordForm action={resetPasswordAction} token={token} askName={false} submitLabel="Save new password" />
          </div>
        </>
      ) : (
        <p className="mt-4 text-slate-700">
          This link is not valid: it may have expired or already been used. Ask a plan administrator for a new one, or <Link href="/login">sign in</Link>.
        </p>
      )}
    </div>
  );
}
