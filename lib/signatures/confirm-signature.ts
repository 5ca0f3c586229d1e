import "server-only";
import { db, type Tx } from "@/lib/db";
import { closeExpiredAppeals } from "@/lib/appeals/deadline";
import { queueEmail } from "@/lib/email/outbox";
import { signatureConfirmedEmail } from "@/lib/email/templates/signature";
import { notifyCoordinatorsOfSignature } from "@/lib/signatures/notify-coordinators";
import { acceptsSignatures } from "@/lib/signatures/sign-on-appeal";
import { hashToken, issueToken } from "@/lib/signatures/tokens";
import { absoluteUrl } from "@/lib/urls";

export type ConfirmOutcome =
  | { state: "CONFIRMED"; slug: string; pendingReview: boolean }
  | { state: "ALREADY_CONFIRMED"; slug: string }
  /**
   * The link can no longer be used: it expired, or (a reconfirm link) the text changed again or
   * the appeal closed. /s/expired/<token> says which, and what the signature stands on.
   */
  | { state: "EXPIRED"; slug: string }
  /** A confirmation link opened after the appeal stopped taking signatures: not counted. */
  | { state: "CLOSED"; slug: string }
  | { state: "INVALID" };

const WITHDRAW_LINK_DAYS = 5 * 365;

type TokenRow = NonNullable<Awaited<ReturnType<typeof findToken>>>;

const findToken = (tx: Tx, token: string) =>
  tx.token.findUnique({
    where: { tokenHash: hashToken(token) },
    include: {
      signature: true,
      appeal: { select: { id: true, slug: true, title: true, status: true, deadline: true, requireApproval: true } },
    },
  });

/**
 * Opening the link in the email confirms the signature (a plain GET, as petition sites do):
 * it becomes public, or waits for a coordinator when the appeal asks for approval. A reconfirm
 * link moves the signature onto the version of the text its email showed, and only that one.
 */
export async function confirmSignature({ token }: { token: string }): Promise<ConfirmOutcome> {
  let expiredAppealId: string | null = null;
  const outcome = await db().$transaction(async (tx): Promise<ConfirmOutcome> => {
    const row = await findToken(tx, token);
    if (!row || !row.signature) return { state: "INVALID" };
    if (row.appeal.status === "OPEN" && !acceptsSignatures(row.appeal)) expiredAppealId = row.appeal.id;
    if (row.purpose === "RECONFIRM_SIGNATURE") return reconfirm(tx, row);
    if (row.purpose === "CONFIRM_SIGNATURE") return confirm(tx, row);
    return { state: "INVALID" };
  });
  // As a sign-on does: a deadline that passed unnoticed closes the appeal now.
  if (expiredAppealId) await closeExpiredAppeals(expiredAppealId);
  return outcome;
}

const isConfirmed = (status: string) => status === "PUBLIC" || status === "PENDING_REVIEW";

async function confirm(tx: Tx, row: TokenRow): Promise<ConfirmOutcome> {
  const { appeal } = row;
  const signature = row.signature!;
  const slug = appeal.slug;
  // First, whatever the link's age: an old or replaced link of a signature confirmed since says so.
  if (isConfirmed(signature.status)) return { state: "ALREADY_CONFIRMED", slug };
  if (signature.status !== "PENDING_EMAIL" || row.usedAt) return { state: "INVALID" };
  if (row.expiresAt <= new Date()) return { state: "EXPIRED", slug };
  if (!acceptsSignatures(appeal)) return { state: "CLOSED", slug };

  const pendingReview = appeal.requireApproval && !signature.addedByCoordinator;
  // Conditional on the state it was read in, so two clicks at once confirm once.
  const { count } = await tx.signature.updateMany({
    where: { id: signature.id, status: "PENDING_EMAIL" },
    data: { status: pendingReview ? "PENDING_REVIEW" : "PUBLIC", confirmedAt: new Date(), confirmedVersionId: signature.signedVersionId },
  });
  await tx.token.update({ where: { id: row.id }, data: { usedAt: new Date() } });
  if (count === 0) return { state: "ALREADY_CONFIRMED", slug };

  const withdraw = await issueToken(tx, {
    purpose: "WITHDRAW_SIGNATURE", appealId: appeal.id, signatureId: signature.id, expiresAt: new Date(Date.now() + WITHDRAW_LINK_DAYS * 86_400_000),
  });
  await queueEmail(
    signatureConfirmedEmail({
      to: signature.email, name: signature.name, title: appeal.title, pendingReview,
      appealUrl: absoluteUrl(`/a/${slug}`), withdrawUrl: absoluteUrl(`/s/withdraw/${withdraw}`),
    }),
    tx,
  );
  await notifyCoordinatorsOfSignature(tx, { appealId: appeal.id, title: appeal.title, signatureId: signature.id, pendingReview });
  return { state: "CONFIRMED", slug, pendingReview };
}

async function reconfirm(tx: Tx, row: TokenRow): Promise<ConfirmOutcome> {
  const { appeal } = row;
  const signature = row.signature!;
  const slug = appeal.slug;
  if (!isConfirmed(signature.status)) return { state: "INVALID" };
  if (row.usedAt) return { state: "ALREADY_CONFIRMED", slug };
  if (row.expiresAt <= new Date() || !acceptsSignatures(appeal)) return { state: "EXPIRED", slug };
  const version = await reconfirmVersion(tx, row);
  if (!version) return { state: "EXPIRED", slug };
  const { count } = await tx.signature.updateMany({
    where: { id: signature.id, status: { in: ["PUBLIC", "PENDING_REVIEW"] } },
    data: { signedVersionId: version.id, confirmedVersionId: version.id },
  });
  await tx.token.update({ where: { id: row.id }, data: { usedAt: new Date() } });
  if (count === 0) return { state: "INVALID" };
  return { state: "CONFIRMED", slug, pendingReview: signature.status === "PENDING_REVIEW" };
}

/**
 * The version a reconfirm link is for, while it is still the newest: the email showed the newest
 * version at the time the link was made. Every new version retires the earlier links
 * (requestReconfirmation); checking the dates as well covers a version written any other way.
 * Null when the text has changed since.
 */
export async function reconfirmVersion(tx: Tx, row: { appealId: string; createdAt: Date }): Promise<{ id: string; version: number } | null> {
  const latest = await tx.textVersion.findFirst({
    where: { appealId: row.appealId },
    orderBy: { version: "desc" },
    select: { id: true, version: true, createdAt: true },
  });
  if (!latest || latest.createdAt > row.createdAt) return null;
  return { id: latest.id, version: latest.version };
}
