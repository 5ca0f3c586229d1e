import "server-only";
import { db } from "@/lib/db";
import { getAppealForMember } from "@/lib/appeals/access";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";

export interface TransferOwnershipOptions {
  userId: string;
  appealId: string;
  toUserId: string;
}

/** The owner hands the appeal to another coordinator and becomes an editor, in one transaction. */
export async function transferOwnership({ userId, appealId, toUserId }: TransferOwnershipOptions) {
  return db().$transaction(async (tx) => {
    await getAppealForMember({ userId, appealId, roles: ["OWNER"] }, tx);
    if (toUserId === userId) throw new AppError("INVALID_STATE", "You already own this appeal.");
    const target = await tx.appealMember.findUnique({
      where: { appealId_userId: { appealId, userId: toUserId } },
      select: { user: { select: { email: true, emailVerified: true } } },
    });
    if (!target) throw new AppError("INVALID_STATE", "This person is no longer a coordinator of this appeal.");
    // An invitee who never signed in may never come: the appeal would be left with an owner
    // nobody can reach, and the only person able to delete it or manage its coordinators gone.
    if (!target.user.emailVerified) {
      throw new AppError(
        "INVALID_STATE",
        `${target.user.email} has not signed in yet. They can become the owner once they have opened their invitation and signed in.`,
      );
    }
    // Demote first, conditionally: the row lock makes a second transfer racing this one find no
    // owner and fail, instead of leaving the appeal with two owners.
    const demoted = await tx.appealMember.updateMany({ where: { appealId, userId, role: "OWNER" }, data: { role: "EDITOR" } });
    if (demoted.count !== 1) throw new AppError("FORBIDDEN", "Only the appeal's owner can do this.");
    const promoted = await tx.appealMember.updateMany({ where: { appealId, userId: toUserId }, data: { role: "OWNER" } });
    if (promoted.count !== 1) throw new AppError("INVALID_STATE", "This person is no longer a coordinator of this appeal.");
    await recordAudit(tx, {
      appealId,
      actorId: userId,
      action: "member.ownership-transferred",
      details: { email: target.user.email, toUserId },
    });
    return { email: target.user.email };
  });
}
