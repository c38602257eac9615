import { cookies } from "next/headers";

const CSRF_COOKIES = ["__Host-next-auth.csrf-token", "next-auth.csrf-token"];

// A plain form posting to next-auth's sign-out endpoint with its CSRF token
// (the part of the cookie before "|"). No client JavaScript: next-auth/react
// would add 12 kB to every page.
export async function SignOutButton() {
  const store = await cookies();
  const raw = CSRF_COOKIES.map((name) => store.get(name)?.value).find(Boolean);
  const csrfToken = raw ? decodeURIComponent(raw).split("|")[0] : undefined;
  return (
    <form method="post" action="/api/auth/signout" className="inline">
      {/* Without a token next-auth shows its own confirmation page instead. */}
      {csrfToken && <input type="hidden" name="csrfToken" value={csrfToken} />}
      <input type="hidden" name="callbackUrl" value="/login" />
      <button type="submit" className="text-blue-800 underline underline-offset-2">
        Sign out
      </button>
    </form>
  );
}
