import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { closeExpiredAppeals } from "@/lib/appeals/deadline";
import { queueEmail } from "@/lib/email/outbox";
import { alreadySignedEmail, confirmSignatureEmail } from "@/lib/email/templates/signature";
import { AppError, RateLimitedError } from "@/lib/errors";
import type { SignatureField, SignatureInput } from "@/lib/schemas/signature";
import { normalizeEmail } from "@/lib/signatures/normalize-email";
import { organisationCheck } from "@/lib/signatures/organisation-check";
import { acceptsSignatures, signOnAppeal, type SignOnAppeal } from "@/lib/signatures/sign-on-appeal";
import { signOnBatcher, type SignOnUnit } from "@/lib/signatures/sign-on-batch";
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
const CLOSED = "This appeal is closed: it no longer accepts signatures.";
const minutes = (s: number) => Math.max(1, Math.ceil(s / 60));

/**
 * A sign-on, from the form or the API. The answer is the same whether or not the address has
 * signed before; what differs is only the email that address receives. First signatures are
 * written in batches (sign-on-batch.ts); a returning signer is handled on their own.
 */
export async function submitSignature({ slug, input, ip }: { slug: string; input: SignatureInput; ip: string }): Promise<SubmitSignatureResult> {
  const appeal = await signOnAppeal(slug);
  if (!appeal) throw new AppError("NOT_FOUND", "This appeal does not exist.");
  if (!acceptsSignatures(appeal)) {
    if (appeal.status === "OPEN") await closeExpiredAppeals(appeal.id);
    throw new AppError("CONFLICT", CLOSED);
  }

  const fieldErrors: Partial<Record<SignatureField, string[]>> = {};
  if (input.kind === "organisation" && !appeal.allowOrganisations) fieldErrors.kind = ["This appeal is signed by individuals only."];
  if (input.kind === "individual" && !appeal.allowIndividuals) fieldErrors.kind = ["This appeal is signed by organisations only."];
  if (appeal.drawnSignature === "REQUIRED" && !input.signatureImage) fieldErrors.signatureImage = ["Draw your signature in the box."];
  if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors };

  let image: Buffer | null = null;
  if (input.signatureImage && appeal.drawnSignature !== "OFF") {
    try {
      image = await processSignatureImage(input.signatureImage);
    } catch (err) {
      if (err instanceof SignatureImageError) return { ok: false, fieldErrors: { signatureImage: [err.message] } };
      throw err;
    }
  }

  const unit: SignOnUnit = {
    appeal,
    ip,
    email: input.email,
    emailNormalized: normalizeEmail(input.email),
    fields: {
      kind: input.kind === "organisation" ? "ORGANISATION" : "INDIVIDUAL",
      name: input.name,
      role: input.role,
      organisation: input.organisation,
      country: input.country || null,
      email: input.email,
      website: input.website,
      signatureImage: image ? new Uint8Array(image) : null,
      inkColor: image ? (input.ink === "blue" ? "BLUE" : "BLACK") : null,
      showName: input.showName,
      showCountry: input.showCountry,
      ...organisationCheck({ email: input.email, website: input.website, kind: input.kind }),
    },
  };
  const outcome = await signOnBatcher.submit(unit);
  switch (outcome.kind) {
    case "closed":
      throw new AppError("CONFLICT", CLOSED);
    case "rate-limited":
      throw new RateLimitedError(
        outcome.scope === "ip"
          ? `Too many signatures from your network just now. Please try again in ${minutes(outcome.retryAfterSeconds)} minutes.`
          : `Too many attempts with this email address. Please try again in ${minutes(outcome.retryAfterSeconds)} minutes.`,
        outcome.retryAfterSeconds,
      );
    case "existing":
      await signAgain(unit);
      return { ok: true };
    default:
      return { ok: true };
  }
}

/** Whether a stored signature already holds exactly these details. */
function sameSignature(stored: Record<string, unknown>, fields: SignOnUnit["fields"]): boolean {
  // The address as typed is not a detail: it normalises to the stored one ("Ana@X.org" is ana@x.org),
  // so a retyped case alone gets no second email.
  return Object.entries(fields).every(([key, value]) => {
    if (key === "email") return true;
    const current = stored[key] ?? null;
    const next = value ?? null;
    if (current instanceof Uint8Array && next instanceof Uint8Array) return Buffer.from(current).equals(Buffer.from(next));
    return current === next;
  });
}

/**
 * The person has a signature on this appeal already: a pending one with new details is updated
 * and gets a new link, replacing the one sent (the same details again get their link again, at
 * most once a minute); a confirmed one gets an "already signed" email with a withdraw
 * link; a withdrawn one starts over; a rejected one gets nothing.
 */
async function signAgain(unit: SignOnUnit): Promise<void> {
  const { appeal } = unit;
  await db().$transaction(async (tx) => {
    const existing = await tx.signature.findUnique({ where: { appealId_emailNormalized: { appealId: appeal.id, emailNormalized: unit.emailNormalized } } });
    if (!existing || existing.status === "REJECTED") return;
    if (existing.status === "PUBLIC" || existing.status === "PENDING_REVIEW") {
      const withdraw = await issueToken(tx, {
        purpose: "WITHDRAW_SIGNATURE", appealId: appeal.id, signatureId: existing.id, expiresAt: new Date(Date.now() + WITHDRAW_LINK_DAYS * 86_400_000),
      });
      await queueEmail(alreadySignedEmail({ to: unit.email, name: existing.name, title: appeal.title, withdrawUrl: absoluteUrl(`/s/withdraw/${withdraw}`) }), tx);
      return;
    }
    const latest = await tx.textVersion.findFirst({ where: { appealId: appeal.id }, orderBy: { version: "desc" }, select: { id: true } });
    if (existing.status === "PENDING_EMAIL") {
      const signedVersionId = latest?.id ?? null;
      if (sameSignature(existing, unit.fields) && existing.signedVersionId === signedVersionId) {
        const recent = await tx.token.findFirst({
          where: { signatureId: existing.id, purpose: "CONFIRM_SIGNATURE", createdAt: { gt: new Date(Date.now() - RESEND_AFTER_MS) } },
          select: { id: true },
        });
        if (recent) return;
      } else {
        // Different details: the link already sent was for the earlier ones and must not confirm
        // these, so it is retired and a new one goes out at once (the per-email rate limit bounds
        // how often). Conditional: if the old link confirmed a moment ago, those details stay.
        const { count } = await tx.signature.updateMany({ where: { id: existing.id, status: "PENDING_EMAIL" }, data: { ...unit.fields, signedVersionId } });
        if (count === 0) return;
      }
      await retireTokens(tx, existing.id, "CONFIRM_SIGNATURE");
    } else {
      await tx.signature.update({
        where: { id: existing.id },
        data: {
          ...unit.fields, status: "PENDING_EMAIL", signedVersionId: latest?.id ?? null, confirmedVersionId: null,
          confirmedAt: null, reviewedAt: null, withdrawnAt: null, position: null, createdAt: new Date(),
        },
      });
    }
    const token = await issueToken(tx, {
      purpose: "CONFIRM_SIGNATURE", appealId: appeal.id, signatureId: existing.id, expiresAt: new Date(Date.now() + env.SIGNATURE_TOKEN_TTL_HOURS * 3_600_000),
    });
    await queueEmail(
      confirmSignatureEmail({ to: unit.email, name: String(unit.fields.name), title: appeal.title, url: absoluteUrl(`/s/confirm/${token}`), hours: env.SIGNATURE_TOKEN_TTL_HOURS }),
      tx,
    );
  });
}
