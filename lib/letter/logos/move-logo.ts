import "server-only";
import { getAppealForMember } from "@/lib/appeals/access";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * Moves a letterhead logo one place left ("up") or right ("down") in the printed row; at either end
 * it stays. NOT_FOUND for a non-member, CONFLICT for a logo not (or no longer) on this appeal.
 */
export async function moveLogo({
  userId,
  appealId,
  logoId,
  direction,
}: {
  userId: string;
  appealId: string;
  logoId: string;
  direction: "up" | "down";
}) {
  await getAppealForMember({ userId, appealId });
  await db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Appeal" WHERE id = ${appealId} FOR UPDATE`;
    const logos = await tx.appealLogo.findMany({
      where: { appealId },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { id: true },
    });
    const from = logos.findIndex((l) => l.id === logoId);
    if (from < 0) throw new AppError("CONFLICT", "This logo is no longer there: reload the page.");
    const to = direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= logos.length) return;
    const order = logos.map((l) => l.id);
    [order[from], order[to]] = [order[to]!, order[from]!];
    // Rewrites every position: positions become 0..n-1 again whatever gaps removals left.
    for (const [position, id] of order.entries()) await tx.appealLogo.update({ where: { id }, data: { position } });
    await recordAudit(tx, { appealId, actorId: userId, action: "letter.logo-moved", details: { direction } });
  });
}
