import "server-only";
import { z } from "zod";

// A cursor says where the next page starts in the letter's order, and as of when: the walk sees
// the signatories list as it was at the first page (signatures confirmed later are left out), so
// a signer confirming in the middle of an alphabetical list cannot push a name onto two pages.
// Partners must treat it as opaque: base64url of {"o": offset, "t": snapshot time in ms}.

export interface PageCursor {
  offset: number;
  /** The time the walk started, in milliseconds since the epoch. */
  asOf: number;
}

const payloadSchema = z.object({
  o: z.number().int().min(1).max(10_000_000),
  t: z.number().int().min(0).max(8.64e15),
});

export const MAX_CURSOR_LENGTH = 200;

export function encodeCursor({ offset, asOf }: PageCursor): string {
  return Buffer.from(JSON.stringify({ o: offset, t: asOf }), "utf8").toString("base64url");
}

/** The position a cursor names, or null for anything this API did not hand out. */
export function decodeCursor(cursor: string): PageCursor | null {
  if (cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const parsed = payloadSchema.safeParse(payload);
  return parsed.success ? { offset: parsed.data.o, asOf: parsed.data.t } : null;
}

/** A slice of the whole list, and the cursor of the slice after it (null on the last page). */
export function pageOf<T>(all: readonly T[], { offset, limit, asOf }: { offset: number; limit: number; asOf: number }): { items: T[]; nextCursor: string | null } {
  const end = offset + limit;
  return { items: all.slice(offset, end), nextCursor: end < all.length ? encodeCursor({ offset: end, asOf }) : null };
}
