import "server-only";
import { db } from "@/lib/db";

/** The appeals this coordinator is a member of, newest first. Archived ones are left out. */
export async function listMyAppeals({ userId }: { userId: string }) {
  return db().appeal.findMany({
    where: { archivedAt: null, members: { some: { userId } } },
    orderBy: { updatedAt: "desc" },
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      deadline: true,
      updatedAt: true,
      members: { where: { userId }, select: { role: true } },
    },
  });
}
