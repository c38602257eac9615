import type { Page, Request } from "@playwright/test";
import { getDb } from "@/db";
import { SIGNED_OUT, expect, test } from "./fixtures";
import { authFile, ensureUser, groupId } from "./support/accounts";

// Server actions are public POST endpoints. Each admin-only action is done
// once in the UI by an admin (to capture the exact request), then posted again
// without the UI as a viewer, as a lead, with no session, and with no Origin
// header. Every replay must be refused and leave the database unchanged.

// Other spec files run at the same time, so each snapshot covers only the
// rows this file's requests could touch.
const snapshot = (...queries: string[]) => JSON.stringify(queries.map((q) => getDb().$client.prepare(q).all()));
const MATRIX_ROWS = [
  "select * from users where email like 'matrix.%' order by id",
  "select * from account_tokens where email like 'matrix.%' order by id",
  "select * from audit_log where diff like '%matrix.%' or (entity_type = 'user' and entity_id in (select cast(id as text) from users where email like 'matrix.%')) order by id",
];

async function capture(page: Page, act: () => Promise<void>): Promise<Request> {
  const posted = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await act();
  return posted;
}

async function replayAll(request: Request, playwright: import("@playwright/test").PlaywrightWorkerArgs["playwright"], baseURL: string) {
  const headers = { "content-type": request.headers()["content-type"]!, "next-action": request.headers()["next-action"]!, accept: "text/x-component" };
  const data = request.postDataBuffer()!;
  const before = snapshot(...MATRIX_ROWS);
  const answers: string[] = [];
  for (const who of ["viewer", "lead", null] as const) {
    for (const origin of [baseURL, undefined]) {
      const context = await playwright.request.newContext({ baseURL, storageState: who ? authFile(who) : SIGNED_OUT });
      const response = await context.post(request.url(), { headers: origin ? { ...headers, origin } : headers, data, maxRedirects: 0 });
      answers.push(`${who ?? "anonymous"} ${origin ? "with" : "without"} Origin: ${response.status()} ${(await response.text()).includes("You do not have permission") ? "forbidden" : ""}`);
      await context.dispose();
    }
  }
  expect(snapshot(...MATRIX_ROWS)).toBe(before);
  return answers;
}

test.describe("admin-only server actions posted without the UI", () => {
  test.use({ storageState: authFile("admin") });

  test("invite, change role, deactivate and reset link are refused to everyone else", async ({ page, playwright, baseURL }) => {
    await ensureUser("matrix.target@example.org", "Mat Target", "viewer");
    await page.goto("/admin/users");

    const invite = await capture(page, async () => {
      await page.getByLabel("Email").fill("matrix.invite@example.org");
      await page.getByRole("button", { name: "Create invitation" }).click();
      await expect(page.getByLabel("Invitation link")).toBeVisible();
    });
    const role = await capture(page, async () => {
      await page.getByLabel("Role for Mat Target").selectOption("lead");
      await page.getByRole("button", { name: "Change role for Mat Target" }).click();
      await expect(page.getByText("Role changed")).toBeVisible();
    });
    const reset = await capture(page, async () => {
      await page.getByRole("button", { name: "Password reset link for Mat Target" }).click();
      await expect(page.getByLabel("Reset link for Mat Target")).toBeVisible();
    });
    const deactivate = await capture(page, async () => {
      await page.getByRole("button", { name: "Deactivate Mat Target" }).click();
      await expect(page.getByText("Account deactivated")).toBeVisible();
    });

    for (const request of [invite, role, reset, deactivate]) {
      const answers = await replayAll(request, playwright, baseURL!);
      // The signed-in viewer and lead get the permission message; anonymous posts are sent to sign in.
      expect(answers.filter((a) => a.startsWith("viewer") || a.startsWith("lead")).every((a) => a.endsWith("forbidden"))).toBe(true);
      expect(answers.filter((a) => a.startsWith("anonymous")).every((a) => / 30\d /.test(a))).toBe(true);
    }
  });
});

test.describe("work group membership", () => {
  test.use({ storageState: authFile("lead") });

  test("a lead manages their own group's members but not another group's", async ({ page, playwright, baseURL, checkA11y }) => {
    await ensureUser("new.member@example.org", "Nia Newmember", "contributor");
    await page.goto("/plans/sjv-2012/work-groups");
    await checkA11y();
    await page.getByRole("link", { name: "Energy Work Group" }).click();
    await expect(page.getByRole("heading", { name: "Energy Work Group" })).toBeVisible();
    await checkA11y();
    const add = await capture(page, async () => {
      await page.getByLabel("Person").selectOption({ label: "Nia Newmember" });
      await page.getByRole("button", { name: "Add to group" }).click();
      await expect(page.getByText("Membership saved.")).toBeVisible();
    });
    await page.reload();
    await expect(page.getByText("Nia Newmember · Member")).toBeVisible();
    const energy = groupId("energy-wg");
    const housing = groupId("housing-wg");
    expect(getDb().$client.prepare("select role from work_group_members where work_group_id = ? and user_id = (select id from users where email = 'new.member@example.org')").get(energy)).toEqual({ role: "member" });

    // No controls on another group's page...
    await page.goto("/plans/sjv-2012/work-groups/housing-wg");
    await expect(page.getByRole("heading", { name: "Housing Work Group" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Add to group" })).toHaveCount(0);
    // ...and posting the same action for that group is refused.
    const body = add.postDataBuffer()!.toString("latin1").replace(/(name="[^"]*workGroupId"\r\n\r\n)\d+/, `$1${housing}`);
    const housingRows = [`select * from work_group_members where work_group_id = ${housing} order by user_id`, `select * from audit_log where entity_type = 'work_group' and entity_id = '${housing}'`];
    const before = snapshot(...housingRows);
    const response = await page.request.post(add.url(), {
      headers: { "content-type": add.headers()["content-type"]!, "next-action": add.headers()["next-action"]!, accept: "text/x-component", origin: baseURL! },
      data: Buffer.from(body, "latin1"),
    });
    expect(await response.text()).toContain("You do not have permission");
    expect(snapshot(...housingRows)).toBe(before);
    void playwright;
  });
});
