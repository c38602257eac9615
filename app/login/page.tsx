import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { SsoSignInButtons } from "@/components/auth/sso-buttons";
import { getCurrentUser } from "@/lib/auth/session";
import { enabledSsoProviders } from "@/lib/auth/sso";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const NOTICES: [string, string][] = [
  ["welcome", "Your account is ready. Sign in with your new password."],
  ["reset", "Your password is changed. Sign in with the new one."],
  ["changed", "Your password is changed and your other sessions have ended. Sign in again."],
  ["signedout", "You are signed out everywhere."],
  ["sso", "That organization account is not linked to anyone here. Sign in with your password, then link it from your profile."],
];

// Only same-site paths are followed after sign-in (no open redirect).
function safeCallback(raw: unknown): string {
  return typeof raw === "string" && raw.startsWith("/") && !raw.startsWith("//") && !raw.startsWith("/\\") ? raw : "/";
}

export default async function LoginPage({ searchParams }: Props) {
  const query = await searchParams;
  const callbackUrl = safeCallback(query.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  const sso = enabledSsoProviders();
  const notice = NOTICES.find(([key]) => query[key] === "1" || (key === "sso" && query.sso === "unlinked"))?.[1];
  return (
    <div className="mx-auto max-w-sm">
      <h1>Sign in</h1>
      <p className="mt-2 text-sm text-slate-700">Sign in with the email address your plan administrator invited.</p>
      {notice && (
        <p role="status" className="mt-4 rounded border border-green-300 bg-green-50 p-3 text-sm text-green-900">
          {notice}
        </p>
      )}
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6">
        <LoginForm callbackUrl={callbackUrl} />
        {sso.length > 0 && (
          <div className="mt-6 border-t border-slate-200 pt-4">
            <SsoSignInButtons providers={sso} callbackUrl={callbackUrl} />
          </div>
        )}
      </div>
      <p className="mt-4 text-sm text-slate-700">Forgot your password? Ask a plan administrator for a reset link.</p>
    </div>
  );
}
