import "server-only";
import { db } from "@/lib/db";
import { getAppealForMember } from "@/lib/appeals/access";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";

export interface RemoveMemberOptions {
  userId: string;
  appealId: string;
  memberUserId: string;
}

/**
 * The owner removes an editor, or any editor leaves (memberUserId === userId). The owner is never
 * removed: they hand over ownership first, so an appeal always has exactly one owner.
 */
export async function removeMember({ userId, appealId, memberUserId }: RemoveMemberOptions) {
  return db().$transaction(async (tx) => {
    const leaving = memberUserId === userId;
    const { role } = await getAppealForMember({ userId, appealId, roles: leaving ? undefined : ["OWNER"] }, tx);
    if (leaving && role === "OWNER") {
      throw new AppError("INVALID_STATE", "You own this appeal: make another coordinator the owner before you leave.");
    }
    const target = await tx.appealMember.findUnique({
      where: { appealId_userId: { appealId, userId: memberUserId } },
      select: { role: true, user: { select: { email: true } } },
    });
    if (!target) throw new AppError("INVALID_STATE", "This person is no longer a coordinator of this appeal.");
    if (target.role === "OWNER") throw new AppError("INVALID_STATE", "The owner cannot be removed.");
    // Conditional on the role, so a transfer of ownership committed meanwhile cannot be undone.
    const { count } = await tx.appealMember.deleteMany({ where: { appealId, userId: memberUserId, role: "EDITOR" } });
    if (count !== 1) throw new AppError("INVALID_STATE", "This person is no longer an editor of this appeal.");
    await recordAudit(tx, {
      appealId,
      actorId: userId,
      action: "member.removed",
      details: { email: target.user.email, role: target.role, left: leaving },
    });
    return { email: target.user.email, left: leaving };
  });
}
