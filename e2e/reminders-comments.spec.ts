import { and, eq } from "drizzle-orm";
import type { Request } from "@playwright/test";
import { getDb } from "@/db";
import { comments, outbox, plans, progressUpdates } from "@/db/schema";
import { SIGNED_OUT, expect, expectNoA11yViolations, test } from "./fixtures";
import { authFile, ensureAccount, ensureUser } from "./support/accounts";
import { createGroupWithActions, ensureCurrentPeriod, planId } from "./support/quarter";

// Issue #4 items 6 and 7: the reminder for missing updates reaches the outbox
// (once), the calendar feed works behind its secret link, and a board member's
// question is posted, edited by its author only, and removed by an admin.

test.describe("reminders", () => {
  test.use({ storageState: authFile("admin") });

  test("a member missing updates gets one reminder listing exactly what is missing, readable in the outbox", async ({ page }) => {
    const memberId = await ensureUser("remy.reminded@example.org", "Remy Reminded", "contributor");
    const { current } = ensureCurrentPeriod();
    const { actions } = createGroupWithActions("remind-wg", 3, { memberUserIds: [memberId] });
    const [done, drafted, untouched] = actions as [(typeof actions)[number], (typeof actions)[number], (typeof actions)[number]];
    const db = getDb();
    const update = (actionId: number, reviewState: "submitted" | "draft") =>
      db.insert(progressUpdates).values({ actionId, periodId: current.id, status: "on_track", percentComplete: 40, narrative: "Progress.", reviewState, authorId: memberId, submittedAt: reviewState === "submitted" ? new Date().toISOString() : null }).onConflictDoNothing().run();
    update(done.id, "submitted");
    update(drafted.id, "draft");
    // The shared period's deadline (2027-01-15) is weeks away; widen the SJV
    // plan's reminder window so it is due today. Other specs do not read it.
    db.update(plans).set({ reminderDaysBefore: 400 }).where(eq(plans.id, planId())).run();

    await page.goto("/plans");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Outbox" }).click();
    await expect(page.getByRole("heading", { name: "Outbox", level: 1 })).toBeVisible();
    await page.getByRole("button", { name: "Send due reminders now" }).click();
    // The hourly timer may have got there first; either way the message is in the outbox.
    await expect(page.getByRole("status").filter({ hasText: /reminders? queued|already reminded/ })).toBeVisible();
    await expectNoA11yViolations(page);

    const row = page.getByRole("row").filter({ hasText: "remy.reminded@example.org" });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("2026 Q4: 2 progress updates due Friday, January 15, 2027");
    await expect(row).toContainText("Kept (no SMTP)");
    await row.getByRole("link").click();
    await expect(page.getByRole("heading", { name: /2026 Q4: 2 progress updates due/, level: 1 })).toBeVisible();
    const body = page.locator("pre");
    await expect(body).toContainText(`${drafted.code}: Action 2 of remind-wg (draft saved, not submitted yet)`);
    await expect(body).toContainText(`${untouched.code}: Action 3 of remind-wg`);
    await expect(body).toContainText(`/actions/${untouched.id}`);
    await expect(body).toContainText("/my-quarter");
    await expect(body).not.toContainText(done.code);
    await expectNoA11yViolations(page);

    // A second run sends nothing new to this person.
    await page.goto("/admin/outbox");
    await page.getByRole("button", { name: "Send due reminders now" }).click();
    await expect(page.getByRole("status").filter({ hasText: /already reminded/ })).toBeVisible();
    const mine = db.select().from(outbox).where(eq(outbox.toUserId, memberId)).all();
    expect(mine.map((m) => m.dedupeKey)).toEqual([`reminder:${current.id}:${memberId}`]);
  });

  test("the outbox is for admins only", async ({ browser }) => {
    const context = await browser.newContext({ storageState: authFile("lead") });
    const page = await context.newPage();
    const response = await page.goto("/admin/outbox");
    expect(response?.status()).toBe(403);
    await context.close();
  });
});

test.describe("calendar feed", () => {
  test.use({ storageState: authFile("contributor") });

  test("a secret link serves the person's deadlines; reset revokes the old one; unknown tokens are 404", async ({ page, playwright }) => {
    ensureCurrentPeriod();
    // The deadlines are those of the plans the person works on.
    createGroupWithActions("calendar-wg", 1, { memberUserIds: [await ensureAccount("contributor")] });
    await page.goto("/profile");
    const create = page.getByRole("button", { name: /^(Create|Reset) calendar link$/ });
    await create.click();
    const field = page.getByLabel("Calendar link");
    await expect(field).toHaveValue(/\/calendar\/[A-Za-z0-9_-]{43}$/);
    const first = await field.inputValue();
    await expectNoA11yViolations(page);

    // Calendar apps cannot sign in: the link works with no session at all.
    const anonymous = await playwright.request.newContext({ storageState: SIGNED_OUT });
    const feed = await anonymous.get(first, { maxRedirects: 0 });
    expect(feed.status()).toBe(200);
    expect(feed.headers()["content-type"]).toMatch(/^text\/calendar/);
    expect(feed.headers()["cache-control"]).toBe("private, no-store");
    expect(feed.headers()["x-content-type-options"]).toBe("nosniff");
    const ics = await feed.text();
    expect(ics).toContain("BEGIN:VEVENT");
    expect(ics).toContain("SUMMARY:2026 Q4 progress updates due");
    expect(ics).toContain("DTSTART;VALUE=DATE:20270115");

    const unknown = await anonymous.get(new URL(`/calendar/${"A".repeat(43)}`, first).toString(), { maxRedirects: 0 });
    expect(unknown.status()).toBe(404);

    await page.getByRole("button", { name: "Reset calendar link" }).click();
    await expect(field).not.toHaveValue(first);
    const second = await field.inputValue();
    expect((await anonymous.get(first, { maxRedirects: 0 })).status()).toBe(404);
    expect((await anonymous.get(second, { maxRedirects: 0 })).status()).toBe(200);
    await anonymous.dispose();
  });
});

test.describe("comments", () => {
  // The default state is the viewer: a board member.
  test("a board member asks, edits their own comment; nobody else can; an admin removes it", async ({ page, browser, playwright, baseURL }) => {
    const { actions } = createGroupWithActions("discuss-wg", 1);
    const actionId = actions[0]!.id;
    await page.goto(`/actions/${actionId}`);
    await expect(page.getByRole("heading", { name: "Discussion" })).toBeVisible();
    await page.getByLabel("Your comment").fill("**Why** is this one late? <script>alert(1)</script>");
    await page.getByRole("button", { name: "Post comment" }).click();
    const thread = page.getByRole("list", { name: "Comments, oldest first" });
    await expect(thread.locator("strong", { hasText: "Why" })).toBeVisible();
    await expect(thread).toContainText("<script>alert(1)</script>");
    await expect(page.getByLabel("Your comment")).toHaveValue("");

    await page.getByRole("button", { name: "Edit your comment" }).click();
    await page.getByLabel("Edit your comment").fill("Why is this one late? Any news from the partners?");
    const edit = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
    await page.getByRole("button", { name: "Save comment" }).click();
    const posted: Request = await edit;
    await expect(thread).toContainText("Any news from the partners?");
    await expect(thread).toContainText("edited");
    await expectNoA11yViolations(page);

    // The same edit posted by a lead, without the UI, is refused.
    const row = () => getDb().select().from(comments).where(and(eq(comments.actionId, actionId))).get()!;
    const before = row();
    const asLead = await playwright.request.newContext({ baseURL, storageState: authFile("lead") });
    const replay = await asLead.post(posted.url(), {
      headers: { "content-type": posted.headers()["content-type"]!, "next-action": posted.headers()["next-action"]!, accept: "text/x-component", origin: baseURL! },
      data: Buffer.from(posted.postDataBuffer()!.toString("latin1").replace("Any news from the partners?", "Hijacked"), "latin1"),
    });
    expect(await replay.text()).toContain("Only the person who wrote a comment can edit it.");
    expect(row()).toEqual(before);
    await asLead.dispose();

    const adminContext = await browser.newContext({ storageState: authFile("admin") });
    const admin = await adminContext.newPage();
    await admin.goto(`/actions/${actionId}`);
    await expect(admin.getByRole("button", { name: "Edit your comment" })).toHaveCount(0);
    await admin.getByRole("button", { name: "Delete comment by Vera Viewer" }).click();
    await expect(admin.getByText("Comment removed by an administrator.")).toBeVisible();
    await expect(admin.getByText("Any news from the partners?")).toHaveCount(0);
    await adminContext.close();

    await page.reload();
    await expect(page.getByText("Comment removed by an administrator.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Edit your comment" })).toHaveCount(0);
    expect(row()).toMatchObject({ deletedAt: expect.any(String) });
  });

  test("signed-out visitors cannot read or post", async ({ browser }) => {
    const context = await browser.newContext({ storageState: SIGNED_OUT });
    const page = await context.newPage();
    const { actions } = createGroupWithActions("discuss-wg", 1);
    await page.goto(`/actions/${actions[0]!.id}`);
    await expect(page).toHaveURL(/\/login/);
    await context.close();
  });
});
