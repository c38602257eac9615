import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { isAppError } from "@/lib/errors";
import { authenticate } from "./authenticate";
import { cookies } from "next/headers";
import { getAuthSecret } from "./secret";
import { LINK_COOKIE, resolveSsoLogin, ssoProviders, verifyLinkIntent } from "./sso";

export const SESSION_MAX_AGE_S = 12 * 60 * 60;

// The client address for throttling. Behind a reverse proxy set TRUST_PROXY=true
// so the proxy's X-Forwarded-For is used; `next start` itself fills that header
// with the socket address, so the direct case is covered too.
export function clientIp(headers: Record<string, string | string[] | undefined> | Headers | undefined): string {
  const get = (name: string) => (headers instanceof Headers ? headers.get(name) : (headers?.[name] as string | undefined)) ?? "";
  const forwarded = get("x-forwarded-for").split(",").map((s) => s.trim()).filter(Boolean);
  // Without a trusted proxy only the last hop (added by our own server) is believable.
  const ip = process.env.TRUST_PROXY === "true" ? forwarded[0] : forwarded.at(-1);
  return ip || "unknown";
}

export function getAuthOptions(): NextAuthOptions {
  return {
    secret: getAuthSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
    jwt: { maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          try {
            const user = await authenticate({ email: credentials?.email ?? "", password: credentials?.password ?? "", ip: clientIp(req?.headers) });
            return { id: String(user.id), name: user.name, email: user.email, sv: user.sessionVersion };
          } catch (error) {
            // next-auth passes an Error's message to the sign-in form as `error`.
            if (isAppError(error)) throw new Error(error.message);
            throw error;
          }
        },
      }),
      ...ssoProviders(),
    ],
    callbacks: {
      // SSO: only identities already linked, or being linked by a signed-in user.
      async signIn({ account, profile }) {
        if (!account || account.provider === "credentials") return true;
        const store = await cookies();
        const linkUserId = verifyLinkIntent(store.get(LINK_COOKIE)?.value);
        const resolved = resolveSsoLogin({ issuer: issuerOf(profile, account.provider), subject: account.providerAccountId, linkUserId });
        if (linkUserId) store.delete(LINK_COOKIE);
        return resolved ? true : "/login?sso=unlinked";
      },
      jwt({ token, user, account, profile }) {
        if (user && account && account.provider !== "credentials") {
          const resolved = resolveSsoLogin({ issuer: issuerOf(profile, account.provider), subject: account.providerAccountId, linkUserId: null });
          if (resolved) {
            token.uid = resolved.userId;
            token.sv = resolved.sessionVersion;
            token.authTime = Date.now();
          }
          return token;
        }
        if (user) {
          token.uid = Number(user.id);
          token.sv = (user as { sv?: number }).sv;
          // The sign-in time: sessions end 12 hours after it, however active.
          token.authTime = Date.now();
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, uid: token.uid, sv: token.sv, authTime: token.authTime };
      },
    },
  };
}

function issuerOf(profile: unknown, provider: string): string {
  const iss = (profile as { iss?: unknown } | undefined)?.iss;
  return typeof iss === "string" && iss ? iss : `provider:${provider}`;
}
