import "server-only";
import { db, type Tx } from "@/lib/db";
import type { EmailMessage } from "@/lib/email/message";
import { wakeOutboxWorker } from "@/lib/email/worker-signal";

/**
 * Queues a message for the outbox worker. Pass the transaction that writes the rows the message
 * is about, so that the email exists exactly when they do.
 */
export async function queueEmail(message: EmailMessage, tx?: Tx): Promise<void> {
  await (tx ?? db()).outboxMessage.create({
    data: { to: message.to, subject: message.subject, text: message.text, html: message.html ?? null },
  });
  wakeOutboxWorker();
}
