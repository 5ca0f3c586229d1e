import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeAll } from "vitest";
import { testSmtpPort } from "./smtp-capture";

// Integration tests run on a throwaway PGlite per worker, or on PostgreSQL when TEST_DATABASE_URL
// is set (`npm run test:integration:pg`). This runs before any app module reads the environment.
if (process.env.TEST_DATABASE_URL) process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
else delete process.env.DATABASE_URL;
// Always set, never taken from the developer's shell: an exported DATA_DIR or SMTP_URL would have
// the tests write into the real data folder and send real mail. Everything a test writes stays
// inside the repository's git-ignored .data folder, in one folder per worker: this file runs again
// for each test file a worker runs, and the marker (which only this file sets) keeps the worker on
// the folder it made first, with the database already migrated there.
const MARKER = "UNDERSIGNED_VITEST_WORKER_DATA_DIR";
const tmpRoot = path.resolve(".data", "test");
fs.mkdirSync(tmpRoot, { recursive: true });
const workerDir = process.env[MARKER];
process.env.DATA_DIR = workerDir?.startsWith(tmpRoot + path.sep) ? workerDir : fs.mkdtempSync(path.join(tmpRoot, "worker-"));
process.env[MARKER] = process.env.DATA_DIR;
// Each vitest worker has its own port for the real SMTP server that email tests start.
process.env.SMTP_URL = `smtp://127.0.0.1:${testSmtpPort()}`;
process.env.OUTBOX_WORKER = "false";
process.env.DEMO_DATA = "false";

beforeAll(async () => {
  const { migrateDatabase } = await import("@/lib/db");
  await migrateDatabase();
});

// A console.error during a test is a surprise; surface it as a failure instead of scrolling past.
const errors: unknown[][] = [];
const original = console.error;
console.error = (...args: unknown[]) => {
  errors.push(args);
  original(...args);
};
afterEach(() => {
  if (errors.length === 0) return;
  const first = errors.splice(0).map((a) => a.map(String).join(" "));
  throw new Error(`console.error was called during the test:\n${first.join("\n")}`);
});
