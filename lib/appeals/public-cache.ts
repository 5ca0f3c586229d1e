import "server-only";
import { unstable_cache } from "next/cache";
import { getPublicAppeal } from "@/lib/appeals/get-public-appeal";
import { listPublicAppeals } from "@/lib/appeals/list-public-appeals";
import { jsonify } from "@/lib/jsonify";
import { appealCacheTag, PUBLIC_APPEALS_TAG } from "@/lib/signatures/cache-tags";

// Public pages are served from Next's cache and re-rendered only when something they show
// changes: every write that changes public output expires the appeal's tag. The TTL is a safety
// net for changes no request sees happen (a deadline passing).
export const PUBLIC_TTL_SECONDS = 60;

export const cachedPublicAppeal = (slug: string) =>
  unstable_cache(async () => jsonify(await getPublicAppeal({ slug })), ["public-appeal", slug], {
    tags: [appealCacheTag(slug), PUBLIC_APPEALS_TAG],
    revalidate: PUBLIC_TTL_SECONDS,
  })();

export const cachedPublicAppeals = unstable_cache(async () => jsonify(await listPublicAppeals()), ["public-appeals"], {
  tags: [PUBLIC_APPEALS_TAG],
  revalidate: PUBLIC_TTL_SECONDS,
});
