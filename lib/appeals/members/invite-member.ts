import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { getAppealForMember } from "@/lib/appeals/access";
import { recordAudit } from "@/lib/audit/record-audit";
import { queueEmail } from "@/lib/email/outbox";
import { invitationEmail } from "@/lib/email/templates/invitation";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

export interface InviteMemberOptions {
  userId: string;
  appealId: string;
  email: string;
}

export const INVITATION_LINK_DAYS = 7;

// The invitation link is an ordinary next-auth email sign-in link with a longer life: next-auth 4
// stores sha256(token + secret) (its hashToken) and checks only that row's expiry, so opening the
// link signs the invitee in and lands them on the appeal.
const hashSignInToken = (token: string) => createHash("sha256").update(`${token}${env.AUTH_SECRET}`).digest("hex");

const alreadyMember = () => new AppError("CONFLICT", "This person is already a coordinator of this appeal.");

/** The owner invites a co-coordinator as editor: member, sign-in link and email in one transaction. */
export async function inviteMember({ userId, appealId, email: rawEmail }: InviteMemberOptions) {
  const email = rawEmail.trim().toLowerCase();
  const token = randomBytes(32).toString("hex");
  try {
    return await db().$transaction(async (tx) => {
      const { appeal } = await getAppealForMember({ userId, appealId, roles: ["OWNER"] }, tx);
      const inviter = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true } });
      // As next-auth's adapter would at first sign-in; it fills emailVerified when the link is used.
      const invitee = await tx.user.upsert({ where: { email }, create: { email }, update: {} });
      const existing = await tx.appealMember.findUnique({ where: { appealId_userId: { appealId, userId: invitee.id } } });
      if (existing) throw alreadyMember();
      const member = await tx.appealMember.create({ data: { appealId, userId: invitee.id, role: "EDITOR" } });
      const expires = new Date(Date.now() + INVITATION_LINK_DAYS * 24 * 60 * 60 * 1000);
      await tx.verificationToken.create({ data: { identifier: email, token: hashSignInToken(token), expires } });
      const appealUrl = `${env.APP_URL}/dashboard/appeals/${appealId}`;
      const url = `${env.APP_URL}/api/auth/callback/email?callbackUrl=${encodeURIComponent(appealUrl)}&token=${token}&email=${encodeURIComponent(email)}`;
      await queueEmail(
        invitationEmail({ to: email, url, inviter: inviter.name?.trim() || inviter.email, appealTitle: appeal.title, days: INVITATION_LINK_DAYS }),
        tx,
      );
      await recordAudit(tx, { appealId, actorId: userId, action: "member.invited", details: { email, role: member.role } });
      return { userId: invitee.id, email, role: member.role };
    });
  } catch (err) {
    // Two invitations of the same address racing each other: the second one meets the primary key.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") throw alreadyMember();
    throw err;
  }
}
