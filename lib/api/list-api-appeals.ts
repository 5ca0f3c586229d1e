import "server-only";
import { db } from "@/lib/db";
import { closeExpiredAppeals } from "@/lib/appeals/deadline";
import { countsOf, serialiseAppealSummary, type ApiAppealSummary } from "@/lib/api/serialise";
import { absoluteUrl } from "@/lib/urls";

/** Every open or closed appeal (never a draft), newest first, with its counts of public signatures. */
export async function listApiAppeals(): Promise<ApiAppealSummary[]> {
  // A passed deadline closes the appeal before anyone reads it as open.
  const expired = await db().appeal.count({ where: { status: "OPEN", deadline: { lte: new Date() } } });
  if (expired > 0) await closeExpiredAppeals();

  const appeals = await db().appeal.findMany({
    where: { status: { in: ["OPEN", "CLOSED"] } },
    orderBy: [{ publishedAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }, { id: "asc" }],
    select: { id: true, slug: true, title: true, status: true },
  });
  const groups = await db().signature.groupBy({
    by: ["appealId", "kind"],
    where: { status: "PUBLIC", appealId: { in: appeals.map((a) => a.id) } },
    _count: { _all: true },
  });
  return appeals.map((appeal) =>
    serialiseAppealSummary(
      appeal,
      absoluteUrl(`/a/${appeal.slug}`),
      countsOf(groups.filter((g) => g.appealId === appeal.id).map((g) => ({ kind: g.kind, count: g._count._all }))),
    ),
  );
}
