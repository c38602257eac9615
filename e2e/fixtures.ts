// Shared e2e helpers. Specs import `test` and `expect` from here rather than
// from @playwright/test, so every spec gets the same accessibility check and
// runs signed in as a reader (the app lets only signed-in users read plans).

import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";
import { ACCOUNTS, ensureAccount, signIn } from "./support/accounts";

// The test process opens the web server's database file (to create accounts),
// so it must use the same data directory playwright.config.ts gives the server.
if (process.env.E2E_DATA_DIR) process.env.DATA_DIR = process.env.E2E_DATA_DIR;

/** The WCAG 2.1 A and AA rules, the level the app promises on every page. */
export const A11Y_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** The plan the server seeds on start (db/seed/sjv-plans.ts). */
export const PLAN = "/plans/sjv-2012";

type AxeResults = Awaited<ReturnType<AxeBuilder["analyze"]>>;

/** One readable block per violated rule: id, impact, help, link, and each failing node. */
export function formatViolations(violations: AxeResults["violations"]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes.map((n) => `    - ${n.target.join(" ")}\n      ${(n.failureSummary ?? "").replace(/\n/g, "\n      ")}`).join("\n");
      return `[${v.id}] (${v.impact ?? "unknown impact"}) ${v.help}\n  ${v.helpUrl}\n${nodes}`;
    })
    .join("\n\n");
}

/**
 * Runs axe on the page as it is now and fails with a readable list of the
 * violations (rule id, help text and the failing nodes) when there are any.
 * With `soft: true` the test goes on, so one test can check several pages
 * and still report every page that fails.
 */
export async function expectNoA11yViolations(page: Page, { soft = false, builder }: { soft?: boolean; builder?: AxeBuilder } = {}) {
  const { violations } = await (builder ?? new AxeBuilder({ page }).withTags(A11Y_TAGS)).analyze();
  const report = formatViolations(violations);
  if (violations.length > 0) {
    // Printed as well as put in the assertion message, so it shows in CI logs
    // even when the reporter truncates long messages.
    console.log(`Accessibility violations on ${page.url()}:\n${report}`);
    await base.info().attach(`axe violations ${page.url()}`, { body: JSON.stringify(violations, null, 2), contentType: "application/json" });
  }
  (soft ? expect.soft : expect)(
    violations.map((v) => v.id),
    `Accessibility violations on ${page.url()}:\n${report}`,
  ).toEqual([]);
}

type StorageState = Exclude<BrowserContextOptions["storageState"], string | undefined>;

/** A signed-out browser state, for `test.use({ storageState: SIGNED_OUT })`. */
export const SIGNED_OUT: StorageState = { cookies: [], origins: [] };

/** Signs the standard viewer account in (creating it if needed) and returns the browser state. */
async function signInViewer(browser: Browser, baseURL: string | undefined): Promise<StorageState> {
  try {
    await ensureAccount("viewer");
  } catch {
    // The other worker created it between the check and the insert.
    await ensureAccount("viewer");
  }
  const context = await browser.newContext({ baseURL });
  try {
    const page = await context.newPage();
    await signIn(page, ACCOUNTS.viewer.email);
    return await context.storageState();
  } finally {
    await context.close();
  }
}

export const test = base.extend<
  {
    /** An AxeBuilder for the test's page, preset to the WCAG 2.1 A/AA tags. */
    makeAxeBuilder: () => AxeBuilder;
    /** expectNoA11yViolations bound to the test's page. */
    checkA11y: (options?: { soft?: boolean }) => Promise<void>;
  },
  {
    /** The viewer's signed-in browser state, made once per worker and shared by its tests. */
    viewerState: StorageState;
  }
>({
  viewerState: [async ({ browser }, use, workerInfo) => use(await signInViewer(browser, workerInfo.project.use.baseURL)), { scope: "worker" }],
  // Every test starts signed in as a viewer (a reader). Specs that need someone
  // else use test.use({ storageState: ... }), e.g. SIGNED_OUT or authFile(...).
  storageState: async ({ viewerState }, use) => use(viewerState),
  makeAxeBuilder: async ({ page }, use) => {
    await use(() => new AxeBuilder({ page }).withTags(A11Y_TAGS));
  },
  checkA11y: async ({ page, makeAxeBuilder }, use) => {
    await use((options) => expectNoA11yViolations(page, { ...options, builder: makeAxeBuilder() }));
  },
});

export { expect };
export type { Page };
