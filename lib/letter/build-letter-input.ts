import "server-only";
import { createHash } from "node:crypto";
import { formatLetterDate } from "@/lib/appeals/format-date";
import { letterContentOf } from "@/lib/appeals/letter-content";
import { letterTextOf, letterTextSha256 } from "@/lib/appeals/letter-text";
import { countryName } from "@/lib/countries";
import { db } from "@/lib/db";
import type { AppealStatus } from "@/lib/generated/prisma/client";
import { orderedPublicSignatures } from "@/lib/signatures/review/ordered-public-signatures";
import { letterLabels } from "./letter-labels";
import { composeSignatoryLine, defaultLayout } from "./signatory-line";
import type { LetterLogo, LetterPdfInput, LetterVerification, Signer, SignatoryLayout } from "./types";

/** The letter of one appeal, ready to print except for what depends on the export (date, code). */
export interface BuiltLetter {
  appeal: { id: string; slug: string; title: string; status: AppealStatus; language: string; closedAt: Date | null };
  /** SHA-256 of the printed text as it stands (letter-text.ts), the hash the PDF prints. */
  textSha256: string;
  /** The stored text version with that hash; null when none matches yet (never for a published appeal). */
  version: { id: string; version: number } | null;
  layout: SignatoryLayout;
  organisations: Signer[];
  individuals: Signer[];
  logos: LetterLogo[];
  /** Everything of the input but the date-dependent heading, metadata date and verification. */
  input: Omit<LetterPdfInput, "verification" | "signatories" | "metadata"> & { metadata: Omit<LetterPdfInput["metadata"], "creationDate"> };
}

const orNull = (s: string | null) => (s && s.trim() ? s.trim() : null);

/**
 * Reads an appeal's letter for the PDF: its text, its PUBLIC signatories in the letter's order with
 * their privacy choices applied (as listLetterSignatories does: a hidden name is null, and so is its
 * role; a hidden country is null; emails are never read), the drawn signatures for the signature
 * layout, and the letterhead logos. No access check: callers decide who may see the letter.
 * Signatures confirmed after `now` are left out, so a letter dated `now` lists who had signed by then.
 */
export async function buildLetterInput({
  appealId,
  now = new Date(),
  withImages = true,
}: {
  appealId: string;
  now?: Date;
  /** False when only the printed lines matter (the verification page compares them). */
  withImages?: boolean;
}): Promise<BuiltLetter | null> {
  const appeal = await db().appeal.findUnique({
    where: { id: appealId },
    include: {
      logos: { orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { data: true, mimeType: true } },
      versions: { orderBy: { version: "desc" }, take: 1, select: { id: true, version: true, sha256: true } },
    },
  });
  if (!appeal) return null;
  const rows = await orderedPublicSignatures({ appealId, language: appeal.language, order: appeal.signatoryOrder, now });

  const signatories = rows
    .map((s) => {
      const name = s.showName ? orNull(s.name) : null;
      return {
        id: s.id,
        kind: s.kind === "ORGANISATION" ? ("organisation" as const) : ("individual" as const),
        name,
        role: name ? orNull(s.role) : null,
        organisation: orNull(s.organisation),
        country: s.showCountry ? orNull(s.country) : null,
      };
    })
    // Someone with neither a name to show nor an organisation has nothing to print.
    .filter((s) => s.name !== null || s.organisation !== null);

  const layout: SignatoryLayout =
    appeal.signatoryLayout === "SIGNATURES" ? "signatures" : appeal.signatoryLayout === "LIST" ? "list" : defaultLayout(signatories.length);

  // A drawn (or typed) signature can name its signer: it prints only beside a name that is shown.
  const images = new Map<string, { png: Buffer; ink: "black" | "blue" }>();
  const withSignature = signatories.filter((s) => s.name !== null).map((s) => s.id);
  if (layout === "signatures" && withImages && withSignature.length > 0) {
    const found = await db().signature.findMany({
      where: { id: { in: withSignature }, signatureImage: { not: null } },
      select: { id: true, signatureImage: true, inkColor: true },
    });
    for (const f of found) {
      if (f.signatureImage) images.set(f.id, { png: Buffer.from(f.signatureImage), ink: f.inkColor === "BLUE" ? "blue" : "black" });
    }
  }

  const organisations: Signer[] = [];
  const individuals: Signer[] = [];
  for (const s of signatories) {
    const line = composeSignatoryLine(
      {
        kind: s.kind,
        name: s.name ?? "",
        role: s.role ?? "",
        organisation: s.organisation ?? "",
        countryName: s.country ? countryName(s.country, appeal.language) : null,
        showName: s.name !== null,
        showCountry: s.country !== null,
      },
      layout,
    );
    if (!line) continue;
    const image = images.get(s.id);
    const signer: Signer = image ? { line, signaturePng: image.png, ink: image.ink } : { line };
    (s.kind === "organisation" ? organisations : individuals).push(signer);
  }

  const textSha256 = letterTextSha256(letterTextOf(appeal));
  const latest = appeal.versions[0];
  const content = letterContentOf(appeal);
  return {
    appeal: { id: appeal.id, slug: appeal.slug, title: appeal.title, status: appeal.status, language: appeal.language, closedAt: appeal.closedAt },
    textSha256,
    version: latest && latest.sha256 === textSha256 ? { id: latest.id, version: latest.version } : null,
    layout,
    organisations,
    individuals,
    logos: appeal.logos.map((l) => ({ data: Buffer.from(l.data), mimeType: l.mimeType === "image/jpeg" ? "image/jpeg" : "image/png" })),
    input: {
      content,
      pageSize: appeal.pageSize,
      draft: appeal.status === "DRAFT",
      logos: [],
      metadata: {
        title: appeal.title,
        subject: appeal.summary.trim() || appeal.title,
        author: letterAuthor(signatories.filter((s) => s.kind === "organisation").map((s) => s.organisation ?? "")),
        language: appeal.language,
      },
    },
  };
}

/**
 * The PDF's author: the organisations at the head of the letter (the coalition's leads, in the
 * coordinator's order), at most three, else the app's name. Accounts carry no organisation, so
 * the signing organisations are the best record of who wrote the letter.
 */
function letterAuthor(organisations: string[]): string {
  const names = [...new Set(organisations.filter(Boolean))].slice(0, 3);
  return names.length > 0 ? names.join("; ") : "Undersigned";
}

/** The date the list heading names: the appeal's closing for a closed appeal, else the export's. */
export function signatoriesAsOf(letter: BuiltLetter, exportedAt: Date): Date {
  return letter.appeal.status === "CLOSED" && letter.appeal.closedAt ? letter.appeal.closedAt : exportedAt;
}

/** The complete PDF input for an export made at `exportedAt`, with its verification block (or none). */
export function letterInputAt(letter: BuiltLetter, exportedAt: Date, verification: LetterVerification | null): LetterPdfInput {
  const labels = letterLabels(letter.appeal.language);
  return {
    ...letter.input,
    logos: letter.logos,
    signatories: {
      layout: letter.layout,
      heading: labels.signatoriesAsOf(formatLetterDate(signatoriesAsOf(letter, exportedAt), letter.appeal.language)),
      organisations: letter.organisations,
      individuals: letter.individuals,
      groupHeadings: { organisations: labels.organisations, individuals: labels.individuals },
    },
    verification: verification ? { ...verification, label: verification.label ?? labels.verify } : null,
    metadata: { ...letter.input.metadata, creationDate: exportedAt },
  };
}

/** The signatory lines in the order the PDF prints them: organisations, then individuals. */
export function printedLines(letter: BuiltLetter): string[] {
  return [...letter.organisations, ...letter.individuals].map((s) => s.line);
}

const sha256 = (data: Buffer | string) => createHash("sha256").update(data).digest("hex");

/**
 * What makes two exports the same PDF: the text, the printed lines and their grouping, the drawn
 * signatures, the logos, the layout and page size, the closing date the heading names, and the
 * address the verification block points at. Not the export date: an unchanged letter keeps its
 * first export (and its code) until something printed changes.
 */
export function letterFingerprint(letter: BuiltLetter, appUrl: string): string {
  return sha256(
    JSON.stringify({
      format: 1,
      text: letter.textSha256,
      layout: letter.layout,
      pageSize: letter.input.pageSize,
      closedAt: letter.appeal.status === "CLOSED" ? (letter.appeal.closedAt?.toISOString() ?? null) : null,
      organisations: letter.organisations.map((s) => [s.line, s.signaturePng ? sha256(s.signaturePng) : null, s.ink ?? null]),
      individuals: letter.individuals.map((s) => [s.line, s.signaturePng ? sha256(s.signaturePng) : null, s.ink ?? null]),
      logos: letter.logos.map((l) => [l.mimeType, sha256(l.data)]),
      metadata: letter.input.metadata,
      appUrl,
    }),
  );
}
