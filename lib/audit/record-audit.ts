import "server-only";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Appends to an appeal's audit log inside the caller's transaction, so the entry exists exactly
 * when the change does. `details` must never hold a signer's email or other personal data.
 */
export async function recordAudit(
  tx: Tx,
  { appealId, actorId, action, details }: { appealId: string; actorId: string | null; action: string; details?: Prisma.InputJsonValue },
): Promise<void> {
  await tx.auditEvent.create({ data: { appealId, actorId, action, details } });
}
