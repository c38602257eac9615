import { NextResponse, type NextRequest } from "next/server";

// Convenience only, never the security boundary: anonymous visitors are sent
// to the sign-in page before rendering. Every page and service checks again.
// Calendar feeds carry their own secret token (calendar apps cannot sign in).
const PUBLIC_PREFIXES = ["/login", "/invite/", "/reset/", "/api/auth/", "/status", "/calendar/", "/_next/", "/favicon"];
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (PUBLIC_PREFIXES.some((p) => pathname === p || pathname.startsWith(p))) return NextResponse.next();
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  if (pathname.startsWith("/api/")) return NextResponse.json({ error: "Please sign in." }, { status: 401 });
  const url = request.nextUrl.clone();
  url.pathname = "/login";
  url.search = `?callbackUrl=${encodeURIComponent(pathname + search)}`;
  return NextResponse.redirect(url);
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
