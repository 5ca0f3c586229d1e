import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { LetterText } from "@/lib/appeals/letter-text";
import { letterTextDiff } from "@/lib/appeals/text-diff";
import { queueEmail } from "@/lib/email/outbox";
import { confirmSignatureEmail, reconfirmSignatureEmail } from "@/lib/email/templates/signature";
import { RateLimitedError } from "@/lib/errors";
import { reconfirmVersion } from "@/lib/signatures/confirm-signature";
import { hitRateLimit } from "@/lib/signatures/rate-limit";
import { RECONFIRM_DAYS } from "@/lib/signatures/request-reconfirmation";
import { acceptsSignatures } from "@/lib/signatures/sign-on-appeal";
import { hashToken, issueToken, retireTokens } from "@/lib/signatures/tokens";
import { absoluteUrl } from "@/lib/urls";

/** What the page for a link that no longer works tells its reader. */
export type ExpiredLink =
  /** A confirmation link of a pending signature: a new one can be sent. */
  | { kind: "confirm" }
  /** A confirmation link of a signature that has been confirmed since. */
  | { kind: "confirmed"; slug: string }
  /** A confirmation link of a pending signature on an appeal that no longer takes signatures. */
  | { kind: "closed"; slug: string }
  /**
   * A link to confirm a new version of the text. The signature stands on `signedVersion`
   * (null if unknown) whatever happens to the link: `current` when that is already the newest
   * text, otherwise the appeal `closed`, the text changed again (`superseded`), or the link `expired`.
   */
  | { kind: "reconfirm"; slug: string; signedVersion: number | null; reason: "current" | "closed" | "superseded" | "expired"; canResend: boolean }
  | { kind: "invalid" };

const isConfirmed = (status: string) => status === "PUBLIC" || status === "PENDING_REVIEW";

const findToken = (token: string) =>
  db().token.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { signature: { include: { signedVersion: { select: { id: true, version: true, content: true } } } }, appeal: true },
  });

const latestVersion = (appealId: string) =>
  db().textVersion.findFirst({ where: { appealId }, orderBy: { version: "desc" }, select: { id: true, version: true, content: true } });

/** Reads a link for /s/expired/<token>; changes nothing. */
export async function describeExpiredLink({ token }: { token: string }): Promise<ExpiredLink> {
  const row = await findToken(token);
  if (!row || !row.signature) return { kind: "invalid" };
  const { signature, appeal } = row;
  if (row.purpose === "CONFIRM_SIGNATURE") {
    if (isConfirmed(signature.status)) return { kind: "confirmed", slug: appeal.slug };
    if (signature.status !== "PENDING_EMAIL") return { kind: "invalid" };
    return acceptsSignatures(appeal) ? { kind: "confirm" } : { kind: "closed", slug: appeal.slug };
  }
  if (row.purpose !== "RECONFIRM_SIGNATURE" || !isConfirmed(signature.status)) return { kind: "invalid" };
  const latest = await latestVersion(appeal.id);
  const onLatest = !latest || signature.signedVersionId === latest.id;
  const reason = onLatest
    ? "current"
    : !acceptsSignatures(appeal)
      ? "closed"
      : !(await reconfirmVersion(db(), row))
        ? "superseded"
        : "expired";
  return {
    kind: "reconfirm", slug: appeal.slug, signedVersion: signature.signedVersion?.version ?? null, reason,
    canResend: (reason === "superseded" || reason === "expired") && signature.signedVersion !== null,
  };
}

/**
 * From a link that expired, sends a fresh one to the same address: a confirmation link for a
 * pending signature, or a link to confirm the newest text for a signature on an earlier one.
 * Returns the appeal's slug, or null when there is nothing to send.
 */
export async function resendConfirmation({ token }: { token: string }): Promise<{ slug: string } | null> {
  const row = await findToken(token);
  if (!row || !row.signature || !acceptsSignatures(row.appeal)) return null;
  const { signature, appeal } = row;
  const isConfirm = row.purpose === "CONFIRM_SIGNATURE" && signature.status === "PENDING_EMAIL";
  const latest = row.purpose === "RECONFIRM_SIGNATURE" && isConfirmed(signature.status) ? await latestVersion(appeal.id) : null;
  const signedVersion = signature.signedVersion;
  const isReconfirm = latest !== null && signedVersion !== null && signedVersion.id !== latest.id;
  if (!isConfirm && !isReconfirm) return null;

  const limit = await hitRateLimit("sign-email", `${row.appealId}:${signature.emailNormalized}`, env.RATE_LIMIT_PER_EMAIL);
  if (!limit.ok) throw new RateLimitedError("Too many links were sent to this address. Please try again later.", limit.retryAfterSeconds);
  await db().$transaction(async (tx) => {
    if (isReconfirm) {
      await retireTokens(tx, signature.id, "RECONFIRM_SIGNATURE");
      const fresh = await issueToken(tx, {
        purpose: "RECONFIRM_SIGNATURE", appealId: appeal.id, signatureId: signature.id, expiresAt: new Date(Date.now() + RECONFIRM_DAYS * 86_400_000),
      });
      const diff = letterTextDiff(signedVersion.content as unknown as LetterText, latest.content as unknown as LetterText);
      await queueEmail(
        reconfirmSignatureEmail({ to: signature.email, name: signature.name, title: appeal.title, url: absoluteUrl(`/s/confirm/${fresh}`), diff, version: latest.version }),
        tx,
      );
      return;
    }
    await retireTokens(tx, signature.id, "CONFIRM_SIGNATURE");
    const fresh = await issueToken(tx, {
      purpose: "CONFIRM_SIGNATURE", appealId: appeal.id, signatureId: signature.id, expiresAt: new Date(Date.now() + env.SIGNATURE_TOKEN_TTL_HOURS * 3_600_000),
    });
    await queueEmail(
      confirmSignatureEmail({ to: signature.email, name: signature.name, title: appeal.title, url: absoluteUrl(`/s/confirm/${fresh}`), hours: env.SIGNATURE_TOKEN_TTL_HOURS }),
      tx,
    );
  });
  return { slug: appeal.slug };
}
