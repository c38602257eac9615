import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// Each run serves the production build on a fresh temporary database. The
// directory is chosen once in the main process; workers inherit the variable.
process.env.E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "cat-e2e-"));
// The test process writes accounts into the server's own database file.
process.env.DATA_DIR = process.env.E2E_DATA_DIR;
const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;

export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  timeout: 30_000,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS },
  },
  projects: [
    // Signs the standard accounts in once and saves their cookies (e2e/auth.setup.ts).
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "desktop", use: { ...devices["Desktop Chrome"] }, testIgnore: /mobile\.spec\.ts/, dependencies: ["setup"] },
    { name: "phone", use: { ...devices["Pixel 7"] }, testMatch: /mobile\.spec\.ts/, dependencies: ["setup"] },
  ],
  webServer: {
    command: `npx next start -H 127.0.0.1 -p ${PORT}`,
    url: `${baseURL}/plans`,
    timeout: 60_000,
    reuseExistingServer: false,
    // TRUST_PROXY lets the throttling test present its own client address.
    env: { DATA_DIR: process.env.E2E_DATA_DIR, NODE_ENV: "production", NEXTAUTH_URL: baseURL, TRUST_PROXY: "true", NEXT_TELEMETRY_DISABLED: "1" },
    stdout: "pipe",
  },
});
