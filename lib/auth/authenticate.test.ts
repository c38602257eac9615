import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { authenticate, BAD_CREDENTIALS, TOO_MANY_ATTEMPTS } from "./authenticate";
import { hashPassword } from "./password";

async function addUser(email: string, password: string, isActive = true) {
  return getDb().insert(users).values({ email, name: "Test Person", role: "lead", passwordHash: await hashPassword(password), isActive }).returning().get();
}

async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected failure");
}

describe("authenticate", () => {
  it("accepts the right password, case-insensitive email", async () => {
    const u = await addUser("Lead@Example.org", "river stone lantern");
    const r = await authenticate({ email: " lead@example.ORG ", password: "river stone lantern", ip: "10.0.0.1" });
    expect(r).toMatchObject({ id: u.id, role: "lead" });
  });

  it("gives the same answer for a wrong password, an unknown account and a deactivated one", async () => {
    await addUser("a@example.org", "river stone lantern");
    await addUser("off@example.org", "river stone lantern", false);
    const wrong = await failure(authenticate({ email: "a@example.org", password: "nope nope nope", ip: "1" }));
    const unknown = await failure(authenticate({ email: "ghost@example.org", password: "nope nope nope", ip: "1" }));
    const inactive = await failure(authenticate({ email: "off@example.org", password: "river stone lantern", ip: "1" }));
    for (const e of [wrong, unknown, inactive]) expect([e.code, e.message]).toEqual(["UNAUTHORIZED", BAD_CREDENTIALS]);
  });

  it("throttles an account after 10 failures in 15 minutes, even with the right password, and audits it", async () => {
    await addUser("t@example.org", "river stone lantern");
    const t0 = new Date("2026-01-01T10:00:00Z");
    for (let i = 0; i < 10; i++) await failure(authenticate({ email: "t@example.org", password: "wrong password", ip: `ip-${i}` }, t0));
    const blocked = await failure(authenticate({ email: "t@example.org", password: "river stone lantern", ip: "fresh" }, new Date("2026-01-01T10:14:00Z")));
    expect(blocked.message).toBe(TOO_MANY_ATTEMPTS);
    expect(getDb().select({ n: count() }).from(auditLog).where(eq(auditLog.action, "auth.throttled")).get()!.n).toBe(1);
    // The window slides: 15 minutes after the failures the right password works again.
    await expect(authenticate({ email: "t@example.org", password: "river stone lantern", ip: "fresh" }, new Date("2026-01-01T10:15:01Z"))).resolves.toMatchObject({ email: "t@example.org" });
  });

  it("throttles an IP across accounts with the same message for unknown accounts", async () => {
    const t0 = new Date("2026-01-01T10:00:00Z");
    for (let i = 0; i < 10; i++) await failure(authenticate({ email: `u${i}@example.org`, password: "wrong password", ip: "9.9.9.9" }, t0));
    const e = await failure(authenticate({ email: "ghost@example.org", password: "x", ip: "9.9.9.9" }, t0));
    expect(e.message).toBe(TOO_MANY_ATTEMPTS);
  });
});
