import { redactEmails } from "@/lib/email/redact";

const MAX = 500;

/**
 * What may be logged of a failure: its message with every email address redacted, at most 500
 * characters. Prisma's messages quote the query's arguments (a signer's name, a hidden field), so
 * of those only the error's name, code and last line (the reason, e.g. "Unique constraint failed
 * on the fields: (`slug`)") are kept.
 */
export function describeError(err: unknown): string {
  if (!(err instanceof Error)) return redactEmails(String(err)).slice(0, MAX);
  let text = err.message;
  if (err.name.startsWith("PrismaClient")) {
    const code = (err as { code?: unknown }).code;
    const reason = err.message.trim().split("\n").at(-1)?.trim() ?? "";
    text = `${err.name}${typeof code === "string" ? ` ${code}` : ""}: ${reason}`;
  }
  return redactEmails(text).slice(0, MAX);
}

/**
 * Logs a failure with its context ("[digest] coordinator 42"): never an email address, never the
 * stack (which may hold the values a query was called with).
 */
export function logError(context: string, err: unknown, level: "error" | "warn" = "error"): void {
  console[level](`${context}: ${describeError(err)}`);
}
