import { test as setup } from "@playwright/test";
import { ACCOUNTS, authFile, ensureAccount, signIn, type AccountName } from "./support/accounts";

// Signs each standard account in once and saves its cookies; specs reuse them
// with test.use({ storageState: authFile("viewer") }).
for (const name of Object.keys(ACCOUNTS) as AccountName[]) {
  setup(`sign in as ${name}`, async ({ page }) => {
    await ensureAccount(name);
    await signIn(page, ACCOUNTS[name].email);
    await page.context().storageState({ path: authFile(name) });
  });
}
