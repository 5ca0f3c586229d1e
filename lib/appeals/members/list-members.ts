import "server-only";
import { db } from "@/lib/db";
import { getAppealForMember } from "@/lib/appeals/access";
import type { MemberRole } from "@/lib/generated/prisma/client";

export interface ListMembersOptions {
  userId: string;
  appealId: string;
}

export interface AppealMemberRow {
  userId: string;
  email: string;
  name: string | null;
  role: MemberRole;
  joinedAt: Date;
  /** False while an invitee has not opened their invitation (or any sign-in link) yet. */
  signedIn: boolean;
}

/** The appeal's coordinators, owner first, then by when they joined. Any member may list them; others get NOT_FOUND. */
export async function listMembers({ userId, appealId }: ListMembersOptions) {
  const { appeal, role } = await getAppealForMember({ userId, appealId });
  const rows = await db().appealMember.findMany({
    where: { appealId },
    orderBy: [{ role: "asc" }, { createdAt: "asc" }, { userId: "asc" }],
    select: { userId: true, role: true, createdAt: true, user: { select: { email: true, name: true, emailVerified: true } } },
  });
  const members: AppealMemberRow[] = rows.map((m) => ({
    userId: m.userId,
    email: m.user.email,
    name: m.user.name,
    role: m.role,
    joinedAt: m.createdAt,
    signedIn: m.user.emailVerified !== null,
  }));
  return { appeal: { id: appeal.id, title: appeal.title }, viewerRole: role, members };
}
