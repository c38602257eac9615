import fs from "node:fs";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { attachments, progressUpdates } from "@/db/schema";
import { sampleHtml, samplePdf } from "@/lib/test/sample-files";
import { SIGNED_OUT, expect, expectNoA11yViolations, test, type Page } from "./fixtures";
import { authFile, ensureUser, signIn } from "./support/accounts";
import { createGroupWithActions, ensureCurrentPeriod } from "./support/quarter";

// Journey 6 of issue #4: a lead attaches a file to a progress update on their
// action; signed-in readers download it; an anonymous request does not get it.
// This spec has its own lead and work group so it touches nobody else's data.

const LEAD = { email: "attach.lead.e2e@example.org", name: "Ali Attach" };

async function setUp() {
  const leadId = await ensureUser(LEAD.email, LEAD.name, "lead");
  const { current } = ensureCurrentPeriod();
  const { actions } = createGroupWithActions("attach-wg", 2, { leadUserId: leadId });
  // The update form is not this spec's subject: the updates go straight in.
  for (const action of actions) {
    getDb()
      .insert(progressUpdates)
      .values({ actionId: action.id, periodId: current.id, authorId: leadId, lastEditedById: leadId, status: "on_track", percentComplete: 40, narrative: "Two sites visited.", submittedAt: new Date().toISOString() })
      .onConflictDoNothing()
      .run();
  }
  return { actions, periodId: current.id };
}

const filesOf = (actionId: number, periodId: number) =>
  getDb()
    .select({ id: attachments.id, fileName: attachments.fileName })
    .from(attachments)
    .innerJoin(progressUpdates, eq(progressUpdates.id, attachments.updateId))
    .where(and(eq(progressUpdates.actionId, actionId), eq(progressUpdates.periodId, periodId)))
    .all();

async function openAsLead(page: Page, actionId: number) {
  await signIn(page, LEAD.email);
  await page.goto(`/actions/${actionId}`);
  return page.getByRole("region", { name: "Files" });
}

test.describe("attachments on progress updates", () => {
  test.use({ storageState: SIGNED_OUT });

  test("a lead uploads a PDF, readers download it, anonymous requests are refused", async ({ page, browser, playwright, baseURL }) => {
    const { actions, periodId } = await setUp();
    const action = actions[0]!;
    const content = samplePdf(`evidence for ${action.code}`);
    const files = await openAsLead(page, action.id);
    await expect(files.getByText("No files attached.")).toBeVisible();
    await expectNoA11yViolations(page);

    const posted = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
    await files.getByLabel("Files to attach").setInputFiles({ name: "Site visits Q4.pdf", mimeType: "application/pdf", buffer: content });
    await files.getByRole("button", { name: "Attach files" }).click();
    await expect(files.getByRole("status").filter({ hasText: "Attached" })).toHaveText("Attached 1 file.");
    const link = files.getByRole("link", { name: "Site visits Q4.pdf" });
    await expect(link).toBeVisible();
    await expect(files.getByText(`(PDF, ${content.length} bytes)`)).toBeVisible();
    const href = (await link.getAttribute("href"))!;
    expect(href).toMatch(/^\/attachments\/\d+$/);

    // The browser's own download gets the same bytes under the original name.
    const download = page.waitForEvent("download");
    await link.click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe("Site visits Q4.pdf");
    expect(fs.readFileSync(await saved.path()).equals(content)).toBe(true);

    const response = await page.request.get(href);
    expect(response.status()).toBe(200);
    expect((await response.body()).equals(content)).toBe(true);
    expect(response.headers()).toMatchObject({
      "content-type": "application/pdf",
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
      "content-disposition": `attachment; filename="Site visits Q4.pdf"; filename*=UTF-8''Site%20visits%20Q4.pdf`,
    });

    // A board member can read it, but gets no form to add or remove files.
    const viewer = await browser.newContext({ storageState: authFile("viewer") });
    const viewerPage = await viewer.newPage();
    await viewerPage.goto(`/actions/${action.id}`);
    const viewerFiles = viewerPage.getByRole("region", { name: "Files" });
    await expect(viewerFiles.getByRole("link", { name: "Site visits Q4.pdf" })).toBeVisible();
    await expect(viewerFiles.getByLabel("Files to attach")).toHaveCount(0);
    await expect(viewerFiles.getByRole("button", { name: /Remove/ })).toHaveCount(0);
    expect((await viewerPage.request.get(href)).status()).toBe(200);

    // The same server action, posted by the viewer without the UI, attaches
    // nothing. Chromium does not expose a file upload's body for replay, so the
    // request is rebuilt as React encodes (previous state, form): the form's
    // fields first, then the arguments that point at them.
    const upload = await posted;
    const replayed = new FormData();
    replayed.append("_1_updateId", await files.locator('input[name="updateId"]').inputValue());
    replayed.append("_1_attachments", new File([new Uint8Array(content)], "replayed.pdf", { type: "application/pdf" }));
    replayed.append("0", JSON.stringify([null, "$K1"]));
    const replay = await viewerPage.request.post(upload.url(), { headers: { "next-action": upload.headers()["next-action"]!, accept: "text/x-component", origin: baseURL! }, multipart: replayed, maxRedirects: 0 });
    expect(await replay.text()).toContain("You do not have permission");
    expect(filesOf(action.id, periodId)).toHaveLength(1);
    await viewer.close();

    // No cookies: the proxy sends the request to sign-in, never to the file.
    const anonymous = await playwright.request.newContext({ baseURL });
    const refused = await anonymous.get(href, { maxRedirects: 0 });
    expect(refused.status()).toBe(307);
    expect(refused.headers()["location"]).toContain("/login");
    const followed = await anonymous.get(href);
    expect(new URL(followed.url()).pathname).toBe("/login");
    expect(followed.headers()["content-disposition"]).toBeUndefined();
    expect((await followed.body()).includes(content)).toBe(false);
    await anonymous.dispose();

    // A cookie that is not a valid session gets past the proxy; the route itself refuses it.
    const forged = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: "next-auth.session-token=forged" } });
    const forgedAnswer = await forged.get(href, { maxRedirects: 0 });
    expect(forgedAnswer.status()).toBe(401);
    expect((await forgedAnswer.body()).includes(content)).toBe(false);
    await forged.dispose();

    // The lead removes it again: link and file gone.
    await files.getByRole("button", { name: "Remove Site visits Q4.pdf" }).click();
    await expect(files.getByText("No files attached.")).toBeVisible();
    expect(filesOf(action.id, periodId)).toEqual([]);
    expect((await page.request.get(href)).status()).toBe(404);
  });

  test("an HTML file named .pdf is refused next to the field, nothing is stored; the 10 MB limit holds end to end", async ({ page }) => {
    // Uploads 10 MB twice: allowed three times the usual time on a busy 2-core runner.
    test.slow();
    const { actions, periodId } = await setUp();
    const action = actions[1]!;
    const files = await openAsLead(page, action.id);
    const input = files.getByLabel("Files to attach");
    await expect(input).toHaveAccessibleDescription(/PDF, Word \(\.docx\), Excel \(\.xlsx\), PNG or JPEG; up to 5 files per update, 10 MB each\./);
    await input.setInputFiles({ name: "minutes.pdf", mimeType: "application/pdf", buffer: sampleHtml() });
    await files.getByRole("button", { name: "Attach files" }).click();
    const message = "“minutes.pdf” is not a real PDF: its content does not match its .pdf extension. Save it again as a PDF and retry.";
    await expect(files.getByRole("status")).toHaveText(message);
    await expect(files.getByLabel("Files to attach")).toHaveAccessibleDescription(new RegExp(message.replace(/[.()]/g, "\\$&")));
    await expect(files.getByLabel("Files to attach")).toHaveAttribute("aria-invalid", "true");
    await expect(files.getByText("No files attached.")).toBeVisible();
    expect(filesOf(action.id, periodId)).toEqual([]);
    await expectNoA11yViolations(page);

    // One byte over the limit is stopped in the browser, before any upload.
    const big = Buffer.alloc(10 * 1024 * 1024 + 1);
    samplePdf().copy(big);
    await files.getByLabel("Files to attach").setInputFiles({ name: "scan.pdf", mimeType: "application/pdf", buffer: big });
    await expect(files.getByLabel("Files to attach")).toHaveAccessibleDescription(/“scan\.pdf” is too large \(10\.0 MB\): files may be at most 10 MB\./);
    await files.getByRole("button", { name: "Attach files" }).click();
    expect(filesOf(action.id, periodId)).toEqual([]);

    // Exactly 10 MB goes all the way through the server's body limits.
    await files.getByLabel("Files to attach").setInputFiles({ name: "scan.pdf", mimeType: "application/pdf", buffer: big.subarray(0, 10 * 1024 * 1024) });
    await files.getByRole("button", { name: "Attach files" }).click();
    await expect(files.getByRole("link", { name: "scan.pdf" })).toBeVisible();
    await expect(files.getByText("(PDF, 10.0 MB)")).toBeVisible();
    expect(filesOf(action.id, periodId).map((f) => f.fileName)).toEqual(["scan.pdf"]);
  });
});
