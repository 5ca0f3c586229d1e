import "server-only";
import { z } from "zod";
import { decodeCursor, type PageCursor } from "@/lib/api/cursor";
import { SLUG_PATTERN } from "@/lib/schemas/appeal";

/** A slug no appeal can have is answered like an unknown one: 404. */
export const slugParamSchema = z.string().max(80).regex(SLUG_PATTERN);

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;

// An empty parameter (`?cursor=`) means the same as an absent one: partners build URLs with templates.
const emptyAsAbsent = (v: unknown) => (v === "" ? undefined : v);

export const signatoriesQuerySchema = z.object({
  cursor: z.preprocess(
    emptyAsAbsent,
    z
      .string()
      .transform((s, ctx): PageCursor => {
        const position = decodeCursor(s);
        if (position) return position;
        ctx.addIssue({ code: "custom", message: "This cursor is not valid: use the nextCursor of a previous page, or leave it out for the first page." });
        return z.NEVER;
      })
      .optional(),
  ),
  // Above the maximum the page is clamped rather than refused, so a partner asking for "all" still gets pages.
  limit: z.preprocess(
    emptyAsAbsent,
    z
      .string()
      .regex(/^\d{1,9}$/, `The limit must be a whole number from 1 to ${MAX_PAGE_SIZE}.`)
      .transform(Number)
      .pipe(z.number().min(1, `The limit must be a whole number from 1 to ${MAX_PAGE_SIZE}.`))
      .transform((n) => Math.min(n, MAX_PAGE_SIZE))
      .default(DEFAULT_PAGE_SIZE),
  ),
});

export type SignatoriesQuery = z.output<typeof signatoriesQuerySchema>;

/** The query string's parameters that the schema knows, first value of each. */
export function signatoriesQueryOf(url: URL): { cursor: string | undefined; limit: string | undefined } {
  return { cursor: url.searchParams.get("cursor") ?? undefined, limit: url.searchParams.get("limit") ?? undefined };
}
