import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

export interface RateLimitResult {
  ok: boolean;
  retryAfterSeconds: number;
}

// Counters live in the database so that every app instance shares them. Keys are hashed: the
// table never holds an address, IP or email in the clear.
const keyOf = (kind: string, value: string) =>
  `${kind}:${createHash("sha256").update(`${env.AUTH_SECRET}:${kind}:${value}`).digest("hex").slice(0, 40)}`;

/** Counts one hit against a fixed window and says whether it is within `limit`. */
export async function hitRateLimit(kind: string, value: string, limit: number, windowMinutes = env.RATE_LIMIT_WINDOW_MINUTES): Promise<RateLimitResult> {
  const key = keyOf(kind, value);
  const [row] = await db().$queryRaw<{ count: number; windowStart: Date }[]>`
    INSERT INTO "RateLimit" (key, "windowStart", count) VALUES (${key}, now(), 1)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN "RateLimit"."windowStart" <= now() - make_interval(mins => ${windowMinutes}) THEN 1 ELSE "RateLimit".count + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" <= now() - make_interval(mins => ${windowMinutes}) THEN now() ELSE "RateLimit"."windowStart" END
    RETURNING count, "windowStart"`;
  const ends = row!.windowStart.getTime() + windowMinutes * 60_000;
  return { ok: row!.count <= limit, retryAfterSeconds: Math.max(1, Math.ceil((ends - Date.now()) / 1000)) };
}

/** Drops windows that ended long ago, so the table stays small. */
export async function pruneRateLimits(): Promise<void> {
  await db().$executeRaw`DELETE FROM "RateLimit" WHERE "windowStart" < now() - interval '1 day'`;
}

export interface RateLimitHit {
  kind: string;
  value: string;
  limit: number;
}

/**
 * Counts many hits in one statement (the sign-on batch): hits on the same key are added together,
 * and each hit learns whether it was within its limit in arrival order.
 */
export async function hitRateLimits(
  tx: Pick<ReturnType<typeof db>, "$queryRaw">,
  hits: RateLimitHit[],
  windowMinutes = env.RATE_LIMIT_WINDOW_MINUTES,
): Promise<RateLimitResult[]> {
  if (hits.length === 0) return [];
  const keys = hits.map((h) => keyOf(h.kind, h.value));
  const totals = new Map<string, number>();
  for (const k of keys) totals.set(k, (totals.get(k) ?? 0) + 1);
  // Rows are locked in key order, whatever order the hits came in: two instances upserting the
  // same keys in different orders would otherwise deadlock.
  const uniqueKeys = [...totals.keys()].sort();
  const rows = await tx.$queryRaw<{ key: string; count: number; windowStart: Date }[]>`
    INSERT INTO "RateLimit" (key, "windowStart", count)
    SELECT k, now(), n FROM unnest(${uniqueKeys}::text[], ${uniqueKeys.map((k) => totals.get(k)!)}::int[]) AS t(k, n)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN "RateLimit"."windowStart" <= now() - make_interval(mins => ${windowMinutes}) THEN EXCLUDED.count ELSE "RateLimit".count + EXCLUDED.count END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" <= now() - make_interval(mins => ${windowMinutes}) THEN now() ELSE "RateLimit"."windowStart" END
    RETURNING key, count, "windowStart"`;
  const final = new Map(rows.map((r) => [r.key, r]));
  const seen = new Map<string, number>();
  return hits.map((hit, i) => {
    const key = keys[i]!;
    const row = final.get(key)!;
    const nth = (seen.get(key) ?? 0) + 1;
    seen.set(key, nth);
    const count = row.count - totals.get(key)! + nth;
    const ends = row.windowStart.getTime() + windowMinutes * 60_000;
    return { ok: count <= hit.limit, retryAfterSeconds: Math.max(1, Math.ceil((ends - Date.now()) / 1000)) };
  });
}
