import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { closeExpiredAppeals } from "@/lib/appeals/deadline";
import { queueEmail } from "@/lib/email/outbox";
import { alreadySignedEmail, confirmSignatureEmail } from "@/lib/email/templates/signature";
import { AppError, RateLimitedError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SignatureField, SignatureInput } from "@/lib/schemas/signature";
import { normalizeEmail } from "@/lib/signatures/normalize-email";
import { organisationCheck } from "@/lib/signatures/organisation-check";
import { hitRateLimit } from "@/lib/signatures/rate-limit";
import { processSignatureImage, SignatureImageError } from "@/lib/signatures/signature-image";
import { issueToken, retireTokens } from "@/lib/signatures/tokens";
import { absoluteUrl } from "@/lib/urls";

export type SubmitSignatureResult =
  | { ok: true }
  | { ok: false; fieldErrors: Partial<Record<SignatureField, string[]>> };

// A signer who submits again within this time gets no second email: double clicks, and a burst
// from several app instances, send one confirmation.
const RESEND_AFTER_MS = 60_000;
const WITHDRAW_LINK_DAYS = 5 * 365;

/**
 * A sign-on, from the form or the API. The answer is the same whether or not the address has
 * signed before; what differs is only the email that address receives.
 */
export async function submitSignature({ slug, input, ip }: { slug: string; input: SignatureInput; ip: string }): Promise<SubmitSignatureResult> {
  const found = await db().appeal.findFirst({ where: { slug, status: { in: ["OPEN", "CLOSED"] } }, select: { id: true } });
  if (!found) throw new AppError("NOT_FOUND", "This appeal does not exist.");
  await closeExpiredAppeals(found.id);
  const appeal = await db().appeal.findUniqueOrThrow({ where: { id: found.id } });
  if (appeal.status !== "OPEN") throw new AppError("CONFLICT", "This appeal is closed: it no longer accepts signatures.");

  const fieldErrors: Partial<Record<SignatureField, string[]>> = {};
  if (input.kind === "organisation" && !appeal.allowOrganisations) fieldErrors.kind = ["This appeal is signed by individuals only."];
  if (input.kind === "individual" && !appeal.allowIndividuals) fieldErrors.kind = ["This appeal is signed by organisations only."];
  if (appeal.drawnSignature === "REQUIRED" && !input.signatureImage) fieldErrors.signatureImage = ["Draw your signature in the box."];
  if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors };

  const emailNormalized = normalizeEmail(input.email);
  const byIp = await hitRateLimit("sign-ip", ip, env.RATE_LIMIT_PER_IP);
  if (!byIp.ok) {
    throw new RateLimitedError(`Too many signatures from your network just now. Please try again in ${Math.ceil(byIp.retryAfterSeconds / 60)} minutes.`, byIp.retryAfterSeconds);
  }
  const byEmail = await hitRateLimit("sign-email", `${appeal.id}:${emailNormalized}`, env.RATE_LIMIT_PER_EMAIL);
  if (!byEmail.ok) {
    throw new RateLimitedError(`Too many attempts with this email address. Please try again in ${Math.ceil(byEmail.retryAfterSeconds / 60)} minutes.`, byEmail.retryAfterSeconds);
  }

  let image: Buffer | null = null;
  if (input.signatureImage && appeal.drawnSignature !== "OFF") {
    try {
      image = await processSignatureImage(input.signatureImage);
    } catch (err) {
      if (err instanceof SignatureImageError) return { ok: false, fieldErrors: { signatureImage: [err.message] } };
      throw err;
    }
  }

  const fields = {
    kind: input.kind === "organisation" ? ("ORGANISATION" as const) : ("INDIVIDUAL" as const),
    name: input.name,
    role: input.role,
    organisation: input.organisation,
    country: input.country || null,
    email: input.email,
    website: input.website,
    signatureImage: image ? new Uint8Array(image) : null,
    inkColor: image ? (input.ink === "blue" ? ("BLUE" as const) : ("BLACK" as const)) : null,
    showName: input.showName,
    showCountry: input.showCountry,
    ...organisationCheck({ email: input.email, website: input.website, kind: input.kind }),
  };

  try {
    await db().$transaction(async (tx) => {
      const latest = await tx.textVersion.findFirst({ where: { appealId: appeal.id }, orderBy: { version: "desc" }, select: { id: true } });
      const existing = await tx.signature.findUnique({ where: { appealId_emailNormalized: { appealId: appeal.id, emailNormalized } } });
      if (existing?.status === "REJECTED") return;
      if (existing && (existing.status === "PUBLIC" || existing.status === "PENDING_REVIEW")) {
        const withdraw = await issueToken(tx, {
          purpose: "WITHDRAW_SIGNATURE", appealId: appeal.id, signatureId: existing.id, expiresAt: new Date(Date.now() + WITHDRAW_LINK_DAYS * 86_400_000),
        });
        await queueEmail(alreadySignedEmail({ to: input.email, name: existing.name, title: appeal.title, withdrawUrl: absoluteUrl(`/s/withdraw/${withdraw}`) }), tx);
        return;
      }
      if (existing?.status === "PENDING_EMAIL") {
        const recent = await tx.token.findFirst({
          where: { signatureId: existing.id, purpose: "CONFIRM_SIGNATURE", createdAt: { gt: new Date(Date.now() - RESEND_AFTER_MS) } },
          select: { id: true },
        });
        await tx.signature.update({ where: { id: existing.id }, data: { ...fields, signedVersionId: latest?.id ?? null } });
        if (recent) return;
        await retireTokens(tx, existing.id, "CONFIRM_SIGNATURE");
      }
      const signature = existing
        ? existing.status === "WITHDRAWN"
          ? await tx.signature.update({
              where: { id: existing.id },
              data: { ...fields, status: "PENDING_EMAIL", signedVersionId: latest?.id ?? null, confirmedVersionId: null, confirmedAt: null, reviewedAt: null, withdrawnAt: null, position: null, createdAt: new Date() },
            })
          : existing
        : await tx.signature.create({ data: { ...fields, appealId: appeal.id, emailNormalized, signedVersionId: latest?.id ?? null } });
      const token = await issueToken(tx, {
        purpose: "CONFIRM_SIGNATURE", appealId: appeal.id, signatureId: signature.id, expiresAt: new Date(Date.now() + env.SIGNATURE_TOKEN_TTL_HOURS * 3_600_000),
      });
      await queueEmail(
        confirmSignatureEmail({ to: input.email, name: input.name, title: appeal.title, url: absoluteUrl(`/s/confirm/${token}`), hours: env.SIGNATURE_TOKEN_TTL_HOURS }),
        tx,
      );
    });
  } catch (err) {
    // Another request created the same signature a moment ago and sent its email: same answer.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") return { ok: true };
    throw err;
  }
  return { ok: true };
}
