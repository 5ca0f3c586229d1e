import { defineConfig, devices } from "@playwright/test";
import { findChromium } from "./e2e/support/chromium";
import { E2E } from "./e2e/support/ports";

const executablePath = findChromium();

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  outputDir: "test-results",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // The longest journeys run a dozen axe scans on 2 shared cores; each step still has its own 10 s limit.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL: E2E.appUrl,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      // Without the background-networking flags chromium floods the closed network.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: [
    {
      command: `node --import tsx e2e/support/mail-catcher.ts ${E2E.smtpPort} ${E2E.mailHttpPort}`,
      url: `${E2E.mailApi}/health`,
      reuseExistingServer: false,
      stdout: "ignore",
    },
    {
      // A production build on a fresh embedded database, mail over real SMTP to the catcher.
      command: `rm -rf ${E2E.dataDir} && node node_modules/next/dist/bin/next start -p ${E2E.appPort}`,
      url: `${E2E.appUrl}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "pipe",
      env: {
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: "",
        DATA_DIR: E2E.dataDir,
        APP_URL: E2E.appUrl,
        SMTP_URL: `smtp://127.0.0.1:${E2E.smtpPort}`,
        EMAIL_FROM: "Undersigned <no-reply@undersigned.test>",
        OUTBOX_POLL_MS: "200",
        TEST_HOOKS: "true",
        DEMO_DATA: "true",
        AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
      },
    },
  ],
});
