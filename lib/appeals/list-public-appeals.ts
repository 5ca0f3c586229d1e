import "server-only";
import { db } from "@/lib/db";

/** Appeals anyone may read: open or closed, never drafts. */
export async function listPublicAppeals() {
  return db().appeal.findMany({
    where: { status: { in: ["OPEN", "CLOSED"] } },
    orderBy: [{ status: "desc" }, { publishedAt: "desc" }],
    select: { slug: true, title: true, summary: true, status: true },
  });
}
