import "server-only";
import { db, type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { MemberRole, Prisma } from "@/lib/generated/prisma/client";

// Authorisation lives in the query: an appeal someone may not act on is simply not found, so a
// non-member learns nothing, not even that it exists.

export function memberAppealWhere(userId: string, appealId: string, roles?: MemberRole[]): Prisma.AppealWhereInput {
  return {
    id: appealId,
    members: { some: { userId, ...(roles ? { role: { in: roles } } : {}) } },
  };
}

/**
 * The appeal with the caller's role. NOT_FOUND when the caller is not a member; FORBIDDEN when a
 * member lacks one of `roles` (an editor may know the appeal exists, but not delete it).
 */
export async function getAppealForMember(
  { userId, appealId, roles }: { userId: string; appealId: string; roles?: MemberRole[] },
  tx: Tx = db(),
) {
  const appeal = await tx.appeal.findFirst({
    where: memberAppealWhere(userId, appealId),
    include: { members: { where: { userId }, select: { role: true } } },
  });
  if (!appeal) throw notFound("This appeal");
  const { members, ...rest } = appeal;
  const role = members[0]!.role;
  if (roles && !roles.includes(role)) throw new AppError("FORBIDDEN", "Only the appeal's owner can do this.");
  return { appeal: rest, role };
}
