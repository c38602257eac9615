import { createHmac, timingSafeEqual } from "node:crypto";
import { and, eq } from "drizzle-orm";
import AzureADProvider from "next-auth/providers/azure-ad";
import GoogleProvider from "next-auth/providers/google";
import type { Provider } from "next-auth/providers/index";
import { getDb } from "@/db";
import { ssoIdentities, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "./actor";
import { getAuthSecret } from "./secret";

// Optional OpenID Connect sign-in, switched on by environment variables:
//   Microsoft Entra ID: SSO_ENTRA_CLIENT_ID, SSO_ENTRA_CLIENT_SECRET, SSO_ENTRA_TENANT_ID
//   Google Workspace:   SSO_GOOGLE_CLIENT_ID, SSO_GOOGLE_CLIENT_SECRET, SSO_GOOGLE_HOSTED_DOMAIN (optional)
// An SSO login is keyed on issuer + subject. It is never matched to an account
// by e-mail: a signed-in user links their SSO identity once from their profile.
export function ssoProviders(): Provider[] {
  const providers: Provider[] = [];
  const env = process.env;
  if (env.SSO_ENTRA_CLIENT_ID && env.SSO_ENTRA_CLIENT_SECRET && env.SSO_ENTRA_TENANT_ID) {
    providers.push(AzureADProvider({ clientId: env.SSO_ENTRA_CLIENT_ID, clientSecret: env.SSO_ENTRA_CLIENT_SECRET, tenantId: env.SSO_ENTRA_TENANT_ID }));
  }
  if (env.SSO_GOOGLE_CLIENT_ID && env.SSO_GOOGLE_CLIENT_SECRET) {
    providers.push(
      GoogleProvider({
        clientId: env.SSO_GOOGLE_CLIENT_ID,
        clientSecret: env.SSO_GOOGLE_CLIENT_SECRET,
        authorization: env.SSO_GOOGLE_HOSTED_DOMAIN ? { params: { hd: env.SSO_GOOGLE_HOSTED_DOMAIN } } : undefined,
      }),
    );
  }
  return providers;
}

export const SSO_PROVIDER_NAMES: Record<string, string> = { "azure-ad": "Microsoft", google: "Google" };

export function enabledSsoProviders(): { id: string; name: string }[] {
  return ssoProviders().map((p) => ({ id: p.id, name: SSO_PROVIDER_NAMES[p.id] ?? p.name }));
}

export const LINK_COOKIE = "cat-sso-link";
const LINK_TTL_MS = 10 * 60 * 1000;

// A short-lived, signed statement "user N asked to link an SSO identity".
export function signLinkIntent(userId: number, now = Date.now()): string {
  const payload = `${userId}.${now + LINK_TTL_MS}`;
  return `${payload}.${createHmac("sha256", getAuthSecret()).update(payload).digest("base64url")}`;
}

export function verifyLinkIntent(value: string | undefined, now = Date.now()): number | null {
  const [id, expires, signature] = (value ?? "").split(".");
  if (!id || !expires || !signature) return null;
  const expected = createHmac("sha256", getAuthSecret()).update(`${id}.${expires}`).digest();
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected) || Number(expires) < now) return null;
  return Number(id);
}

// Resolves an SSO login to an active user: an identity seen before, or one
// the signed-in user asked to link. Anything else is refused.
export function resolveSsoLogin(input: { issuer: string; subject: string; linkUserId: number | null }): { userId: number; sessionVersion: number } | null {
  const db = getDb();
  return db.transaction((tx) => {
    const known = tx
      .select({ userId: ssoIdentities.userId })
      .from(ssoIdentities)
      .where(and(eq(ssoIdentities.issuer, input.issuer), eq(ssoIdentities.subject, input.subject)))
      .get();
    const userId = known?.userId ?? input.linkUserId;
    if (!userId) return null;
    const user = tx.select({ id: users.id, name: users.name, role: users.role, isActive: users.isActive, sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, userId)).get();
    if (!user?.isActive) return null;
    if (!known) {
      tx.insert(ssoIdentities).values({ userId, issuer: input.issuer, subject: input.subject }).run();
      const actor: Actor = { kind: "user", userId, role: user.role, label: user.name, leadOf: [], memberOf: [] };
      recordAudit(tx, actor, { action: "user.link_sso", entityType: "user", entityId: userId, after: { issuer: input.issuer } });
    }
    return { userId, sessionVersion: user.sessionVersion };
  });
}
