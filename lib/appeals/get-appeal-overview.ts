import "server-only";
import { db } from "@/lib/db";
import { getAppealForMember } from "@/lib/appeals/access";
import { closeExpiredAppeals } from "@/lib/appeals/deadline";
import type { SignatureStatus } from "@/lib/generated/prisma/client";

export type StatusCounts = Record<SignatureStatus, number>;

export const emptyCounts = (): StatusCounts => ({ PENDING_EMAIL: 0, PENDING_REVIEW: 0, PUBLIC: 0, REJECTED: 0, WITHDRAWN: 0 });

/** Everything the coordinator's appeal page shows; NOT_FOUND for non-members. */
export async function getAppealOverview({ userId, appealId }: { userId: string; appealId: string }) {
  await closeExpiredAppeals(appealId);
  const { appeal, role } = await getAppealForMember({ userId, appealId });
  const [groups, latestVersion] = await Promise.all([
    db().signature.groupBy({ by: ["status"], where: { appealId }, _count: { _all: true } }),
    db().textVersion.findFirst({ where: { appealId }, orderBy: { version: "desc" } }),
  ]);
  const counts = emptyCounts();
  for (const g of groups) counts[g.status] = g._count._all;
  return { appeal, role, counts, latestVersion };
}
