import "server-only";
import { db } from "@/lib/db";
import { getAppealForMember } from "@/lib/appeals/access";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, notFound } from "@/lib/errors";
import { orderedPublicSignatures } from "@/lib/signatures/review/ordered-public-signatures";

export interface MoveSignatureOptions {
  userId: string;
  appealId: string;
  signatureId: string;
  direction: "up" | "down";
}

/**
 * Moves a signatory one place up or down in a hand-made order. The letter lists organisations and
 * individuals apart, so a signatory swaps places with the nearest one of the same kind. Moving the
 * first one up (or the last one down) changes nothing.
 */
export async function moveSignature({ userId, appealId, signatureId, direction }: MoveSignatureOptions) {
  return db().$transaction(async (tx) => {
    const { appeal } = await getAppealForMember({ userId, appealId }, tx);
    await tx.$queryRaw`SELECT id FROM "Appeal" WHERE id = ${appealId} FOR UPDATE`;
    const current = await tx.appeal.findUniqueOrThrow({ where: { id: appealId }, select: { signatoryOrder: true, language: true } });
    if (current.signatoryOrder !== "MANUAL") throw new AppError("INVALID_STATE", "Choose the manual order before moving signatories.");

    const rows = await orderedPublicSignatures({ appealId, language: current.language, order: "MANUAL" }, tx);
    const target = rows.find((s) => s.id === signatureId);
    if (!target) throw notFound("This signatory");
    const sameKind = rows.filter((s) => s.kind === target.kind);
    const at = sameKind.indexOf(target);
    const other = sameKind[direction === "up" ? at - 1 : at + 1];
    if (!other) return { slug: appeal.slug, moved: false };

    // Swap the two in the full order, then write the positions that differ from 0, 1, 2, …:
    // after the first move that is just these two rows.
    const order = rows.slice();
    const i = order.indexOf(target);
    const j = order.indexOf(other);
    [order[i], order[j]] = [other, target];
    for (const [index, s] of order.entries()) {
      if (s.position !== index) await tx.signature.update({ where: { id: s.id }, data: { position: index } });
    }
    await recordAudit(tx, { appealId, actorId: userId, action: "signature.moved", details: { signatureId, direction } });
    return { slug: appeal.slug, moved: true };
  });
}
