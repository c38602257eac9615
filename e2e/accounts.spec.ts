import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { actions, auditLog, users } from "@/db/schema";
import { SIGNED_OUT, expect, test } from "./fixtures";
import { ACCOUNTS, PASSWORD, authFile, ensureUser, signIn } from "./support/accounts";

// Account journeys: invitations, deactivation, password change, throttling.

test.describe("as an admin", () => {
  test.use({ storageState: authFile("admin") });

  test("invite -> the person sets a password -> signs in", async ({ page, browser, checkA11y }) => {
    await page.goto("/admin/users");
    await expect(page.getByRole("heading", { name: "People" })).toBeVisible();
    await checkA11y();
    await page.getByLabel("Email").fill("invited.person@example.org");
    await page.getByLabel("Role", { exact: true }).selectOption("contributor");
    await page.getByLabel(/^Energy Work Group/).check();
    await page.getByRole("button", { name: "Create invitation" }).click();
    const link = await page.getByLabel("Invitation link").inputValue();
    expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{40,}$/);

    const other = await browser.newContext({ storageState: SIGNED_OUT });
    const invitee = await other.newPage();
    await invitee.goto(new URL(link).pathname);
    await expect(invitee.getByText("invited.person@example.org")).toBeVisible();
    await checkA11yOn(invitee);
    await invitee.getByLabel("Your name").fill("Ivy Invited");
    await invitee.getByLabel("Password", { exact: true }).fill("password1");
    await invitee.getByRole("button", { name: "Create my account" }).click();
    await expect(invitee.getByText("This password is too common")).toBeVisible();
    // The name typed before the refusal is still there.
    await expect(invitee.getByLabel("Your name")).toHaveValue("Ivy Invited");
    await invitee.getByLabel("Password", { exact: true }).fill("meadow copper kettle");
    await invitee.getByRole("button", { name: "Create my account" }).click();
    await invitee.waitForURL(/\/login\?welcome=1/);
    await signIn(invitee, "invited.person@example.org", "meadow copper kettle");
    await expect(invitee.getByRole("link", { name: /Ivy Invited/ })).toBeVisible();

    const row = getDb().select().from(users).where(eq(users.email, "invited.person@example.org")).get()!;
    expect(row).toMatchObject({ role: "contributor", isActive: true });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    // The link is single use.
    await invitee.goto(new URL(link).pathname);
    await expect(invitee.getByText("This invitation link is not valid")).toBeVisible();
    await other.close();
  });

  test("deactivating a user ends their open session at once", async ({ page, browser }) => {
    await ensureUser("to.deactivate@example.org", "Dee Activated", "viewer");
    const theirs = await browser.newContext({ storageState: SIGNED_OUT });
    const them = await theirs.newPage();
    await signIn(them, "to.deactivate@example.org");
    await them.goto("/plans/sjv-2012");
    await expect(them.getByRole("heading", { name: "Dashboard" })).toBeVisible();

    await page.goto("/admin/users");
    await page.getByRole("button", { name: "Deactivate Dee Activated" }).click();
    await expect(page.getByText("Account deactivated")).toBeVisible();

    await them.reload();
    await expect(them).toHaveURL(/\/login/);
    expect(getDb().select({ a: users.isActive }).from(users).where(eq(users.email, "to.deactivate@example.org")).get()!.a).toBe(false);
    await theirs.close();
  });

  test("a password-reset link lets the person choose a new password once", async ({ page, browser }) => {
    await ensureUser("forgetful@example.org", "Fern Forgetful", "viewer");
    await page.goto("/admin/users");
    await page.getByRole("button", { name: "Password reset link for Fern Forgetful" }).click();
    const link = await page.getByLabel("Reset link for Fern Forgetful").inputValue();
    const context = await browser.newContext({ storageState: SIGNED_OUT });
    const them = await context.newPage();
    await them.goto(new URL(link).pathname);
    await expect(them.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
    await checkA11yOn(them);
    await them.getByLabel("Password", { exact: true }).fill("summer ladder comet");
    await them.getByRole("button", { name: "Save new password" }).click();
    await them.waitForURL(/\/login\?reset=1/);
    await signIn(them, "forgetful@example.org", "summer ladder comet");
    await expect(them.getByRole("link", { name: /Fern Forgetful/ })).toBeVisible();
    await them.goto(new URL(link).pathname);
    await expect(them.getByText("This link is not valid")).toBeVisible();
    await context.close();
  });

  test("the audit log lists changes and filters by person", async ({ page, checkA11y }) => {
    await page.goto("/admin/audit?entity=plan");
    await expect(page.getByRole("status")).toContainText("entr");
    await expect(page.getByRole("cell", { name: "plan.import" }).first()).toBeVisible();
    await checkA11y();
    await page.getByLabel("Person").fill("nobody-by-this-name");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page.getByRole("status")).toHaveText("No entries match.");
  });
});

test("changing the password in one browser signs the other out", async ({ browser }) => {
  await ensureUser("two.browsers@example.org", "Tobi Two", "viewer");
  const a = await browser.newContext({ storageState: SIGNED_OUT });
  const b = await browser.newContext({ storageState: SIGNED_OUT });
  const pageA = await a.newPage();
  const pageB = await b.newPage();
  await signIn(pageA, "two.browsers@example.org");
  await signIn(pageB, "two.browsers@example.org");

  await pageA.goto("/profile");
  await pageA.getByLabel("Current password").fill(PASSWORD);
  await pageA.getByLabel("New password", { exact: true }).fill("lighthouse pebble forest");
  await pageA.getByLabel("Repeat the new password").fill("lighthouse pebble forest");
  await pageA.getByRole("button", { name: "Change password" }).click();
  await pageA.waitForURL(/\/login\?changed=1/);

  await pageB.goto("/plans/sjv-2012");
  await expect(pageB).toHaveURL(/\/login/);
  await signIn(pageB, "two.browsers@example.org", "lighthouse pebble forest");
  await expect(pageB.getByRole("link", { name: /Tobi Two/ })).toBeVisible();
  await a.close();
  await b.close();
});

test("signing out returns to the sign-in page and closes the pages", async ({ browser }) => {
  await ensureUser("leaving@example.org", "Lou Leaving", "viewer");
  const context = await browser.newContext({ storageState: SIGNED_OUT });
  const page = await context.newPage();
  await signIn(page, "leaving@example.org");
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/login/);
  await page.goto("/plans/sjv-2012");
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await context.close();
});

test("sign-in is throttled per account and per address with one message", async ({ browser }) => {
  await ensureUser("throttled@example.org", "Thea Throttled", "viewer");
  // A private address per test so other tests' sign-ins are not throttled.
  const context = await browser.newContext({ storageState: SIGNED_OUT, extraHTTPHeaders: { "x-forwarded-for": "198.51.100.23" } });
  const page = await context.newPage();
  await page.goto("/login");
  for (let i = 0; i < 10; i++) {
    await page.getByLabel("Email").fill("throttled@example.org");
    await page.getByLabel("Password", { exact: true }).fill(`wrong guess ${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("The email or password is not correct.")).toBeVisible();
  }
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Too many sign-in attempts. Wait 15 minutes and try again.")).toBeVisible();
  // An account that does not exist gets the same answer from this address.
  await page.getByLabel("Email").fill("no.such.person@example.org");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Too many sign-in attempts. Wait 15 minutes and try again.")).toBeVisible();
  expect(getDb().select().from(auditLog).where(eq(auditLog.action, "auth.throttled")).all().length).toBeGreaterThanOrEqual(2);
  await context.close();
});

test.describe("as a lead", () => {
  test.use({ storageState: authFile("lead") });

  test("edits their own group's action but not another group's, in the UI or by posting", async ({ page, playwright, baseURL }) => {
    const db = getDb();
    const own = db.select().from(actions).where(eq(actions.code, "EN-2")).get()!;
    const other = db.select().from(actions).where(eq(actions.code, "HW-3")).get()!;

    await page.goto(`/actions/${other.id}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Collaborate with hospitals");
    await expect(page.getByRole("heading", { name: "Edit this action" })).toHaveCount(0);

    await page.goto(`/actions/${own.id}`);
    await page.getByLabel("Lead person", { exact: true }).fill("Lena Lead");
    const posted = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("Saved.")).toBeVisible();
    const request = await posted;
    expect(db.select().from(actions).where(eq(actions.id, own.id)).get()!.leadPerson).toBe("Lena Lead");

    // Replay the same server action for the other group's action, with the lead's session.
    const body = request.postDataBuffer()!.toString("latin1").replace(new RegExp(`(name="[^"]*actionId"\\r\\n\\r\\n)${own.id}`), `$1${other.id}`).replace(/(name="[^"]*version"\r\n\r\n)\d+/, `$1${other.version}`);
    const headers = { "content-type": request.headers()["content-type"]!, "next-action": request.headers()["next-action"]!, accept: "text/x-component" };
    const asLead = await page.request.post(request.url(), { headers: { ...headers, origin: baseURL! }, data: Buffer.from(body, "latin1") });
    expect(await asLead.text()).toContain("You do not have permission");
    // And with no session at all, and no Origin header.
    const anonymous = await playwright.request.newContext({ baseURL });
    const noSession = await anonymous.post(request.url(), { headers, data: Buffer.from(body, "latin1") });
    expect(noSession.status()).toBeGreaterThanOrEqual(200);
    expect(db.select().from(actions).where(eq(actions.id, other.id)).get()).toEqual(other);
    await anonymous.dispose();
  });
});

test.describe("privacy", () => {
  test.use({ storageState: authFile("viewer") });

  test("pages and RSC payloads never carry password hashes or other people's emails, and are not cached", async ({ page }) => {
    const action = getDb().select({ id: actions.id }).from(actions).where(eq(actions.code, "EN-1")).get()!;
    for (const path of ["/plans/sjv-2012", `/actions/${action.id}`, "/profile", "/organizations"]) {
      for (const headers of [{}, { RSC: "1" }] as Record<string, string>[]) {
        const response = await page.request.get(path, { headers });
        expect(response.status(), path).toBe(200);
        const text = await response.text();
        expect(text, path).not.toContain("$argon2");
        expect(text, path).not.toContain(ACCOUNTS.admin.email);
        expect(text, path).not.toContain(ACCOUNTS.lead.email);
        expect(response.headers()["cache-control"], path).toContain("no-store");
      }
    }
  });

  test("a viewer gets a 403 page for admin pages", async ({ page, checkA11y }) => {
    const response = await page.goto("/admin/users");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
    await checkA11y();
  });

  test("the sign-in and profile pages pass axe", async ({ page, browser, checkA11y }) => {
    await page.goto("/profile");
    await expect(page.getByRole("heading", { name: "Your profile" })).toBeVisible();
    await checkA11y();
    const anonymous = await browser.newContext({ storageState: SIGNED_OUT });
    const login = await anonymous.newPage();
    await login.goto("/plans/sjv-2012");
    await expect(login).toHaveURL(/\/login\?callbackUrl=%2Fplans%2Fsjv-2012/);
    await checkA11yOn(login);
    await anonymous.close();
  });
});

async function checkA11yOn(page: import("@playwright/test").Page) {
  const { expectNoA11yViolations } = await import("./fixtures");
  await expectNoA11yViolations(page);
}
