import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import MailComposer from "nodemailer/lib/mail-composer";
import { env } from "@/lib/env";
import type { EmailMessage } from "@/lib/email/message";

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

// With no SMTP server configured, each message becomes an RFC 5322 file in DATA_DIR/outbox
// (tools read these: the names sort by time) and its subject and first link go to the console.
export const emlDeliver =
  (dir: string): Deliver =>
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
  const link = m.text.match(/https?:\/\/\S+/)?.[0];
  console.log(`[outbox] "${m.subject}" written to ${path.relative(process.cwd(), file)}${link ? `\n[outbox] link: ${link}` : ""}`);
};

export function deliver(message: EmailMessage & { id: string }): Promise<void> {
  return env.SMTP_URL ? smtpDeliver(env.SMTP_URL)(message) : emlDeliver(devOutboxDir())(message);
}
