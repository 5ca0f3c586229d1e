import "server-only";
import { db } from "@/lib/db";
import type { SignatoryOrder } from "@/lib/generated/prisma/client";
import { orderedPublicSignatures } from "@/lib/signatures/review/ordered-public-signatures";
import { buildLetterInput, lineOf, printedLines, shownParts } from "./build-letter-input";
import { type LetterSnapshot, parseLetterSnapshot, WITHDRAWN_LINE } from "./letter-snapshot";
import { normaliseVerificationCode } from "./verification-code";

/** The snapshot as the public may see it: the lines as they may be shown today, no signature ids. */
export type PublicLetterSnapshot = Omit<LetterSnapshot, "signers">;

export interface LetterVerificationResult {
  code: string;
  snapshot: PublicLetterSnapshot;
  /** The appeal's public page, when it still has one. */
  appealSlug: string | null;
  /**
   * How many of the printed lines are shown otherwise than printed: "[withdrawn]" for a signer who
   * withdrew or was removed, or the line without what its signer has hidden since.
   */
  takenBack: number;
  /** What changed since the export, compared with the letter as it would print now. */
  changedSince: { text: boolean; signatories: boolean; currentVersion: number | null };
}

/**
 * What the PDF with this verification code printed, from its snapshot, and whether the appeal has
 * changed since. Null for an unknown or malformed code. Anyone may ask: exports exist only for
 * published letters, and the snapshot holds only printed lines. A signer may take back what the
 * PDF printed of them, and the page must not keep showing it: the line of a signer whose signature
 * is no longer public reads "[withdrawn]", and a signer who has since hidden their name or country
 * is shown without it. The number of lines, and so the count the PDF can be checked against, stays.
 */
export async function getLetterVerification({ code: input }: { code: string }): Promise<LetterVerificationResult | null> {
  const code = normaliseVerificationCode(input);
  if (!code) return null;
  const row = await db().letterExport.findUnique({
    where: { code },
    select: { snapshot: true, appeal: { select: { id: true, slug: true, status: true, language: true, signatoryOrder: true } } },
  });
  const snapshot = row ? parseLetterSnapshot(row.snapshot) : null;
  if (!row || !snapshot || row.appeal.status === "DRAFT") return null;

  const current = await buildLetterInput({ appealId: row.appeal.id, withImages: false });
  const latest = await db().textVersion.findFirst({ where: { appealId: row.appeal.id }, orderBy: { version: "desc" }, select: { version: true } });
  const lines = current ? printedLines(current) : [];
  const shown = await linesAsShownToday(snapshot, row.appeal);
  const publicSnapshot: PublicLetterSnapshot = {
    format: snapshot.format,
    appealTitle: snapshot.appealTitle,
    slug: snapshot.slug,
    textVersion: snapshot.textVersion,
    textSha256: snapshot.textSha256,
    exportedAt: snapshot.exportedAt,
    layout: snapshot.layout,
    pageSize: snapshot.pageSize,
    heading: snapshot.heading,
    signatories: shown,
    organisations: snapshot.organisations,
    logos: snapshot.logos,
    fingerprint: snapshot.fingerprint,
  };
  return {
    code,
    snapshot: publicSnapshot,
    appealSlug: row.appeal.slug,
    // A line erased at withdrawal (forget-withdrawn-signer.ts) is stored as "[withdrawn]" already.
    takenBack: shown.filter((line, i) => line === WITHDRAWN_LINE || line !== snapshot.signatories[i]).length,
    changedSince: {
      text: !current || current.textSha256 !== snapshot.textSha256,
      signatories:
        !current ||
        current.layout !== snapshot.layout ||
        current.signers.filter((s) => s.kind === "organisation").length !== snapshot.organisations ||
        lines.length !== snapshot.signatories.length ||
        lines.some((line, i) => line !== snapshot.signatories[i]),
      currentVersion: latest?.version ?? null,
    },
  };
}

type AppealOfExport = { id: string; language: string; signatoryOrder: SignatoryOrder };

/** The snapshot's lines, each as its signer lets it be shown today (see getLetterVerification). */
async function linesAsShownToday(snapshot: LetterSnapshot, appeal: AppealOfExport): Promise<string[]> {
  if (!snapshot.signers) return legacyLinesAsShownToday(snapshot, appeal);
  const printed = snapshot.signers;
  const rows = await db().signature.findMany({
    where: { appealId: appeal.id, id: { in: [...new Set(printed.map((s) => s.id))] } },
    select: { id: true, status: true, kind: true, name: true, role: true, organisation: true, country: true, showName: true, showCountry: true },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return snapshot.signatories.map((line, i) => {
    const was = printed[i]!;
    const signature = byId.get(was.id);
    if (!signature || signature.status !== "PUBLIC") return WITHDRAWN_LINE;
    const hiddenSince = (was.showName && !signature.showName) || (was.showCountry && !signature.showCountry);
    if (!hiddenSince) return line;
    // Never more than the PDF showed: what was hidden then stays hidden.
    const parts = shownParts(signature, { showName: was.showName, showCountry: was.showCountry });
    return (parts && lineOf(parts, snapshot.layout, appeal.language)) ?? WITHDRAWN_LINE;
  });
}

/**
 * The first exports stored lines without their signatures. A line is still shown when a public
 * signer prints it today (each such signer vouching for one line); any other line, its signer
 * having withdrawn, been removed, hidden something or been edited since, reads "[withdrawn]".
 */
async function legacyLinesAsShownToday(snapshot: LetterSnapshot, appeal: AppealOfExport): Promise<string[]> {
  const rows = await orderedPublicSignatures({ appealId: appeal.id, language: appeal.language, order: appeal.signatoryOrder });
  const available = new Map<string, number>();
  for (const row of rows) {
    const parts = shownParts(row);
    const line = parts && lineOf(parts, snapshot.layout, appeal.language);
    if (line) available.set(line, (available.get(line) ?? 0) + 1);
  }
  return snapshot.signatories.map((line) => {
    const left = available.get(line) ?? 0;
    if (left === 0) return WITHDRAWN_LINE;
    available.set(line, left - 1);
    return line;
  });
}
