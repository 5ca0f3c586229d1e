import "server-only";
import { getAppealForMember } from "@/lib/appeals/access";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** Removes a letterhead logo; NOT_FOUND for a non-member, CONFLICT for a logo not (or no longer) on this appeal. */
export async function removeLogo({ userId, appealId, logoId }: { userId: string; appealId: string; logoId: string }) {
  await getAppealForMember({ userId, appealId });
  await db().$transaction(async (tx) => {
    const { count } = await tx.appealLogo.deleteMany({ where: { id: logoId, appealId } });
    if (count === 0) throw new AppError("CONFLICT", "This logo is no longer there: reload the page.");
    await recordAudit(tx, { appealId, actorId: userId, action: "letter.logo-removed" });
  });
}
