import "server-only";
import { db } from "@/lib/db";
import { getAppealForMember } from "@/lib/appeals/access";
import { recordAudit } from "@/lib/audit/record-audit";
import type { SignatureStatus } from "@/lib/generated/prisma/client";

export interface ReviewSignaturesOptions {
  userId: string;
  appealId: string;
  ids: string[];
  decision: "approve" | "reject";
}

// Approving publishes a signature that waits for review; rejecting also takes down a public one.
// Nothing else moves: a rejected signature stays rejected, a withdrawn one is gone.
const FROM: Record<ReviewSignaturesOptions["decision"], SignatureStatus[]> = {
  approve: ["PENDING_REVIEW"],
  reject: ["PUBLIC", "PENDING_REVIEW"],
};

/**
 * Approves or rejects many signatures in one transaction: all of them change, or none. Ids that
 * are not in this appeal, or not in a state the decision applies to, are left alone and counted
 * as `skipped`.
 */
export async function reviewSignatures({ userId, appealId, ids, decision }: ReviewSignaturesOptions) {
  const unique = [...new Set(ids)];
  return db().$transaction(async (tx) => {
    const { appeal } = await getAppealForMember({ userId, appealId }, tx);
    const to: SignatureStatus = decision === "approve" ? "PUBLIC" : "REJECTED";
    const reviewedAt = new Date();
    // One conditional UPDATE … RETURNING per starting state: a row another request changed a
    // moment ago no longer matches, and what is returned is exactly what this call changed.
    const changedFrom: Partial<Record<SignatureStatus, string[]>> = {};
    for (const from of FROM[decision]) {
      const rows = await tx.signature.updateManyAndReturn({
        where: { id: { in: unique }, appealId, status: from },
        data: { status: to, reviewedAt },
        select: { id: true },
      });
      changedFrom[from] = rows.map((r) => r.id).sort();
    }
    const changed = Object.values(changedFrom).flat();
    if (changed.length > 0) {
      if (decision === "approve" && appeal.signatoryOrder === "MANUAL") {
        // Newly public signatories join the end of a hand-made order.
        const last = await tx.signature.aggregate({ where: { appealId, id: { notIn: changed } }, _max: { position: true } });
        let next = (last._max.position ?? -1) + 1;
        for (const id of changed) await tx.signature.update({ where: { id }, data: { position: next++ } });
      }
      await recordAudit(tx, {
        appealId,
        actorId: userId,
        action: decision === "approve" ? "signature.approved" : "signature.rejected",
        details: { count: changed.length, signatureIds: changed },
      });
    }
    return {
      slug: appeal.slug,
      count: changed.length,
      skipped: unique.length - changed.length,
      /** Whether the public page, the letter or the public CSV changed. */
      publicChanged: decision === "approve" ? changed.length > 0 : (changedFrom.PUBLIC?.length ?? 0) > 0,
    };
  });
}
