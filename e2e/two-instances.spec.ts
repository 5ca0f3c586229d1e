import { spawn, type ChildProcess } from "node:child_process";
import pg from "pg";
import { expect, test } from "@playwright/test";
import { startSmtpCapture } from "../lib/test-utils/smtp-capture";

// Two app processes on one PostgreSQL must behave as one: a burst of sign-ons, each sent to both
// at once, gives one signature and one confirmation email per address. Needs PostgreSQL
// (TEST_DATABASE_URL, as CI sets it) and the production build that `npm test` makes first.
const admin = process.env.TEST_DATABASE_URL;
test.skip(!admin, "TEST_DATABASE_URL is not set");
test.describe.configure({ mode: "serial", timeout: 180_000 });

const PORTS = [3311, 3312];
const SMTP_PORT = 2611;
let servers: ChildProcess[] = [];
let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;

async function waitFor(url: string) {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} never answered`);
}

test.beforeAll(async () => {
  const url = new URL(admin!);
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query("DROP DATABASE IF EXISTS undersigned_two_instances WITH (FORCE)");
  await client.query("CREATE DATABASE undersigned_two_instances");
  await client.end();
  url.pathname = "/undersigned_two_instances";
  smtp = await startSmtpCapture(SMTP_PORT);
  // Both start at once on an empty database: the migration lock is part of what is tested.
  servers = PORTS.map((port) =>
    spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: url.toString(),
        DATA_DIR: `.data/two-instances-${port}`,
        APP_URL: `http://localhost:${port}`,
        SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
        OUTBOX_POLL_MS: "100",
        TEST_HOOKS: "true",
        DEMO_DATA: "false",
        AUTH_SECRET: "two-instances-secret-two-instances-secret",
      },
      stdio: "ignore",
    }),
  );
  await Promise.all(PORTS.map((p) => waitFor(`http://127.0.0.1:${p}/api/health`)));
});

test.afterAll(async () => {
  for (const s of servers) s.kill("SIGTERM");
  await smtp?.close();
});

test("a burst of sign-ons split across two instances gives one signature and one email per address", async () => {
  const created = await fetch(`http://127.0.0.1:${PORTS[0]}/api/test-hooks/create-appeal`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ status: "OPEN", drawnSignature: "OFF" }),
  });
  const appeal = (await created.json()) as { id: string; slug: string };
  const emails = Array.from({ length: 30 }, (_, i) => `burst-${Date.now()}-${i}@example.org`);
  const submit = (port: number, email: string) =>
    fetch(`http://127.0.0.1:${port}/api/v1/appeals/${appeal.slug}/signatures`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": `10.9.${port % 256}.1` },
      body: JSON.stringify({ kind: "individual", name: "Burst Signer", country: "FR", email, show: { name: true, country: true }, consent: true }),
    });
  const responses = await Promise.all(emails.flatMap((email) => [submit(PORTS[0]!, email), submit(PORTS[1]!, email), submit(PORTS[1]!, email.toUpperCase())]));
  expect(responses.map((r) => r.status)).toEqual(responses.map(() => 202));

  await expect.poll(() => new Set(smtp.messages.flatMap((m) => m.to)).size, { timeout: 30_000 }).toBe(emails.length);
  // Give a duplicate every chance to show up before counting.
  await new Promise((r) => setTimeout(r, 3000));
  for (const email of emails) {
    expect(smtp.to(email).filter((m) => m.subject.startsWith("Confirm your signature")), email).toHaveLength(1);
  }
  const rows = await fetch(`http://127.0.0.1:${PORTS[1]}/api/test-hooks/signatures-of`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ appealId: appeal.id }),
  });
  expect(((await rows.json()) as unknown[]).length).toBe(emails.length);
});
