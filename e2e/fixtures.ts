import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

// Shared e2e helpers. Specs import `test` and `expect` from here rather than
// from @playwright/test, so every spec gets the same accessibility check.

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
 */
export async function expectNoA11yViolations(page: Page, builder: AxeBuilder = new AxeBuilder({ page }).withTags(A11Y_TAGS)) {
  const { violations } = await builder.analyze();
  const report = formatViolations(violations);
  if (violations.length > 0) {
    // Printed as well as put in the assertion message, so it shows in CI logs
    // even when the reporter truncates long messages.
    console.log(`Accessibility violations on ${page.url()}:\n${report}`);
    await base.info().attach(`axe violations ${page.url()}`, { body: JSON.stringify(violations, null, 2), contentType: "application/json" });
  }
  expect(
    violations.map((v) => v.id),
    `Accessibility violations on ${page.url()}:\n${report}`,
  ).toEqual([]);
}

export const test = base.extend<{
  /** An AxeBuilder for the test's page, preset to the WCAG 2.1 A/AA tags. */
  makeAxeBuilder: () => AxeBuilder;
  /** expectNoA11yViolations bound to the test's page. */
  checkA11y: () => Promise<void>;
}>({
  makeAxeBuilder: async ({ page }, use) => {
    await use(() => new AxeBuilder({ page }).withTags(A11Y_TAGS));
  },
  checkA11y: async ({ page, makeAxeBuilder }, use) => {
    await use(() => expectNoA11yViolations(page, makeAxeBuilder()));
  },
});

export { expect };
export type { Page };
