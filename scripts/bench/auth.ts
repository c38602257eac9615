import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { openDatabase } from "@/db";
import { users } from "@/db/schema";
import type { UserRole } from "@/db/schema/enums";
import { hashPassword } from "@/lib/auth/password";

// Every page but /status needs a signed-in user. The benchmark adds its own
// account to the database the server uses and signs in through the app's
// real credentials endpoint, so the session cookie is exactly what a browser
// would hold (no hand-made JWT that could drift from the app's claims).

const EMAIL = "bench@bench.invalid";

export function benchRole(): UserRole {
  const role = process.env.BENCH_ROLE ?? "viewer";
  if (!["admin", "lead", "contributor", "viewer"].includes(role)) throw new Error(`BENCH_ROLE must be admin, lead, contributor or viewer, not "${role}"`);
  return role as UserRole;
}

// A separate connection; WAL and busy_timeout (set by openDatabase) let it
// write while the server has the file open.
export async function ensureBenchUser(dbFile: string, role: UserRole, email = EMAIL): Promise<{ email: string; password: string; userId: number }> {
  const password = randomBytes(18).toString("base64url");
  const passwordHash = await hashPassword(password);
  const db = openDatabase(dbFile);
  try {
    const existing = db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email}`).get();
    // mustChangePassword false: otherwise every page would redirect to /profile.
    if (existing) db.update(users).set({ passwordHash, role, isActive: true, mustChangePassword: false }).where(eq(users.id, existing.id)).run();
    const userId = existing?.id ?? db.insert(users).values({ email, name: `Benchmark ${role}`, role, passwordHash, mustChangePassword: false }).returning({ id: users.id }).get().id;
    return { email, password, userId };
  } finally {
    db.$client.close();
  }
}

// The worst case for "My quarter": a lead of every work group of the plan,
// with the plan's group-less actions assigned to them, so the page lists all
// of the plan's live actions (200 on the scale data set).
export function makeLeadOfWholePlan(dbFile: string, userId: number, planId: number): number {
  const db = openDatabase(dbFile);
  try {
    const sqlite = db.$client;
    sqlite.prepare("insert or ignore into work_group_members (work_group_id, user_id, role) select id, ?, 'lead' from work_groups where plan_id = ?").run(userId, planId);
    sqlite.prepare("update actions set lead_user_id = ? where plan_id = ? and work_group_id is null").run(userId, planId);
    return (sqlite.prepare("select count(*) n from actions where plan_id = ? and retired_at is null").get(planId) as { n: number }).n;
  } finally {
    db.$client.close();
  }
}

const cookiePairs = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";", 1)[0]!);

// next-auth's credentials flow: CSRF token (double-submit cookie), then the
// callback, which answers with the session cookie. Returns a Cookie header.
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = cookiePairs(csrfRes);
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  // Large sessions are split into .0, .1… chunks: keep them all.
  const session = cookiePairs(res).filter((c) => c.startsWith("next-auth.session-token") || c.startsWith("__Secure-next-auth.session-token"));
  if (session.length === 0) throw new Error(`Sign-in failed: HTTP ${res.status} ${res.headers.get("location") ?? ""} ${(await res.text()).slice(0, 200)}`);
  const cookie = session.join("; ");
  const check = (await (await fetch(`${baseUrl}/api/auth/session`, { headers: { Cookie: cookie } })).json()) as { user?: { email?: string } };
  if (check.user?.email?.toLowerCase() !== email) throw new Error(`Signed in, but /api/auth/session does not know the user: ${JSON.stringify(check)}`);
  return cookie;
}
