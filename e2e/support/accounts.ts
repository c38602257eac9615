import path from "node:path";
import { eq, sql } from "drizzle-orm";
import type { Page } from "@playwright/test";
import { getDb } from "@/db";
import { users, workGroupMembers, workGroups } from "@/db/schema";
import type { UserRole } from "@/db/schema/enums";
import { hashPassword } from "@/lib/auth/password";

// Test accounts are written straight into the server's database file (the same
// DATA_DIR the web server uses), through the app's own password hashing.
export const PASSWORD = "e2e orchard lantern river";

export const ACCOUNTS = {
  admin: { email: "admin.e2e@example.org", name: "Ada Admin", role: "admin" },
  lead: { email: "lead.e2e@example.org", name: "Lee Lead", role: "lead", lead: "energy-wg" },
  contributor: { email: "contributor.e2e@example.org", name: "Cory Contributor", role: "contributor", member: "energy-wg" },
  viewer: { email: "viewer.e2e@example.org", name: "Vera Viewer", role: "viewer" },
} as const satisfies Record<string, { email: string; name: string; role: UserRole; lead?: string; member?: string }>;

export type AccountName = keyof typeof ACCOUNTS;

export function authFile(name: AccountName): string {
  return path.join(process.env.E2E_DATA_DIR ?? "/tmp", `storage-${name}.json`);
}

export function groupId(key: string): number {
  return getDb().select({ id: workGroups.id }).from(workGroups).where(eq(workGroups.key, key)).get()!.id;
}

// Creates (or returns) a ready-to-use account with PASSWORD.
// Two tests (in two worker processes) may ask for the same account at once:
// the loser of the race takes the winner's row.
export async function ensureUser(email: string, name: string, role: UserRole, membership?: { group: string; role: "lead" | "member" }) {
  const db = getDb();
  const find = () => db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`).get();
  const existing = find();
  if (existing) return existing.id;
  const passwordHash = await hashPassword(PASSWORD);
  return db.transaction(
    (tx) => {
      const raced = tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`).get();
      if (raced) return raced.id;
      const row = tx.insert(users).values({ email, name, role, passwordHash }).returning({ id: users.id }).get();
      if (membership) tx.insert(workGroupMembers).values({ workGroupId: groupId(membership.group), userId: row.id, role: membership.role }).run();
      return row.id;
    },
    { behavior: "immediate" },
  );
}

export async function ensureAccount(name: AccountName) {
  const a = ACCOUNTS[name];
  const membership = "lead" in a ? { group: a.lead, role: "lead" as const } : "member" in a ? { group: a.member, role: "member" as const } : undefined;
  return ensureUser(a.email, a.name, a.role, membership);
}

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}
