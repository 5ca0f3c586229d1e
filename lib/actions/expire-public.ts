import "server-only";
import { updateTag } from "next/cache";
import { appealCacheTag, PUBLIC_APPEALS_TAG } from "@/lib/signatures/cache-tags";

/** From a Server Action: the appeal's public pages show the change on the very next request. */
export function expirePublicAppeal(...slugs: (string | null | undefined)[]): void {
  for (const slug of new Set(slugs)) if (slug) updateTag(appealCacheTag(slug));
  updateTag(PUBLIC_APPEALS_TAG);
}
