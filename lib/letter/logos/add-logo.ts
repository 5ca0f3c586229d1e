import "server-only";
import { getAppealForMember } from "@/lib/appeals/access";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { LOGO_LIMITS } from "@/lib/schemas/letter";
import { processLogoImage } from "./process-logo-image";

/**
 * Adds a letterhead logo after the others. Any coordinator of the appeal may; NOT_FOUND for anyone
 * else. Throws LogoImageError for a file that is not a usable PNG or JPEG.
 */
export async function addLogo({ userId, appealId, file }: { userId: string; appealId: string; file: Buffer }) {
  await getAppealForMember({ userId, appealId });
  const logo = await processLogoImage(file);
  return db().$transaction(async (tx) => {
    // Serialises uploads to one appeal, so two at once cannot pass the limit or share a position.
    await tx.$queryRaw`SELECT id FROM "Appeal" WHERE id = ${appealId} FOR UPDATE`;
    const existing = await tx.appealLogo.findMany({ where: { appealId }, select: { position: true } });
    if (existing.length >= LOGO_LIMITS.perAppeal) {
      throw new AppError("CONFLICT", `A letter has at most ${LOGO_LIMITS.perAppeal} logos: remove one first.`);
    }
    const position = existing.reduce((max, l) => Math.max(max, l.position), -1) + 1;
    const created = await tx.appealLogo.create({
      data: { appealId, position, mimeType: logo.mimeType, data: new Uint8Array(logo.data), width: logo.width, height: logo.height },
      select: { id: true },
    });
    await recordAudit(tx, { appealId, actorId: userId, action: "letter.logo-added", details: { width: logo.width, height: logo.height } });
    return created;
  });
}
