import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import MailComposer from "nodemailer/lib/mail-composer";
import { env } from "@/lib/env";
import type { EmailMessage } from "@/lib/email/message";
import { redactEmails } from "@/lib/email/redact";

export const devOutboxDir = () => path.resolve(env.DATA_DIR, "outbox");

type Deliver = (message: EmailMessage & { id: string }) => Promise<void>;

const globalForMail = globalThis as unknown as { undersignedTransports?: Map<string, nodemailer.Transporter> };

function smtpTransport(url: string): nodemailer.Transporter {
  const transports = (globalForMail.undersignedTransports ??= new Map());
  const existing = transports.get(url);
  if (existing) return existing;
  const plain = url.startsWith("smtp://");
  const transport = nodemailer.createTransport({
    url,
    // smtp:// means a local relay or test server; smtps:// is TLS from the first byte.
    ...(plain ? { secure: false, ignoreTLS: true } : {}),
    pool: true,
    maxConnections: 4,
  } as nodemailer.TransportOptions);
  transports.set(url, transport);
  return transport;
}

export const smtpDeliver =
  (url: string): Deliver =>
  async (m) => {
  await smtpTransport(url).sendMail({
    from: env.EMAIL_FROM,
    to: m.to,
    subject: m.subject,
    text: m.text,
    html: m.html,
    messageId: `<${m.id}@undersigned>`,
  });
  };

/**
 * Whether the app's public address is this machine (localhost, 127.x, [::1]): then whoever reads
 * the console is whoever uses the app, the developer or someone trying the demo.
 */
export function isLoopbackUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return host === "localhost" || host === "[::1]" || /^127(?:\.\d{1,3}){3}$/.test(host);
}

// With no SMTP server configured, each message becomes an RFC 5322 file in DATA_DIR/outbox
// (tools read these: the names sort by time). Its subject and file go to the console, and, only
// when the app runs on loopback (development, the demo), its first link, so that the README's
// "the sign-in link is printed in the console" works. On a real address the link is not printed:
// sign-in links carry the address and a live token, signers' links a live token, and a log is
// read by more people than an inbox. The recipient is never printed.
export const emlDeliver =
  (dir: string, appUrl = env.APP_URL): Deliver =>
  async (m) => {
  const raw = await new MailComposer({
    from: env.EMAIL_FROM,
    to: m.to,
    subject: m.subject,
    text: m.text,
    html: m.html,
    messageId: `<${m.id}@undersigned>`,
    date: new Date(),
  })
    .compile()
    .build();
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, "-")}-${m.id}.eml`);
  await fs.writeFile(file, raw);
  const link = isLoopbackUrl(appUrl) ? m.text.match(/https?:\/\/\S+/)?.[0] : undefined;
  console.log(
    `[outbox] "${redactEmails(m.subject)}" written to ${path.relative(process.cwd(), file)}${link ? `\n[outbox] link: ${link}` : ""}`,
  );
};

const globalForOutboxWarning = globalThis as unknown as { undersignedOutboxWarned?: boolean };

/**
 * At start, once per process: with no SMTP_URL on a real address, says that mail is only written to
 * files (on loopback that is the expected development and demo setup, and links are printed).
 */
export function warnIfMailIsNotDelivered({ APP_URL: appUrl, SMTP_URL: smtpUrl }: { APP_URL: string; SMTP_URL?: string } = env): void {
  if (smtpUrl || isLoopbackUrl(appUrl) || globalForOutboxWarning.undersignedOutboxWarned) return;
  globalForOutboxWarning.undersignedOutboxWarned = true;
  console.warn(
    `[start] SMTP_URL is not set: emails are NOT delivered, only written to ${path.relative(process.cwd(), devOutboxDir()) || "."}. ` +
      "Set SMTP_URL to send them.",
  );
}

export function deliver(message: EmailMessage & { id: string }): Promise<void> {
  return env.SMTP_URL ? smtpDeliver(env.SMTP_URL)(message) : emlDeliver(devOutboxDir())(message);
}
