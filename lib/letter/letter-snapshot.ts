import { z } from "zod";

const printedSigner = z.object({
  /** The Signature row the line was printed for. */
  id: z.string().min(1),
  /** Whether the line showed the signer's name and country. */
  showName: z.boolean(),
  showCountry: z.boolean(),
});

/**
 * What one exported PDF printed, stored with its LetterExport so that /verify/<code> shows that,
 * whatever changed later, except what signers have taken back since (get-letter-verification.ts).
 * Format 2 ties each printed line to its signature; format 1 (the first exports) has lines only.
 * The signature ids and display flags are never shown to the public.
 */
export const letterSnapshotSchema = z
  .object({
    format: z.union([z.literal(1), z.literal(2)]),
    appealTitle: z.string(),
    slug: z.string(),
    textVersion: z.number().int(),
    textSha256: z.string().regex(/^[0-9a-f]{64}$/),
    exportedAt: z.iso.datetime(),
    layout: z.enum(["signatures", "list"]),
    pageSize: z.enum(["A4", "LETTER"]),
    /** The list heading as printed ("Signatories as of 11 November 2024"). */
    heading: z.string(),
    /**
     * The printed signatory lines in the order the PDF prints them: the coordinator's order in the
     * signature layout; in the list layout the organisations first, then the individuals.
     */
    signatories: z.array(z.string()),
    /** How many signers are organisations: in the list layout, the first that many lines. */
    organisations: z.number().int().min(0),
    /** Format 2: for each of `signatories`, the signature it printed. */
    signers: z.array(printedSigner).optional(),
    logos: z.number().int().min(0),
    /** letterFingerprint() of the letter: an unchanged letter reuses this export. */
    fingerprint: z.string(),
  })
  .refine((s) => (s.format === 1 ? s.signers === undefined : s.signers?.length === s.signatories.length), {
    message: "A format 2 snapshot names the signature of every line",
  });

export type LetterSnapshot = z.infer<typeof letterSnapshotSchema>;

export function parseLetterSnapshot(value: unknown): LetterSnapshot | null {
  const parsed = letterSnapshotSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** What the line of a signer who withdrew (or who can no longer be shown at all) becomes. */
export const WITHDRAWN_LINE = "[withdrawn]";
