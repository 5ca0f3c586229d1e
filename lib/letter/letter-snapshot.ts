import { z } from "zod";

/**
 * What one exported PDF printed, stored with its LetterExport so that /verify/<code> shows exactly
 * that, whatever changed later. Only what the public may see: titles and printed lines, no ids.
 */
export const letterSnapshotSchema = z.object({
  format: z.literal(1),
  appealTitle: z.string(),
  slug: z.string(),
  textVersion: z.number().int(),
  textSha256: z.string().regex(/^[0-9a-f]{64}$/),
  exportedAt: z.iso.datetime(),
  layout: z.enum(["signatures", "list"]),
  pageSize: z.enum(["A4", "LETTER"]),
  /** The list heading as printed ("Signatories as of 11 November 2024"). */
  heading: z.string(),
  /** The printed signatory lines in order: the organisations first, then the individuals. */
  signatories: z.array(z.string()),
  /** How many of `signatories`, from the start, are organisations. */
  organisations: z.number().int().min(0),
  logos: z.number().int().min(0),
  /** letterFingerprint() of the letter: an unchanged letter reuses this export. */
  fingerprint: z.string(),
});

export type LetterSnapshot = z.infer<typeof letterSnapshotSchema>;

export function parseLetterSnapshot(value: unknown): LetterSnapshot | null {
  const parsed = letterSnapshotSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
