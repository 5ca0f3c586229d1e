import "server-only";
import { logError } from "@/lib/log-error";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { expireClosedAppealPages } from "@/lib/appeals/expire-public-pages";

/**
 * Closes open appeals whose deadline has passed (all of them, or one). Runs on every read of an
 * appeal and from the background loop, so a deadline holds even when nobody is looking. Once
 * committed, the closed appeals' public pages are expired, as a close by hand does.
 */
export async function closeExpiredAppeals(appealId?: string): Promise<number> {
  const closed = await db().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; slug: string; deadline: Date }[]>`
      UPDATE "Appeal" SET status = 'CLOSED', "closedAt" = now(), "updatedAt" = now()
      WHERE status = 'OPEN' AND deadline IS NOT NULL AND deadline <= now()
        AND (${appealId ?? null}::text IS NULL OR id = ${appealId ?? null})
      RETURNING id, slug, deadline`;
    for (const a of rows) {
      await recordAudit(tx, { appealId: a.id, actorId: null, action: "appeal.closed", details: { reason: "deadline", deadline: a.deadline.toISOString() } });
    }
    return rows;
  });
  expireClosedAppealPages(closed.map((a) => a.slug));
  return closed.length;
}

const globalForLoop = globalThis as unknown as { undersignedDeadlineLoop?: NodeJS.Timeout };

export function startDeadlineLoop(everyMs = 60_000): void {
  if (globalForLoop.undersignedDeadlineLoop) return;
  globalForLoop.undersignedDeadlineLoop = setInterval(() => {
    closeExpiredAppeals().catch((err: unknown) => logError("[deadline] closing appeals past their deadline failed", err));
  }, everyMs);
  globalForLoop.undersignedDeadlineLoop.unref();
}
