import "server-only";
import { logError } from "@/lib/log-error";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { queueEmail } from "@/lib/email/outbox";
import { absoluteUrl } from "@/lib/urls";
import { digestEmail, type DigestAppeal } from "@/lib/signatures/review/digest-email";

const DAY_MS = 24 * 60 * 60 * 1000;

const dueWhere = (dayAgo: Date): Prisma.AppealMemberWhereInput => ({
  notify: "DIGEST",
  OR: [{ lastDigestAt: null }, { lastDigestAt: { lt: dayAgo } }],
});

/**
 * Queues the daily digest for every coordinator who chose it and whose appeals received newly
 * confirmed signatures since their last one: one email per coordinator, listing counts per
 * appeal. Safe to run from several processes at once, and as often as you like: each
 * coordinator is claimed under a row lock, and the claim itself is a conditional
 * `UPDATE … WHERE lastDigestAt IS NULL OR lastDigestAt < now - 24 h RETURNING`, so a digest goes
 * out at most once a day whoever runs it.
 */
export async function sendDueDigests({ now = new Date() }: { now?: Date } = {}): Promise<{ sent: number }> {
  const dayAgo = new Date(now.getTime() - DAY_MS);
  // Coordinators who may be due, found in one query; each is then checked again under a lock.
  // Timestamps are passed as UTC text: the columns hold UTC without a zone, whatever the session's.
  const candidates = await db().$queryRaw<{ userId: string }[]>`
    SELECT DISTINCT m."userId" FROM "AppealMember" m JOIN "Appeal" a ON a.id = m."appealId"
    WHERE m.notify = 'DIGEST' AND a."archivedAt" IS NULL
      AND (m."lastDigestAt" IS NULL OR m."lastDigestAt" < (${dayAgo.toISOString()}::timestamptz AT TIME ZONE 'UTC'))
      AND EXISTS (
        SELECT 1 FROM "Signature" s
        WHERE s."appealId" = m."appealId" AND s."addedByCoordinator" = false AND s.status IN ('PUBLIC', 'PENDING_REVIEW')
          AND s."confirmedAt" > COALESCE(m."lastDigestAt", m."createdAt")
          AND s."confirmedAt" <= (${now.toISOString()}::timestamptz AT TIME ZONE 'UTC')
      )`;
  let sent = 0;
  for (const { userId } of candidates) {
    try {
      if (await digestFor(userId, now, dayAgo)) sent++;
    } catch (err) {
      // One coordinator's failure must not hold up everyone else's digest; the next run retries.
      logError(`[digest] coordinator ${userId}`, err);
    }
  }
  return { sent };
}

async function digestFor(userId: string, now: Date, dayAgo: Date): Promise<boolean> {
  const due = dueWhere(dayAgo);
  return db().$transaction(async (tx) => {
    // One process per coordinator at a time; another one running now skips them.
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "User" WHERE id = ${userId} FOR NO KEY UPDATE SKIP LOCKED`;
    if (locked.length === 0) return false;
    // A digest sent within the day, for any appeal, is this coordinator's digest for the day.
    const recent = await tx.appealMember.count({ where: { userId, notify: "DIGEST", lastDigestAt: { gte: dayAgo } } });
    if (recent > 0) return false;

    const memberships = await tx.appealMember.findMany({
      where: { userId, ...due, appeal: { archivedAt: null } },
      select: { appealId: true, lastDigestAt: true, createdAt: true, user: { select: { email: true } }, appeal: { select: { title: true } } },
      orderBy: { createdAt: "asc" },
    });
    const appeals: (DigestAppeal & { appealId: string })[] = [];
    for (const m of memberships) {
      const since = m.lastDigestAt ?? m.createdAt;
      const newSignatures = await tx.signature.count({
        where: { appealId: m.appealId, addedByCoordinator: false, status: { in: ["PUBLIC", "PENDING_REVIEW"] }, confirmedAt: { gt: since, lte: now } },
      });
      if (newSignatures === 0) continue;
      const awaitingReview = await tx.signature.count({ where: { appealId: m.appealId, status: "PENDING_REVIEW" } });
      const path = `/dashboard/appeals/${m.appealId}/signatures${awaitingReview > 0 ? "?status=PENDING_REVIEW" : ""}`;
      appeals.push({ appealId: m.appealId, title: m.appeal.title, url: absoluteUrl(path), newSignatures, awaitingReview });
    }
    if (appeals.length === 0) return false;

    // The claim: all of this coordinator's due digests move to now, whether or not they had news,
    // so that the next digest is a day away for all of them.
    const claimed = await tx.appealMember.updateManyAndReturn({
      where: { userId, ...due, appealId: { in: memberships.map((m) => m.appealId) } },
      data: { lastDigestAt: now },
      select: { appealId: true },
    });
    const claimedIds = new Set(claimed.map((c) => c.appealId));
    const listed = appeals.filter((a) => claimedIds.has(a.appealId));
    if (listed.length === 0) return false;
    await queueEmail(digestEmail({ to: memberships[0]!.user.email, appeals: listed }), tx);
    return true;
  });
}
