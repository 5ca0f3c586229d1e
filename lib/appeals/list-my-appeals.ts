import "server-only";
import { db } from "@/lib/db";
import { closeExpiredAppeals } from "@/lib/appeals/deadline";
import { emptyCounts, type StatusCounts } from "@/lib/appeals/get-appeal-overview";

/** The appeals this coordinator is a member of, most recently active first, with signature counts by status. */
export async function listMyAppeals({ userId, archived = false }: { userId: string; archived?: boolean }) {
  await closeExpiredAppeals();
  const appeals = await db().appeal.findMany({
    where: { archivedAt: archived ? { not: null } : null, members: { some: { userId } } },
    select: { id: true, slug: true, title: true, status: true, deadline: true, deadlineTimeZone: true, updatedAt: true },
  });
  const ids = appeals.map((a) => a.id);
  const [groups, latest] = await Promise.all([
    db().signature.groupBy({ by: ["appealId", "status"], where: { appealId: { in: ids } }, _count: { _all: true } }),
    db().signature.groupBy({ by: ["appealId"], where: { appealId: { in: ids } }, _max: { updatedAt: true } }),
  ]);
  const counts = new Map<string, StatusCounts>();
  for (const g of groups) {
    const c = counts.get(g.appealId) ?? emptyCounts();
    c[g.status] = g._count._all;
    counts.set(g.appealId, c);
  }
  const lastSignature = new Map(latest.map((l) => [l.appealId, l._max.updatedAt]));
  return appeals
    .map((a) => {
      const signed = lastSignature.get(a.id);
      return {
        ...a,
        counts: counts.get(a.id) ?? emptyCounts(),
        lastActivity: signed && signed > a.updatedAt ? signed : a.updatedAt,
      };
    })
    .sort((x, y) => y.lastActivity.getTime() - x.lastActivity.getTime());
}
