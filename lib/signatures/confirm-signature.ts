import "server-only";
import { db } from "@/lib/db";
import { queueEmail } from "@/lib/email/outbox";
import { signatureConfirmedEmail } from "@/lib/email/templates/signature";
import { notifyCoordinatorsOfSignature } from "@/lib/signatures/notify-coordinators";
import { hashToken, issueToken } from "@/lib/signatures/tokens";
import { absoluteUrl } from "@/lib/urls";

export type ConfirmOutcome =
  | { state: "CONFIRMED"; slug: string; pendingReview: boolean }
  | { state: "ALREADY_CONFIRMED"; slug: string }
  | { state: "EXPIRED"; slug: string }
  | { state: "CLOSED"; slug: string }
  | { state: "INVALID" };

const WITHDRAW_LINK_DAYS = 5 * 365;

/**
 * Opening the link in the email confirms the signature (a plain GET, as petition sites do):
 * it becomes public, or waits for a coordinator when the appeal asks for approval. A reconfirm
 * link moves the signature onto the newest version of the text.
 */
export async function confirmSignature({ token }: { token: string }): Promise<ConfirmOutcome> {
  return db().$transaction(async (tx) => {
    const row = await tx.token.findUnique({
      where: { tokenHash: hashToken(token) },
      include: { signature: true, appeal: { select: { id: true, slug: true, title: true, status: true, requireApproval: true } } },
    });
    if (!row || !row.signature || (row.purpose !== "CONFIRM_SIGNATURE" && row.purpose !== "RECONFIRM_SIGNATURE")) return { state: "INVALID" as const };
    const { signature, appeal } = row;
    const slug = appeal.slug;
    if (row.usedAt) {
      return signature.status === "PUBLIC" || signature.status === "PENDING_REVIEW" ? { state: "ALREADY_CONFIRMED" as const, slug } : { state: "INVALID" as const };
    }
    if (row.expiresAt <= new Date()) return { state: "EXPIRED" as const, slug };
    if (appeal.status !== "OPEN") return { state: "CLOSED" as const, slug };

    if (row.purpose === "RECONFIRM_SIGNATURE") {
      if (signature.status !== "PUBLIC" && signature.status !== "PENDING_REVIEW") return { state: "INVALID" as const };
      const latest = await tx.textVersion.findFirst({ where: { appealId: appeal.id }, orderBy: { version: "desc" }, select: { id: true } });
      await tx.signature.update({ where: { id: signature.id }, data: { signedVersionId: latest?.id, confirmedVersionId: latest?.id } });
      await tx.token.update({ where: { id: row.id }, data: { usedAt: new Date() } });
      return { state: "CONFIRMED" as const, slug, pendingReview: signature.status === "PENDING_REVIEW" };
    }

    const pendingReview = appeal.requireApproval && !signature.addedByCoordinator;
    // Conditional on the state it was read in, so two clicks at once confirm once.
    const { count } = await tx.signature.updateMany({
      where: { id: signature.id, status: "PENDING_EMAIL" },
      data: { status: pendingReview ? "PENDING_REVIEW" : "PUBLIC", confirmedAt: new Date(), confirmedVersionId: signature.signedVersionId },
    });
    await tx.token.update({ where: { id: row.id }, data: { usedAt: new Date() } });
    if (count === 0) return { state: "ALREADY_CONFIRMED" as const, slug };

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
    return { state: "CONFIRMED" as const, slug, pendingReview };
  });
}
