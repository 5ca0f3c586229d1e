import fs from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { queueEmail } from "@/lib/email/outbox";
import { emlDeliver, isLoopbackUrl, warnIfMailIsNotDelivered } from "@/lib/email/transport";
import { drainOutbox } from "@/lib/email/worker";
import { uniqueSuffix } from "@/lib/factories";
import { startSmtpCapture } from "@/lib/test-utils/smtp-capture";

const address = (label: string) => `${label}-${uniqueSuffix()}@example.org`;

describe("outbox worker over real SMTP", () => {
  let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
  beforeAll(async () => {
    smtp = await startSmtpCapture();
  });
  afterAll(async () => {
    await smtp.close();
  });

  it("sends queued messages once and marks them sent", async () => {
    const to = address("recipient");
    await queueEmail({ to, subject: "First", text: "Hello https://example.org/one" });
    await queueEmail({ to, subject: "Second", text: "Hello again" });
    await drainOutbox();
    expect(smtp.to(to).map((m) => m.subject).sort()).toEqual(["First", "Second"]);
    const rows = await db().outboxMessage.findMany({ where: { to } });
    expect(rows.every((r) => r.status === "SENT" && r.sentAt)).toBe(true);
    await drainOutbox();
    expect(smtp.to(to)).toHaveLength(2);
  });

  it("never sends a message twice when two workers drain at the same moment", async () => {
    const recipients = Array.from({ length: 12 }, (_, i) => address(`race${i}`));
    for (const to of recipients) await queueEmail({ to, subject: "Race", text: "x" });
    await Promise.all([drainOutbox(), drainOutbox(), drainOutbox()]);
    for (const to of recipients) expect(smtp.to(to)).toHaveLength(1);
  });
});

describe("outbox worker when the mail server is down", () => {
  it("keeps the message for a later try, with an error that does not reveal the address", async () => {
    const to = address("unreachable");
    await queueEmail({ to, subject: "Later", text: "x" });
    await drainOutbox();
    const row = await db().outboxMessage.findFirstOrThrow({ where: { to } });
    expect(row.status).toBe("PENDING");
    expect(row.attempts).toBe(1);
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    expect(row.lastError).toBeTruthy();
    expect(row.lastError).not.toContain(to);
  });

  it("gives up after the configured number of attempts", async () => {
    const to = address("doomed");
    await queueEmail({ to, subject: "Doomed", text: "x" });
    const { id } = await db().outboxMessage.findFirstOrThrow({ where: { to } });
    await db().outboxMessage.update({ where: { id }, data: { attempts: env.OUTBOX_MAX_ATTEMPTS - 1 } });
    await drainOutbox();
    expect((await db().outboxMessage.findUniqueOrThrow({ where: { id } })).status).toBe("FAILED");
  });
});

describe("dev outbox", () => {
  it("writes each message as an RFC 5322 .eml file that mail tools can read", async () => {
    const dir = path.join(env.DATA_DIR, `outbox-${uniqueSuffix()}`);
    await emlDeliver(dir)({ id: "msg1", to: "ana@example.org", subject: "Confirm your signature – ş ə", text: "Open https://example.org/x" });
    const files = fs.readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/msg1\.eml$/);
    const mail = await simpleParser(fs.readFileSync(path.join(dir, files[0]!)));
    expect(mail.subject).toBe("Confirm your signature – ş ə");
    expect((mail.to as { text: string }).text).toBe("ana@example.org");
    expect(mail.text?.trim()).toBe("Open https://example.org/x");
    expect(mail.messageId).toBe("<msg1@undersigned>");
  });
});

describe("dev outbox console output", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const signInLink = "https://appeals.example.org/api/auth/callback/email?callbackUrl=x&token=0123abcd&email=ana%40example.org";
  const message = () => ({
    id: `msg-${uniqueSuffix()}`,
    to: "ana@example.org",
    subject: "Your sign-in link for Undersigned",
    text: `Sign in:\n${signInLink}\n`,
  });
  async function printed(appUrl: string): Promise<string> {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    await emlDeliver(path.join(env.DATA_DIR, `outbox-${uniqueSuffix()}`), appUrl)(message());
    return log.mock.calls.map((c) => c.join(" ")).join("\n");
  }

  it("prints the link on loopback, for the developer and the demo (README: the sign-in link is printed in the console)", async () => {
    for (const appUrl of ["http://localhost:3000", "http://127.0.0.1:8080", "http://[::1]:3000"]) {
      const out = await printed(appUrl);
      expect(out).toContain('"Your sign-in link for Undersigned" written to ');
      expect(out).toContain(`[outbox] link: ${signInLink}`);
      expect(out).not.toContain("ana@example.org");
    }
  });

  it("on a real address prints only the subject and the file: no link, no token, no recipient", async () => {
    const out = await printed("https://appeals.example.org");
    expect(out).toMatch(/^\[outbox\] "Your sign-in link for Undersigned" written to \S+\.eml$/);
    expect(out).not.toContain("token");
    expect(out).not.toContain("0123abcd");
    expect(out).not.toMatch(/ana(@|%40)example\.org/);
  });

  it("tells which addresses are loopback", () => {
    for (const url of ["http://localhost:3000", "http://LOCALHOST", "http://127.0.0.1", "http://127.1.2.3:9", "http://[::1]:3000"])
      expect(isLoopbackUrl(url), url).toBe(true);
    for (const url of ["https://appeals.example.org", "http://localhost.example.org", "http://10.0.0.1:3000", "http://[::2]", "http://127.example.org", "nonsense"])
      expect(isLoopbackUrl(url), url).toBe(false);
  });

  it("warns once at start when mail is not delivered on a real address, and not otherwise", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    warnIfMailIsNotDelivered({ APP_URL: "https://appeals.example.org", SMTP_URL: "smtp://127.0.0.1:25" });
    warnIfMailIsNotDelivered({ APP_URL: "http://localhost:3000" });
    expect(warn).not.toHaveBeenCalled();
    warnIfMailIsNotDelivered({ APP_URL: "https://appeals.example.org" });
    warnIfMailIsNotDelivered({ APP_URL: "https://appeals.example.org" });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/SMTP_URL is not set: emails are NOT delivered/);
  });
});
