import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { resolveSsoLogin, signLinkIntent, verifyLinkIntent } from "./sso";

process.env.NEXTAUTH_SECRET = "test-secret-for-sso-link-intents";

describe("SSO identities", () => {
  it("never links by email; links only on a signed intent, then recognises issuer + subject", () => {
    const u = getDb().insert(users).values({ email: "sso@example.org", name: "S", role: "viewer" }).returning().get();
    const iss = "https://login.microsoftonline.com/tenant/v2.0";
    expect(resolveSsoLogin({ issuer: iss, subject: "abc", linkUserId: null })).toBeNull();
    expect(resolveSsoLogin({ issuer: iss, subject: "abc", linkUserId: u.id })).toMatchObject({ userId: u.id });
    expect(resolveSsoLogin({ issuer: iss, subject: "abc", linkUserId: null })).toMatchObject({ userId: u.id });
    // Same subject from another issuer is another identity.
    expect(resolveSsoLogin({ issuer: "https://accounts.google.com", subject: "abc", linkUserId: null })).toBeNull();
  });

  it("refuses deactivated users", () => {
    const u = getDb().insert(users).values({ email: "off@example.org", name: "Off", role: "viewer", isActive: false }).returning().get();
    expect(resolveSsoLogin({ issuer: "i", subject: "s", linkUserId: u.id })).toBeNull();
  });

  it("signs link intents that expire and cannot be forged", () => {
    const now = Date.now();
    const token = signLinkIntent(7, now);
    expect(verifyLinkIntent(token, now)).toBe(7);
    expect(verifyLinkIntent(token, now + 11 * 60 * 1000)).toBeNull();
    expect(verifyLinkIntent(token.replace(/^7\./, "8."), now)).toBeNull();
    expect(verifyLinkIntent(undefined, now)).toBeNull();
  });
});
