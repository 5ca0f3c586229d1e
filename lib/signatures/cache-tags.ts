/** The cache tag of everything public about one appeal: its page, counts, list and API answers. */
export const appealCacheTag = (slug: string) => `appeal:${slug}`;
/** The list of public appeals (home page, API index). */
export const PUBLIC_APPEALS_TAG = "public-appeals";
