import "server-only";
import { revalidateTag } from "next/cache";
import { appealCacheTag, PUBLIC_APPEALS_TAG } from "@/lib/signatures/cache-tags";

/** The part of Next's process-wide cache (`IncrementalCache`) this module uses. */
interface ProcessCache {
  revalidateTag(tags: string[]): Promise<void>;
}

/**
 * Expires the public pages of appeals closed by their deadline: the same tags the manual close
 * expires (lib/actions/expire-public.ts). A deadline closes an appeal from anywhere: a Server
 * Action or route handler (where `revalidateTag` works), a page render or a cached function, or
 * the background loop with no request at all (where Next refuses `revalidateTag`: it may only be
 * called from Server Functions and Route Handlers).
 *
 * Outside those, it expires the tags on Next's process-wide incremental cache, the same object
 * `unstable_cache` itself falls back to outside a request (`globalThis.__incrementalCache`, set
 * by the server on its first request; before that nothing is cached). That is not a documented
 * API: if a Next upgrade drops it, this does nothing and the 60-second lifetime of public pages
 * (PUBLIC_TTL_SECONDS) is again the only bound.
 */
export function expireClosedAppealPages(slugs: string[]): void {
  if (slugs.length === 0) return;
  const tags = [...new Set(slugs)].map(appealCacheTag).concat(PUBLIC_APPEALS_TAG);
  try {
    // Expire now rather than stale-while-revalidate: the next visitor must see "closed".
    for (const tag of tags) revalidateTag(tag, { expire: 0 });
    return;
  } catch {
    // Not in a Server Action or route handler: fall through to the process cache.
  }
  const cache = (globalThis as { __incrementalCache?: Partial<ProcessCache> }).__incrementalCache;
  if (typeof cache?.revalidateTag !== "function") return;
  cache.revalidateTag(tags).catch((err: unknown) => {
    console.warn(`[deadline] could not expire the public pages of closed appeals: ${err instanceof Error ? err.message : String(err)}`);
  });
}
