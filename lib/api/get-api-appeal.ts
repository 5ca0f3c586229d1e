import "server-only";
import { db } from "@/lib/db";
import { closeExpiredAppeals } from "@/lib/appeals/deadline";
import { countsOf, serialiseAppeal, type ApiAppeal } from "@/lib/api/serialise";
import { absoluteUrl } from "@/lib/urls";

/** One open or closed appeal with its letter and counts; null for a draft or an unknown slug. */
export async function getApiAppeal({ slug }: { slug: string }): Promise<ApiAppeal | null> {
  const expired = await db().appeal.findFirst({ where: { slug, status: "OPEN", deadline: { lte: new Date() } }, select: { id: true } });
  if (expired) await closeExpiredAppeals(expired.id);

  const appeal = await db().appeal.findFirst({
    where: { slug, status: { in: ["OPEN", "CLOSED"] } },
    include: { versions: { orderBy: { version: "desc" }, take: 1, select: { version: true, sha256: true } } },
  });
  if (!appeal) return null;
  const groups = await db().signature.groupBy({ by: ["kind"], where: { appealId: appeal.id, status: "PUBLIC" }, _count: { _all: true } });
  return serialiseAppeal(appeal, {
    url: absoluteUrl(`/a/${appeal.slug}`),
    pdfUrl: appeal.publicPdf ? absoluteUrl(`/a/${appeal.slug}/letter.pdf`) : null,
    counts: countsOf(groups.map((g) => ({ kind: g.kind, count: g._count._all }))),
    latestVersion: appeal.versions[0] ?? null,
  });
}
