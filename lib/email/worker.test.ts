import fs from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { queueEmail } from "@/lib/email/outbox";
import { emlDeliver } from "@/lib/email/transport";
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
