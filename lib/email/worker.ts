import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { deliver } from "@/lib/email/transport";
import { onOutboxWake } from "@/lib/email/worker-signal";
import { describeError, logError } from "@/lib/log-error";

const BATCH = 20;
const CLAIM_SECONDS = 120;

interface Claimed {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  attempts: number;
}

/**
 * Claims due messages for this worker. SKIP LOCKED plus a claim deadline means several app
 * instances on one PostgreSQL never send the same message twice, and a crashed worker's claims
 * expire so another picks them up.
 */
async function claimBatch(): Promise<Claimed[]> {
  return db().$queryRaw<Claimed[]>`
    UPDATE "OutboxMessage" SET "lockedUntil" = now() + make_interval(secs => ${CLAIM_SECONDS}), "attempts" = "attempts" + 1
    WHERE id IN (
      SELECT id FROM "OutboxMessage"
      WHERE status = 'PENDING' AND "nextAttemptAt" <= now() AND ("lockedUntil" IS NULL OR "lockedUntil" < now())
      ORDER BY "createdAt" LIMIT ${BATCH}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, "to", subject, text, html, attempts`;
}

function backoffSeconds(attempts: number): number {
  return Math.min(30 * 2 ** (attempts - 1), 3600);
}

async function sendOne(m: Claimed): Promise<void> {
  try {
    await deliver({ id: m.id, to: m.to, subject: m.subject, text: m.text, html: m.html ?? undefined });
    await db().outboxMessage.update({
      where: { id: m.id },
      data: { status: "SENT", sentAt: new Date(), lockedUntil: null, lastError: null },
    });
  } catch (err) {
    const lastError = describeError(err);
    const failed = m.attempts >= env.OUTBOX_MAX_ATTEMPTS;
    await db().outboxMessage.update({
      where: { id: m.id },
      data: {
        status: failed ? "FAILED" : "PENDING",
        lockedUntil: null,
        lastError,
        nextAttemptAt: new Date(Date.now() + backoffSeconds(m.attempts) * 1000),
      },
    });
    console.warn(`[outbox] message ${m.id} attempt ${m.attempts} failed${failed ? " (giving up)" : ""}: ${lastError}`);
  }
}

/** Sends every due message; returns how many were attempted. */
export async function drainOutbox(): Promise<number> {
  let total = 0;
  for (;;) {
    const batch = await claimBatch();
    if (batch.length === 0) return total;
    await Promise.all(batch.map(sendOne));
    total += batch.length;
  }
}

const globalForWorker = globalThis as unknown as { undersignedWorker?: { stop: () => void } };

export function startOutboxWorker(): void {
  if (globalForWorker.undersignedWorker) return;
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  let stopped = false;

  const tick = async () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    clearTimeout(timer);
    try {
      do {
        again = false;
        await drainOutbox();
      } while (again && !stopped);
    } catch (err) {
      logError("[outbox] worker error", err);
    } finally {
      running = false;
      if (!stopped) timer = setTimeout(tick, env.OUTBOX_POLL_MS);
    }
  };

  onOutboxWake(() => void tick());
  globalForWorker.undersignedWorker = {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      onOutboxWake(undefined);
    },
  };
  timer = setTimeout(tick, 0);
}

export function stopOutboxWorker(): void {
  globalForWorker.undersignedWorker?.stop();
  globalForWorker.undersignedWorker = undefined;
}
