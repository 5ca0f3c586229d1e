import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { queueEmail } from "@/lib/email/outbox";
import { confirmSignatureEmail } from "@/lib/email/templates/signature";
import { RateLimitedError } from "@/lib/errors";
import { hitRateLimit } from "@/lib/signatures/rate-limit";
import { hashToken, issueToken, retireTokens } from "@/lib/signatures/tokens";
import { absoluteUrl } from "@/lib/urls";

/** From an expired confirmation link, sends a fresh one to the same address. Returns the appeal's slug. */
export async function resendConfirmation({ token }: { token: string }): Promise<{ slug: string } | null> {
  const row = await db().token.findUnique({ where: { tokenHash: hashToken(token) }, include: { signature: true, appeal: true } });
  if (!row || row.purpose !== "CONFIRM_SIGNATURE" || !row.signature || row.signature.status !== "PENDING_EMAIL") return null;
  if (row.appeal.status !== "OPEN") return null;
  const limit = await hitRateLimit("sign-email", `${row.appealId}:${row.signature.emailNormalized}`, env.RATE_LIMIT_PER_EMAIL);
  if (!limit.ok) throw new RateLimitedError("Too many links were sent to this address. Please try again later.", limit.retryAfterSeconds);
  const { signature, appeal } = row;
  await db().$transaction(async (tx) => {
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
