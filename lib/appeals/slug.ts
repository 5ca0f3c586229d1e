import "server-only";
import slugify from "@sindresorhus/slugify";
import type { Tx } from "@/lib/db";

export function slugFromTitle(title: string): string {
  // "Open letter:" starts most titles and says nothing about this one.
  const base = slugify(title.replace(/^\s*open letter\s*:\s*/i, ""), { separator: "-" }).slice(0, 60).replace(/-+$/, "");
  return base.length >= 3 ? base : `appeal-${base || "letter"}`;
}

/** `base`, or `base-2`, `base-3`… whichever no other appeal uses. */
export async function freeSlug(tx: Tx, base: string, exceptAppealId?: string): Promise<string> {
  const taken = new Set(
    (
      await tx.appeal.findMany({
        where: { slug: { startsWith: base }, ...(exceptAppealId ? { id: { not: exceptAppealId } } : {}) },
        select: { slug: true },
      })
    ).map((a) => a.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
