import type { Metadata } from "next";
import { ChangePasswordForm, NameForm, SignOutEverywhereForm } from "@/components/auth/profile-forms";
import { requireUser } from "@/lib/auth/session";
import { ROLE_LABELS } from "@/lib/format";
import { SsoLinkButtons } from "@/components/auth/sso-buttons";
import { enabledSsoProviders } from "@/lib/auth/sso";
import { CalendarLinkForm } from "@/components/calendar/calendar-link-form";
import { hasCalendarLink } from "@/lib/calendar/service";
import { calendarLinkAction, changePasswordAction, signOutEverywhereAction, startSsoLinkAction, updateProfileAction } from "./actions";

export const metadata: Metadata = { title: "Your profile" };

export default async function ProfilePage() {
  const user = await requireUser({ allowPasswordChange: true });
  const sso = enabledSsoProviders();
  return (
    <div className="max-w-xl space-y-8">
      <div>
        <h1>Your profile</h1>
        <p className="mt-2 text-slate-700">
          {user.email} · {ROLE_LABELS[user.role]}
        </p>
      </div>
      {user.mustChangePassword && (
        <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          You signed in with a one-time password. Choose your own password to continue.
        </p>
      )}
      <section aria-labelledby="password-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="password-heading">Change password</h2>
        <p className="mb-4 text-sm text-slate-700">You will be signed out everywhere and asked to sign in again.</p>
        <ChangePasswordForm action={changePasswordAction} />
      </section>
      {!user.mustChangePassword && (
        <>
          <section aria-labelledby="name-heading" className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="name-heading">Name</h2>
            <NameForm action={updateProfileAction} name={user.label} />
          </section>
          {sso.length > 0 && (
            <section aria-labelledby="sso-heading" className="rounded-lg border border-slate-200 bg-white p-4">
              <h2 id="sso-heading">Organization sign-in</h2>
              <p className="mb-4 text-sm text-slate-700">Link your work account once; afterwards you can sign in with it.</p>
              <SsoLinkButtons providers={sso} start={startSsoLinkAction} />
            </section>
          )}
          <section aria-labelledby="calendar-heading" className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="calendar-heading">Deadlines in your calendar</h2>
            <p className="mb-4 text-sm text-slate-700">
              A private link to a calendar feed of the reporting deadlines of the plans you work on. Anyone who has the link can see those deadlines, and nothing else.
            </p>
            <CalendarLinkForm action={calendarLinkAction} hasLink={hasCalendarLink(user.userId)} />
          </section>
          <section aria-labelledby="sessions-heading" className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="sessions-heading">Sessions</h2>
            <p className="mb-4 text-sm text-slate-700">End your sessions in every browser, this one included.</p>
            <SignOutEverywhereForm action={signOutEverywhereAction} />
          </section>
        </>
      )}
    </div>
  );
}
