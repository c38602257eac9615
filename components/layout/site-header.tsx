import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { getCurrentUser } from "@/lib/auth/session";

export async function SiteHeader() {
  const user = await getCurrentUser();
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-3">
        <Link href="/" className="text-lg font-semibold text-slate-900 no-underline">
          Cluster Action Tracker
        </Link>
        {user && (
          <nav aria-label="Main">
            <ul className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
              <li>
                <Link href="/plans">Plans</Link>
              </li>
              <li>
                <Link href="/organizations">Partners</Link>
              </li>
              {user.role !== "viewer" && (
                <li>
                  <Link href="/my-quarter">My quarter</Link>
                </li>
              )}
              {user.role === "admin" && (
                <>
                  <li>
                    <Link href="/admin/users">People</Link>
                  </li>
                  <li>
                    <Link href="/admin/outbox">Outbox</Link>
                  </li>
                  <li>
                    <Link href="/admin/employment-data">Employment data</Link>
                  </li>
                  <li>
                    <Link href="/admin/audit">Audit log</Link>
                  </li>
                </>
              )}
              <li>
                <Link href="/profile">
                  <span className="sr-only">Your profile: </span>
                  {user.label}
                </Link>
              </li>
              <li>
                <SignOutButton />
              </li>
            </ul>
          </nav>
        )}
      </div>
    </header>
  );
}
