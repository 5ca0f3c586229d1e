import "server-only";
import { db } from "@/lib/db";
import { buildLetterInput, printedLines } from "./build-letter-input";
import { type LetterSnapshot, parseLetterSnapshot } from "./letter-snapshot";
import { normaliseVerificationCode } from "./verification-code";

export interface LetterVerificationResult {
  code: string;
  snapshot: LetterSnapshot;
  /** The appeal's public page, when it still has one. */
  appealSlug: string | null;
  /** What changed since the export, compared with the letter as it would print now. */
  changedSince: { text: boolean; signatories: boolean; currentVersion: number | null };
}

/**
 * What the PDF with this verification code printed, from its snapshot (never from live data), and
 * whether the appeal has changed since. Null for an unknown or malformed code. Anyone may ask:
 * exports exist only for published letters, and the snapshot holds only printed, public lines.
 */
export async function getLetterVerification({ code: input }: { code: string }): Promise<LetterVerificationResult | null> {
  const code = normaliseVerificationCode(input);
  if (!code) return null;
  const row = await db().letterExport.findUnique({
    where: { code },
    select: { snapshot: true, appeal: { select: { id: true, slug: true, status: true } } },
  });
  const snapshot = row ? parseLetterSnapshot(row.snapshot) : null;
  if (!row || !snapshot || row.appeal.status === "DRAFT") return null;

  const current = await buildLetterInput({ appealId: row.appeal.id, withImages: false });
  const latest = await db().textVersion.findFirst({ where: { appealId: row.appeal.id }, orderBy: { version: "desc" }, select: { version: true } });
  const lines = current ? printedLines(current) : [];
  return {
    code,
    snapshot,
    appealSlug: row.appeal.slug,
    changedSince: {
      text: !current || current.textSha256 !== snapshot.textSha256,
      signatories:
        !current ||
        current.layout !== snapshot.layout ||
        current.organisations.length !== snapshot.organisations ||
        lines.length !== snapshot.signatories.length ||
        lines.some((line, i) => line !== snapshot.signatories[i]),
      currentVersion: latest?.version ?? null,
    },
  };
}
