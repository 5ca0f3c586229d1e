import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { simpleParser } from "mailparser";
import { env, isProduction } from "@/lib/env";
import { devOutboxDir } from "@/lib/email/transport";

/** The dev outbox page shows every message, signers' addresses included: never in production. */
export const devOutboxPageEnabled = () => !isProduction || env.DEV_OUTBOX_PAGE;

export interface DevOutboxEntry {
  file: string;
  to: string;
  subject: string;
  date: string;
  text: string;
}

export async function listDevOutbox(limit = 50): Promise<DevOutboxEntry[]> {
  const dir = devOutboxDir();
  let files: string[];
  try {
    files = (await fs.readdir(dir)).filter((f) => f.endsWith(".eml")).sort().reverse().slice(0, limit);
  } catch {
    return [];
  }
  return Promise.all(
    files.map(async (file) => {
      const mail = await simpleParser(await fs.readFile(path.join(dir, file)));
      const to = Array.isArray(mail.to) ? mail.to.map((t) => t.text).join(", ") : (mail.to?.text ?? "");
      return { file, to, subject: mail.subject ?? "", date: mail.date?.toISOString() ?? "", text: mail.text ?? "" };
    }),
  );
}
