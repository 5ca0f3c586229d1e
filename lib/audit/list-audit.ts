import "server-only";
import { db } from "@/lib/db";
import { getAppealForMember } from "@/lib/appeals/access";
import type { Prisma } from "@/lib/generated/prisma/client";

export interface ListAuditEventsOptions {
  userId: string;
  appealId: string;
  /** The id of the last event of the previous page (`nextCursor`). */
  cursor?: string;
}

export const AUDIT_PAGE_SIZE = 50;

export interface AuditEventRow {
  id: string;
  action: string;
  details: Prisma.JsonValue;
  createdAt: Date;
  actor: { email: string; name: string | null } | null;
  /** The actor's name, else their email; "automatic" for what the app did by itself (actorId null). */
  actorLabel: string;
}

/** An appeal's audit log, newest first, a page at a time. Any member may read it; others get NOT_FOUND. */
export async function listAuditEvents({ userId, appealId, cursor }: ListAuditEventsOptions) {
  const { appeal } = await getAppealForMember({ userId, appealId });
  // Keyset pagination on (createdAt, id). The cursor is looked up inside this appeal only, so an
  // event id from elsewhere tells nothing; an unknown cursor starts again from the newest.
  const after = cursor
    ? await db().auditEvent.findFirst({ where: { id: cursor, appealId }, select: { id: true, createdAt: true } })
    : null;
  const rows = await db().auditEvent.findMany({
    where: {
      appealId,
      ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: AUDIT_PAGE_SIZE + 1,
    select: { id: true, action: true, details: true, createdAt: true, actorId: true, actor: { select: { email: true, name: true } } },
  });
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  const events: AuditEventRow[] = page.map(({ actorId, actor, ...e }) => ({
    ...e,
    actor,
    actorLabel: actorId === null || !actor ? "automatic" : actor.name?.trim() || actor.email,
  }));
  return {
    appeal: { id: appeal.id, title: appeal.title },
    events,
    nextCursor: rows.length > AUDIT_PAGE_SIZE ? page[page.length - 1]!.id : null,
  };
}
