import "server-only";
import type { Tx } from "@/lib/db";
import { queueEmail } from "@/lib/email/outbox";
import { emailHtml } from "@/lib/email/templates/layout";
import { absoluteUrl } from "@/lib/urls";

/**
 * Tells coordinators who chose "each signature" about a newly confirmed one. The email names no
 * signer: it links to the review queue, behind sign-in.
 */
export async function notifyCoordinatorsOfSignature(
  tx: Tx,
  { appealId, title, pendingReview }: { appealId: string; title: string; signatureId: string; pendingReview: boolean },
): Promise<void> {
  const members = await tx.appealMember.findMany({ where: { appealId, notify: "EACH" }, include: { user: { select: { email: true } } } });
  const url = absoluteUrl(`/dashboard/appeals/${appealId}/signatures${pendingReview ? "?status=PENDING_REVIEW" : ""}`);
  const paragraphs = [pendingReview ? `A new signature on “${title}” awaits your review.` : `A new signature on “${title}” is confirmed and public.`];
  for (const m of members) {
    await queueEmail(
      {
        to: m.user.email,
        subject: pendingReview ? `New signature to review: ${title}` : `New signature: ${title}`,
        text: `${paragraphs[0]}\n\n${url}\n\nYou receive one email per signature; choose a daily digest or none on the appeal's Signatures page.\n`,
        html: emailHtml({ heading: "New signature", paragraphs, action: { label: pendingReview ? "Review it" : "See the signatures", url } }),
      },
      tx,
    );
  }
}
