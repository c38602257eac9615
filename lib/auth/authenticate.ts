import { and, eq, gte, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { loginAttempts, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { ANONYMOUS } from "./actor";
import { hashPassword, verifyPassword } from "./password";
import { AppError } from "@/lib/errors";

export const THROTTLE_LIMIT = 10;
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;

export const TOO_MANY_ATTEMPTS = "Too many sign-in attempts. Wait 15 minutes and try again.";
export const BAD_CREDENTIALS = "The email or password is not correct.";

export interface Credentials {
  email: string;
  password: string;
  ip: string;
}

export interface AuthenticatedUser {
  id: number;
  email: string;
  name: string;
  role: (typeof users.$inferSelect)["role"];
  sessionVersion: number;
  mustChangePassword: boolean;
}

// Verified against when the account does not exist, so a missing account
// takes as long as a wrong password and cannot be told apart by timing.
let dummyHash: Promise<string> | undefined;

function recentFailures(column: typeof loginAttempts.email | typeof loginAttempts.ip, value: string, since: string): number {
  return (
    getDb()
      .select({ n: sql<number>`count(*)` })
      .from(loginAttempts)
      .where(and(eq(column, value), eq(loginAttempts.succeeded, false), gte(loginAttempts.at, since)))
      .get()?.n ?? 0
  );
}

// Checks an email and password, throttled per account and per IP: after 10
// failures in 15 minutes both are refused with the same message, whether or
// not the account exists, and the refusal is audited.
export async function authenticate(input: Credentials, now = new Date()): Promise<AuthenticatedUser> {
  const email = input.email.trim().toLowerCase().slice(0, 320);
  const ip = input.ip.slice(0, 64) || "unknown";
  const at = now.toISOString();
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS).toISOString();
  const db = getDb();

  if (recentFailures(loginAttempts.email, email, since) >= THROTTLE_LIMIT || recentFailures(loginAttempts.ip, ip, since) >= THROTTLE_LIMIT) {
    db.transaction((tx) => {
      tx.insert(loginAttempts).values({ email, ip, succeeded: false, at }).run();
      recordAudit(tx, ANONYMOUS, { action: "auth.throttled", entityType: "login", entityId: email, after: { ip } });
    });
    throw new AppError("FORBIDDEN", TOO_MANY_ATTEMPTS);
  }

  const user = db.select().from(users).where(sql`lower(${users.email}) = ${email}`).get();
  const ok = user?.passwordHash
    ? await verifyPassword(user.passwordHash, input.password)
    : (await verifyPassword(await (dummyHash ??= hashPassword("timing-equaliser-not-a-password")), input.password), false);
  const succeeded = ok && Boolean(user?.isActive);
  db.insert(loginAttempts).values({ email, ip, succeeded, at }).run();
  if (!succeeded || !user) throw new AppError("UNAUTHORIZED", BAD_CREDENTIALS);
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion, mustChangePassword: user.mustChangePassword };
}
