import "server-only";
import { db } from "@/lib/db";
import { pageOf, type PageCursor } from "@/lib/api/cursor";
import { serialiseSignatory, type ApiSignatory } from "@/lib/api/serialise";
import { listLetterSignatories } from "@/lib/signatures/letter-signatories";

export interface SignatoriesPage {
  signatories: ApiSignatory[];
  nextCursor: string | null;
}

/**
 * One page of an open or closed appeal's signatories, in the letter's order with the signers'
 * privacy choices applied (both by listLetterSignatories, the one place that decides them); null
 * for a draft or an unknown slug.
 */
export async function signatoriesPage({ slug, cursor, limit, now = new Date() }: { slug: string; cursor?: PageCursor; limit: number; now?: Date }): Promise<SignatoriesPage | null> {
  const appeal = await db().appeal.findFirst({ where: { slug, status: { in: ["OPEN", "CLOSED"] } }, select: { id: true } });
  if (!appeal) return null;
  // A cursor cannot ask for the list as of a time that has not come yet.
  const asOf = Math.min(cursor?.asOf ?? now.getTime(), now.getTime());
  const offset = cursor?.offset ?? 0;
  const all = await listLetterSignatories({ appealId: appeal.id, now: new Date(asOf) });
  const page = pageOf(all, { offset, limit, asOf });
  return { signatories: page.items.map(serialiseSignatory), nextCursor: page.nextCursor };
}

