import "server-only";
import { db } from "@/lib/db";
import { getAppealForMember } from "@/lib/appeals/access";
import type { NotifyPreference } from "@/lib/generated/prisma/client";

export interface SetNotifyPreferenceOptions {
  userId: string;
  appealId: string;
  notify: NotifyPreference;
}

/** How this coordinator hears of new signatures on this appeal: each one, a daily digest, or not at all. */
export async function setNotifyPreference({ userId, appealId, notify }: SetNotifyPreferenceOptions) {
  return db().$transaction(async (tx) => {
    await getAppealForMember({ userId, appealId }, tx);
    const member = await tx.appealMember.update({ where: { appealId_userId: { appealId, userId } }, data: { notify }, select: { notify: true } });
    return { notify: member.notify };
  });
}
