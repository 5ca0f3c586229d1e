import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { confirmSignatureEmail } from "@/lib/email/templates/signature";
import { wakeOutboxWorker } from "@/lib/email/worker-signal";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SignOnAppeal } from "@/lib/signatures/sign-on-appeal";
import { hitRateLimits } from "@/lib/signatures/rate-limit";
import { hashToken } from "@/lib/signatures/tokens";
import { absoluteUrl } from "@/lib/urls";

export interface SignOnUnit {
  appeal: SignOnAppeal;
  ip: string;
  email: string;
  emailNormalized: string;
  /** The row to create for a first signature (without appeal, version and status). */
  fields: Omit<Prisma.SignatureCreateManyInput, "appealId" | "emailNormalized" | "signedVersionId" | "status">;
}

export type SignOnOutcome =
  | { kind: "stored" }
  /** Another request for the same person won the race and sent the email: same answer, no email. */
  | { kind: "duplicate" }
  /** The person signed this appeal before: handled one by one (update, re-send, "already signed"). */
  | { kind: "existing" }
  | { kind: "closed" }
  | { kind: "rate-limited"; scope: "ip" | "email"; retryAfterSeconds: number };

const MAX_BATCH = 200;
const GATHER_MS = 3;

/**
 * Group commit: sign-ons that arrive while a batch is being written wait and are written together
 * in the next transaction, each answered only once its batch has committed. One transaction per
 * batch instead of per sign-on keeps the database's share of each sign-on small (under load a
 * batch holds 20–30 of them).
 */
class SignOnBatcher {
  private queue: { unit: SignOnUnit; resolve: (o: SignOnOutcome) => void; reject: (e: unknown) => void }[] = [];
  private running = false;

  submit(unit: SignOnUnit): Promise<SignOnOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ unit, resolve, reject });
      if (!this.running) queueMicrotask(() => void this.drain());
    });
  }

  /**
   * Lets requests that are already on their way join the batch. The embedded database answers
   * within the same turn of the event loop, so without yielding no new request would ever be
   * read while a batch is written, and every batch would hold one sign-on.
   */
  private async gather() {
    const until = Date.now() + GATHER_MS;
    let size = -1;
    while (this.queue.length !== size && this.queue.length < MAX_BATCH && Date.now() < until) {
      size = this.queue.length;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private async drain() {
    if (this.running) return;
    this.running = true;
    try {
      while (this.queue.length > 0) {
        await this.gather();
        const batch = this.queue.splice(0, MAX_BATCH);
        try {
          const outcomes = await commitBatch(batch.map((b) => b.unit));
          batch.forEach((b, i) => b.resolve(outcomes[i]!));
        } catch (err) {
          if (batch.length === 1) {
            batch[0]!.reject(err);
            continue;
          }
          // One bad sign-on must not fail the others: write them one by one.
          for (const b of batch) {
            try {
              b.resolve((await commitBatch([b.unit]))[0]!);
            } catch (e) {
              b.reject(e);
            }
          }
        }
      }
    } finally {
      this.running = false;
    }
  }
}

const globalForBatcher = globalThis as unknown as { undersignedSignOnBatcher?: SignOnBatcher };
export const signOnBatcher = (globalForBatcher.undersignedSignOnBatcher ??= new SignOnBatcher());

const keyOf = (appealId: string, emailNormalized: string) => `${appealId} ${emailNormalized}`;
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export async function commitBatch(units: SignOnUnit[]): Promise<SignOnOutcome[]> {
  const outcomes: (SignOnOutcome | null)[] = units.map(() => null);
  const mails: Prisma.OutboxMessageCreateManyInput[] = [];
  await db().$transaction(async (tx) => {
    const limits = await hitRateLimits(
      tx,
      units.flatMap((u) => [
        { kind: "sign-ip", value: u.ip, limit: env.RATE_LIMIT_PER_IP },
        { kind: "sign-email", value: `${u.appeal.id}:${u.emailNormalized}`, limit: env.RATE_LIMIT_PER_EMAIL },
      ]),
    );
    units.forEach((_, i) => {
      const [ip, email] = [limits[2 * i]!, limits[2 * i + 1]!];
      if (!ip.ok) outcomes[i] = { kind: "rate-limited", scope: "ip", retryAfterSeconds: ip.retryAfterSeconds };
      else if (!email.ok) outcomes[i] = { kind: "rate-limited", scope: "email", retryAfterSeconds: email.retryAfterSeconds };
    });

    const pending = () => units.map((u, i) => ({ u, i })).filter(({ i }) => outcomes[i] === null);
    const appealIds = [...new Set(pending().map(({ u }) => u.appeal.id))];
    if (appealIds.length === 0) return;
    // FOR SHARE: a coordinator closing the appeal waits for this batch, and this batch sees the close.
    const open = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Appeal" WHERE id = ANY(${appealIds}::text[]) AND status = 'OPEN' AND (deadline IS NULL OR deadline > now()) FOR SHARE`;
    const openIds = new Set(open.map((a) => a.id));
    for (const { u, i } of pending()) if (!openIds.has(u.appeal.id)) outcomes[i] = { kind: "closed" };

    const candidates = pending();
    if (candidates.length === 0) return;
    const versions = await tx.$queryRaw<{ appealId: string; id: string }[]>`
      SELECT DISTINCT ON ("appealId") "appealId", id FROM "TextVersion"
      WHERE "appealId" = ANY(${[...openIds]}::text[]) ORDER BY "appealId", version DESC`;
    const versionOf = new Map(versions.map((v) => [v.appealId, v.id]));
    const existing = await tx.signature.findMany({
      where: { OR: candidates.map(({ u }) => ({ appealId: u.appeal.id, emailNormalized: u.emailNormalized })) },
      select: { appealId: true, emailNormalized: true },
    });
    const signedBefore = new Set(existing.map((s) => keyOf(s.appealId, s.emailNormalized)));
    const inBatch = new Set<string>();
    const fresh: typeof candidates = [];
    for (const c of candidates) {
      const key = keyOf(c.u.appeal.id, c.u.emailNormalized);
      if (signedBefore.has(key)) outcomes[c.i] = { kind: "existing" };
      else if (inBatch.has(key)) outcomes[c.i] = { kind: "duplicate" };
      else {
        inBatch.add(key);
        fresh.push(c);
      }
    }
    if (fresh.length === 0) return;
    // Inserted in key order, so that two instances inserting overlapping batches wait on each
    // other instead of deadlocking; each row keeps its request's index `i` for its outcome.
    fresh.sort((a, b) => compare(a.u.appeal.id, b.u.appeal.id) || compare(a.u.emailNormalized, b.u.emailNormalized));

    const created = await tx.signature.createManyAndReturn({
      data: fresh.map(({ u }) => ({
        ...u.fields,
        appealId: u.appeal.id,
        emailNormalized: u.emailNormalized,
        signedVersionId: versionOf.get(u.appeal.id) ?? null,
        status: "PENDING_EMAIL" as const,
      })),
      // A row another process created a moment ago is skipped: that process sent its email.
      skipDuplicates: true,
      select: { id: true, appealId: true, emailNormalized: true },
    });
    const idOf = new Map(created.map((s) => [keyOf(s.appealId, s.emailNormalized), s.id]));
    const expiresAt = new Date(Date.now() + env.SIGNATURE_TOKEN_TTL_HOURS * 3_600_000);
    const tokens: Prisma.TokenCreateManyInput[] = [];
    for (const { u, i } of fresh) {
      const id = idOf.get(keyOf(u.appeal.id, u.emailNormalized));
      if (!id) {
        outcomes[i] = { kind: "duplicate" };
        continue;
      }
      const token = randomBytes(24).toString("base64url");
      tokens.push({ tokenHash: hashToken(token), purpose: "CONFIRM_SIGNATURE", appealId: u.appeal.id, signatureId: id, expiresAt });
      const m = confirmSignatureEmail({ to: u.email, name: String(u.fields.name), title: u.appeal.title, url: absoluteUrl(`/s/confirm/${token}`), hours: env.SIGNATURE_TOKEN_TTL_HOURS });
      mails.push({ to: m.to, subject: m.subject, text: m.text, html: m.html ?? null });
      outcomes[i] = { kind: "stored" };
    }
    await tx.token.createMany({ data: tokens });
    await tx.outboxMessage.createMany({ data: mails });
  });
  if (mails.length) wakeOutboxWorker();
  return outcomes.map((o) => o ?? { kind: "duplicate" });
}
