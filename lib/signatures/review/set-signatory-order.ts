import "server-only";
import { db } from "@/lib/db";
import { getAppealForMember } from "@/lib/appeals/access";
import { recordAudit } from "@/lib/audit/record-audit";
import type { SignatoryOrder } from "@/lib/generated/prisma/client";
import { orderedPublicSignatures } from "@/lib/signatures/review/ordered-public-signatures";

export interface SetSignatoryOrderOptions {
  userId: string;
  appealId: string;
  order: SignatoryOrder;
}

/**
 * Chooses how the letter orders its signatories. Switching to manual order starts from the order
 * the letter shows now, so nothing jumps around before the coordinator moves anyone.
 */
export async function setSignatoryOrder({ userId, appealId, order }: SetSignatoryOrderOptions) {
  return db().$transaction(async (tx) => {
    const { appeal } = await getAppealForMember({ userId, appealId }, tx);
    // Order changes of one appeal take turns, so positions are never written by two at once.
    await tx.$queryRaw`SELECT id FROM "Appeal" WHERE id = ${appealId} FOR UPDATE`;
    const current = await tx.appeal.findUniqueOrThrow({ where: { id: appealId }, select: { signatoryOrder: true, language: true } });
    if (current.signatoryOrder === order) return { slug: appeal.slug, changed: false };
    if (order === "MANUAL") {
      const rows = await orderedPublicSignatures({ appealId, language: current.language, order: current.signatoryOrder }, tx);
      for (const [index, s] of rows.entries()) {
        if (s.position !== index) await tx.signature.update({ where: { id: s.id }, data: { position: index } });
      }
    }
    await tx.appeal.update({ where: { id: appealId }, data: { signatoryOrder: order } });
    await recordAudit(tx, { appealId, actorId: userId, action: "signature.order-changed", details: { from: current.signatoryOrder, to: order } });
    return { slug: appeal.slug, changed: true };
  });
}
