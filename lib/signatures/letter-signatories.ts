import "server-only";
import { db } from "@/lib/db";
import { orderedPublicSignatures } from "@/lib/signatures/review/ordered-public-signatures";

/** One signatory as anyone may see it: what the signer asked to hide is null, not just unshown. */
export interface LetterSignatory {
  kind: "organisation" | "individual";
  name: string | null;
  /** Null with the name: a role without a name can identify someone who asked not to be named. */
  role: string | null;
  organisation: string | null;
  /** ISO 3166-1 alpha-2 code. */
  country: string | null;
}

const orNull = (s: string | null) => (s && s.trim() ? s.trim() : null);

/**
 * The signatories of the letter, in the appeal's chosen order: the public page, the PDF, the
 * public CSV and the API all read them here, the one place that applies signers' privacy choices
 * to public output. No membership check, and no check of the appeal's status either: callers
 * decide whether the appeal may be shown (drafts only to its coordinators). Signatures confirmed
 * after `now` are left out, so a document dated `now` lists exactly who had signed by then.
 */
export async function listLetterSignatories({ appealId, now = new Date() }: { appealId: string; now?: Date }): Promise<LetterSignatory[]> {
  const appeal = await db().appeal.findUnique({ where: { id: appealId }, select: { id: true, language: true, signatoryOrder: true } });
  if (!appeal) return [];
  const rows = await orderedPublicSignatures({ appealId: appeal.id, language: appeal.language, order: appeal.signatoryOrder, now });
  return rows.map((s) => {
    const name = s.showName ? orNull(s.name) : null;
    return {
      kind: s.kind === "ORGANISATION" ? "organisation" : "individual",
      name,
      role: name ? orNull(s.role) : null,
      organisation: orNull(s.organisation),
      country: s.showCountry ? orNull(s.country) : null,
    };
  });
}
