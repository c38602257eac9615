import fs from "node:fs";
import type { Browser, Page } from "@playwright/test";
import { SIGNED_OUT, expect, expectNoA11yViolations, test } from "./fixtures";
import { authFile } from "./support/accounts";
import { NARRATIVE, REPORT_PLAN, ensureReportPlan } from "./support/reports";

// The quarterly report from nothing to a published PDF, as the issue tells
// it: staff compile, edit and publish; a board member reads, downloads the
// PDF, comments and acknowledges; staff correct it with a version 2 while the
// first stays readable. Runs in its own plan (e2e/support/reports.ts), whose
// 2026 Q3 report is already published so the comparison has a "before".

const BASE = `/plans/${REPORT_PLAN.slug}/reports`;

async function as(browser: Browser, account: "admin"): Promise<Page> {
  const context = await browser.newContext({ storageState: authFile(account) });
  return context.newPage();
}

test.describe("quarterly report", () => {
  test("staff compile, edit and publish; a board member reads, downloads, comments and acknowledges; staff publish a correction", async ({ browser, page: viewer }) => {
    // Two people, a dozen pages and three publications on a busy 2-core runner.
    test.setTimeout(180_000);
    ensureReportPlan();
    const admin = await as(browser, "admin");

    // Staff: compile a draft for the current quarter.
    await admin.goto(BASE);
    await expect(admin.getByRole("heading", { name: "Reports", level: 1 })).toBeVisible();
    await expectNoA11yViolations(admin, { soft: true });
    await expect(admin.getByLabel("Reporting period")).toHaveValue(/\d+/);
    await expect(admin.getByLabel("Reporting period").locator("option:checked")).toHaveText("2026 Q4");
    await admin.getByRole("button", { name: "Compile a draft report" }).click();
    await expect(admin).toHaveURL(/\/reports\/\d+\/edit$/);
    const draftUrl = admin.url();
    const reportUrl = draftUrl.replace(/\/edit$/, "");
    await expect(admin.getByRole("heading", { level: 1 })).toHaveText(`Draft: ${REPORT_PLAN.title}: progress report, 2026 Q4`);
    await expect(admin.getByText("2 of 3 actions are updated for 2026 Q4; 1 have no submitted update")).toBeVisible();
    await expectNoA11yViolations(admin, { soft: true });

    // Edit: texts, a featured narrative, a cluster note, and the asks moved up.
    await admin.getByLabel("Introduction", { exact: true }).fill("The work groups met twice this quarter.");
    await admin.getByLabel("Highlights", { exact: true }).fill("Solar permitting is the **one to watch**.");
    await admin.getByRole("checkbox", { name: /EN-1 Speed up solar permitting/ }).check();
    await admin.getByLabel("Asks of the Executive Committee", { exact: true }).fill("Approve the grid upgrade study.");
    await admin.getByLabel("Note on Energy").fill("Two utilities joined the work group.");
    for (let i = 0; i < 4; i++) await admin.getByRole("button", { name: "Move Asks of the Executive Committee up" }).click();
    await expect(admin.getByText("Asks of the Executive Committee moved to position 3 of 9.")).toBeAttached();
    await admin.getByRole("button", { name: "Save draft" }).click();
    await expect(admin.getByText("Draft saved.")).toBeVisible();

    // The preview shows exactly what will be published.
    await admin.getByRole("link", { name: "Preview the report" }).click();
    await expect(admin).toHaveURL(reportUrl);
    await expect(admin.getByText("Draft, not published.")).toBeVisible();
    const sections = await admin.getByRole("navigation", { name: "Report contents" }).getByRole("listitem").allInnerTexts();
    expect(sections[2]).toMatch(/^Asks of the Executive Committee/);
    await expect(admin.getByText("The work groups met twice this quarter.")).toBeVisible();
    await expect(admin.getByRole("article", { name: "Update on EN-1 Speed up solar permitting" }).first()).toContainText(NARRATIVE);
    await expect(admin.getByText("Two utilities joined the work group.")).toBeVisible();
    const overall = admin.getByRole("table", { name: "Actions by status" });
    await expect(overall.getByRole("row", { name: /^At risk/ })).toContainText("1");
    await expectNoA11yViolations(admin, { soft: true });

    // Publish.
    await admin.getByRole("link", { name: "Back to the draft" }).click();
    await admin.getByRole("button", { name: "Publish the report" }).click();
    await expect(admin).toHaveURL(reportUrl);
    await expect(admin.getByText(/^Published \d{4}-\d{2}-\d{2}/)).toBeVisible();

    // A board member finds it, reads it, downloads the PDF and the data.
    await viewer.goto(BASE);
    await expect(viewer.getByRole("heading", { name: "Published reports" })).toBeVisible();
    await expect(viewer.getByRole("button", { name: "Compile a draft report" })).toHaveCount(0);
    await viewer.getByRole("link", { name: `${REPORT_PLAN.title}: progress report, 2026 Q4` }).click();
    await expect(viewer).toHaveURL(reportUrl);
    await expect(viewer.getByRole("table", { name: "Actions by status and cluster (change since the previous period in brackets)" }).getByRole("row", { name: /^Energy/ })).toContainText("1 (+1)");
    await expectNoA11yViolations(viewer, { soft: true });

    const pdfDownload = viewer.waitForEvent("download");
    await viewer.getByRole("link", { name: "PDF" }).click();
    const pdf = await pdfDownload;
    expect(pdf.suggestedFilename()).toBe("e2e-reports-report-2026-q4.pdf");
    const bytes = fs.readFileSync((await pdf.path())!);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(bytes.length).toBeGreaterThan(5_000);
    const xlsxDownload = viewer.waitForEvent("download");
    await viewer.getByRole("link", { name: "Data (XLSX)" }).click();
    expect((await xlsxDownload).suggestedFilename()).toBe("e2e-reports-report-2026-q4.xlsx");

    // …comments and acknowledges.
    await viewer.getByLabel("Your comment").fill("Why is solar permitting at risk?");
    await viewer.getByRole("button", { name: "Post comment" }).click();
    await expect(viewer.getByRole("list", { name: "Comments, oldest first" })).toContainText("Why is solar permitting at risk?");
    await viewer.getByRole("button", { name: "I have read this report" }).click();
    await expect(viewer.getByText(/^You acknowledged this report on/)).toBeVisible();
    await viewer.reload();
    await expect(viewer.getByText(/^You acknowledged this report on/)).toBeVisible();
    await expect(viewer.getByRole("button", { name: "I have read this report" })).toHaveCount(0);
    await expect(viewer.getByRole("heading", { name: /Who has acknowledged it/ })).toHaveCount(0);

    // …and compares it with the previous quarter's report.
    await viewer.getByRole("link", { name: "Compare with the previous report" }).click();
    await expect(viewer.getByRole("heading", { level: 1 })).toHaveText("Status changes: 2026 Q3 to 2026 Q4");
    const changes = viewer.getByRole("table", { name: "Actions whose status changed" });
    await expect(changes.getByRole("row", { name: /EN-1/ })).toContainText("On track");
    await expect(changes.getByRole("row", { name: /EN-1/ })).toContainText("At risk");
    await expect(changes.getByRole("row", { name: /EN-2/ })).toHaveCount(0);
    await expectNoA11yViolations(viewer, { soft: true });

    // Staff see who acknowledged, and start a corrected version.
    await admin.reload();
    await expect(admin.getByRole("heading", { name: "Who has acknowledged it (1)" })).toBeVisible();
    await expect(admin.getByText(/Vera Viewer \(viewer\.e2e@example\.org\)/)).toBeVisible();
    // Blank is refused by the server too, next to the field.
    await admin.getByLabel("What does the corrected version change?").fill("   ");
    await admin.getByRole("button", { name: "Start version 2" }).click();
    await expect(admin.getByText("Say what the new version corrects.")).toBeVisible();
    await admin.getByLabel("What does the corrected version change?").fill("EN-2's percent complete was misreported.");
    await admin.getByRole("button", { name: "Start version 2" }).click();
    await expect(admin.getByRole("heading", { level: 1 })).toHaveText(`Draft: ${REPORT_PLAN.title}: progress report, 2026 Q4 (version 2)`);
    const v2Url = admin.url().replace(/\/edit$/, "");
    // The texts carried over.
    await expect(admin.getByLabel("Introduction", { exact: true })).toHaveValue("The work groups met twice this quarter.");

    // The board cannot see the draft, nor download it.
    expect((await viewer.goto(v2Url))?.status()).toBe(404);
    expect((await viewer.request.get(`${v2Url}/pdf`)).status()).toBe(404);

    await admin.getByRole("button", { name: "Publish version 2" }).click();
    await expect(admin).toHaveURL(v2Url);
    await expect(admin.getByText("What this version corrects:")).toBeVisible();
    await expect(admin.getByText(/^Version 2\. Published/)).toBeVisible();

    // Version 1 stays readable, marked as replaced; the board sees both.
    await viewer.goto(reportUrl);
    await expect(viewer.getByRole("note")).toContainText("This version was replaced by a corrected one");
    await expect(viewer.getByRole("list", { name: "Comments, oldest first" })).toContainText("Why is solar permitting at risk?");
    await viewer.getByRole("link", { name: "read version 2" }).click();
    await expect(viewer).toHaveURL(v2Url);
    const v2Download = viewer.waitForEvent("download");
    await viewer.getByRole("link", { name: "PDF" }).click();
    expect((await v2Download).suggestedFilename()).toBe("e2e-reports-report-2026-q4-v2.pdf");
    await viewer.goto(BASE);
    await expect(viewer.getByRole("row", { name: /2026 Q4/ })).toHaveCount(2);
    await expect(viewer.getByRole("row", { name: /Replaced by a corrected version/ })).toHaveCount(1);
    await admin.context().close();
  });

  test("a report download is refused without signing in", async ({ playwright, baseURL }) => {
    ensureReportPlan();
    const anonymous = await playwright.request.newContext({ baseURL, storageState: SIGNED_OUT });
    const answer = await anonymous.get(`${BASE}/1/pdf`, { maxRedirects: 0 });
    expect(answer.status(), await answer.text()).toBe(307);
    expect(answer.headers()["location"]).toContain("/login");
    // A cookie that is not a valid session gets past the proxy; the route itself refuses it.
    const forged = await playwright.request.newContext({ baseURL, storageState: SIGNED_OUT, extraHTTPHeaders: { cookie: "next-auth.session-token=forged" } });
    const refused = await forged.get(`${BASE}/1/pdf`, { maxRedirects: 0 });
    expect(refused.status()).toBe(401);
    expect(refused.headers()["content-type"]).toContain("application/json");
    await forged.dispose();
    await anonymous.dispose();
  });
});
