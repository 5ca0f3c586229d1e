import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";

/**
 * Closes open appeals whose deadline has passed (all of them, or one). Runs on every read of an
 * appeal and from the background loop, so a deadline holds even when nobody is looking.
 */
export async function closeExpiredAppeals(appealId?: string): Promise<number> {
  return db().$transaction(async (tx) => {
    const closed = await tx.$queryRaw<{ id: string; deadline: Date }[]>`
      UPDATE "Appeal" SET status = 'CLOSED', "closedAt" = now(), "updatedAt" = now()
      WHERE status = 'OPEN' AND deadline IS NOT NULL AND deadline <= now()
        AND (${appealId ?? null}::text IS NULL OR id = ${appealId ?? null})
      RETURNING id, deadline`;
    for (const a of closed) {
      await recordAudit(tx, { appealId: a.id, actorId: null, action: "appeal.closed", details: { reason: "deadline", deadline: a.deadline.toISOString() } });
    }
    return closed.length;
  });
}

const globalForLoop = globalThis as unknown as { undersignedDeadlineLoop?: NodeJS.Timeout };

export function startDeadlineLoop(everyMs = 60_000): void {
  if (globalForLoop.undersignedDeadlineLoop) return;
  globalForLoop.undersignedDeadlineLoop = setInterval(() => {
    closeExpiredAppeals().catch((err: Error) => console.warn(`[deadline] ${err.message}`));
  }, everyMs);
  globalForLoop.undersignedDeadlineLoop.unref();
}
