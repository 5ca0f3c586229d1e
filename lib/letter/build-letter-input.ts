import "server-only";
import { createHash } from "node:crypto";
import { formatLetterDate } from "@/lib/appeals/format-date";
import { letterContentOf } from "@/lib/appeals/letter-content";
import { organiserNames } from "@/lib/appeals/organisers";
import { letterTextOf, letterTextSha256 } from "@/lib/appeals/letter-text";
import { countryName } from "@/lib/countries";
import { db } from "@/lib/db";
import type { AppealStatus } from "@/lib/generated/prisma/client";
import { type OrderedSignature, orderedPublicSignatures } from "@/lib/signatures/review/ordered-public-signatures";
import { letterLabels } from "./letter-labels";
import { composeSignatoryLine, defaultLayout } from "./signatory-line";
import type { LetterLogo, LetterPdfInput, LetterSignatories, LetterVerification, Signer, SignatoryLayout } from "./types";

/** One printed signer, with what ties the line to its signature (kept in the export's snapshot). */
export interface LetterSigner extends Signer {
  signatureId: string;
  kind: "organisation" | "individual";
  /** Whether the line shows the signer's name and country: their choices, and what there was to show. */
  showName: boolean;
  showCountry: boolean;
}

/** The letter of one appeal, ready to print except for what depends on the export (date, code). */
export interface BuiltLetter {
  appeal: { id: string; slug: string; title: string; status: AppealStatus; language: string; closedAt: Date | null };
  /** SHA-256 of the printed text as it stands (letter-text.ts), the hash the PDF prints. */
  textSha256: string;
  /** The stored text version with that hash; null when none matches yet (never for a published appeal). */
  version: { id: string; version: number } | null;
  layout: SignatoryLayout;
  /** Every signer with a line to print, in the coordinator's order (the appeal's signatory order). */
  signers: LetterSigner[];
  logos: LetterLogo[];
  /** Everything of the input but the date-dependent heading, metadata date and verification. */
  input: Omit<LetterPdfInput, "verification" | "signatories" | "metadata"> & { metadata: Omit<LetterPdfInput["metadata"], "creationDate"> };
}

const orNull = (s: string | null) => (s && s.trim() ? s.trim() : null);

/** What a signature shows, as listLetterSignatories has it; null when it has nothing to print. */
export interface SignatureParts {
  kind: "organisation" | "individual";
  name: string | null;
  role: string | null;
  organisation: string | null;
  country: string | null;
}

type SignatureFields = Pick<OrderedSignature, "kind" | "name" | "role" | "organisation" | "country" | "showName" | "showCountry">;

/**
 * A signature's printable parts under its signer's choices (a hidden name takes its role with it;
 * a hidden country is left out), further hidden by `limit` (what an earlier line showed).
 */
export function shownParts(s: SignatureFields, limit: { showName: boolean; showCountry: boolean } = { showName: true, showCountry: true }): SignatureParts | null {
  const name = s.showName && limit.showName ? orNull(s.name) : null;
  const parts: SignatureParts = {
    kind: s.kind === "ORGANISATION" ? "organisation" : "individual",
    name,
    role: name ? orNull(s.role) : null,
    organisation: orNull(s.organisation),
    country: s.showCountry && limit.showCountry ? orNull(s.country) : null,
  };
  // Someone with neither a name to show nor an organisation has nothing to print.
  return parts.name !== null || parts.organisation !== null ? parts : null;
}

/** The line printed for those parts in a layout, the country named in the letter's language. */
export function lineOf(parts: SignatureParts, layout: SignatoryLayout, language: string): string | null {
  return composeSignatoryLine(
    {
      kind: parts.kind,
      name: parts.name ?? "",
      role: parts.role ?? "",
      organisation: parts.organisation ?? "",
      countryName: parts.country ? countryName(parts.country, language) : null,
      showName: parts.name !== null,
      showCountry: parts.country !== null,
    },
    layout,
  );
}

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

  const shown = rows.flatMap((row) => {
    const parts = shownParts(row);
    return parts ? [{ id: row.id, parts }] : [];
  });
  const layout: SignatoryLayout =
    appeal.signatoryLayout === "SIGNATURES" ? "signatures" : appeal.signatoryLayout === "LIST" ? "list" : defaultLayout(shown.length);

  // A drawn (or typed) signature can name its signer: it prints only beside a name that is shown.
  const images = new Map<string, { png: Buffer; ink: "black" | "blue" }>();
  const withSignature = shown.filter(({ parts }) => parts.name !== null).map(({ id }) => id);
  if (layout === "signatures" && withImages && withSignature.length > 0) {
    const found = await db().signature.findMany({
      where: { id: { in: withSignature }, signatureImage: { not: null } },
      select: { id: true, signatureImage: true, inkColor: true },
    });
    for (const f of found) {
      if (f.signatureImage) images.set(f.id, { png: Buffer.from(f.signatureImage), ink: f.inkColor === "BLUE" ? "blue" : "black" });
    }
  }

  const signers: LetterSigner[] = [];
  for (const { id, parts } of shown) {
    const line = lineOf(parts, layout, appeal.language);
    if (!line) continue;
    const image = images.get(id);
    signers.push({
      line,
      ...(image ? { signaturePng: image.png, ink: image.ink } : {}),
      signatureId: id,
      kind: parts.kind,
      showName: parts.name !== null,
      showCountry: parts.country !== null,
    });
  }

  const textSha256 = letterTextSha256(letterTextOf(appeal));
  const latest = appeal.versions[0];
  const content = letterContentOf(appeal);
  return {
    appeal: { id: appeal.id, slug: appeal.slug, title: appeal.title, status: appeal.status, language: appeal.language, closedAt: appeal.closedAt },
    textSha256,
    version: latest && latest.sha256 === textSha256 ? { id: latest.id, version: latest.version } : null,
    layout,
    signers,
    logos: appeal.logos.map((l) => ({ data: Buffer.from(l.data), mimeType: l.mimeType === "image/jpeg" ? "image/jpeg" : "image/png" })),
    input: {
      content,
      pageSize: appeal.pageSize,
      draft: appeal.status === "DRAFT",
      logos: [],
      metadata: {
        title: appeal.title,
        subject: appeal.summary.trim() || appeal.title,
        author: letterAuthor(
          organiserNames(appeal.organisers),
          shown.filter(({ parts }) => parts.kind === "organisation").map(({ parts }) => parts.organisation ?? ""),
        ),
        language: appeal.language,
      },
    },
  };
}

/**
 * The PDF's author: the coordinating organisations the coordinators named ("Organised by"); for
 * an appeal that names none, the first three signing organisations in the letter's order, else
 * the app's name.
 */
function letterAuthor(organisers: string[], signingOrganisations: string[]): string {
  if (organisers.length > 0) return organisers.join("; ");
  const names = [...new Set(signingOrganisations.filter(Boolean))].slice(0, 3);
  return names.length > 0 ? names.join("; ") : "Undersigned";
}

/** The date the list heading names: the appeal's closing for a closed appeal, else the export's. */
export function signatoriesAsOf(letter: BuiltLetter, exportedAt: Date): Date {
  return letter.appeal.status === "CLOSED" && letter.appeal.closedAt ? letter.appeal.closedAt : exportedAt;
}

/** The complete PDF input for an export made at `exportedAt`, with its verification block (or none). */
export function letterInputAt(letter: BuiltLetter, exportedAt: Date, verification: LetterVerification | null): LetterPdfInput {
  const labels = letterLabels(letter.appeal.language);
  const heading = labels.signatoriesAsOf(formatLetterDate(signatoriesAsOf(letter, exportedAt), letter.appeal.language));
  const plain = (s: LetterSigner): Signer => (s.signaturePng ? { line: s.line, signaturePng: s.signaturePng, ink: s.ink } : { line: s.line });
  const signatories: LetterSignatories =
    letter.layout === "signatures"
      ? { layout: "signatures", heading, signers: letter.signers.map(plain) }
      : {
          layout: "list",
          heading,
          organisations: letter.signers.filter((s) => s.kind === "organisation").map(plain),
          individuals: letter.signers.filter((s) => s.kind === "individual").map(plain),
          groupHeadings: { organisations: labels.organisations, individuals: labels.individuals },
        };
  const { content } = letter.input;
  return {
    ...letter.input,
    // A letter without a date of its own is dated by its export (not part of the signed text).
    content: content.dateText ? content : { ...content, dateText: formatLetterDate(exportedAt, letter.appeal.language) },
    logos: letter.logos,
    signatories,
    verification: verification ? { ...verification, label: verification.label ?? labels.verify } : null,
    metadata: { ...letter.input.metadata, creationDate: exportedAt },
  };
}

/**
 * The signers in the order the PDF prints them: the coordinator's order in the signature layout;
 * in the list layout the organisations, then the individuals, each group in that order.
 */
export function printedSignersOf(letter: BuiltLetter): LetterSigner[] {
  if (letter.layout === "signatures") return letter.signers;
  return [...letter.signers.filter((s) => s.kind === "organisation"), ...letter.signers.filter((s) => s.kind === "individual")];
}

/** The signatory lines in the order the PDF prints them (printedSignersOf). */
export function printedLines(letter: BuiltLetter): string[] {
  return printedSignersOf(letter).map((s) => s.line);
}

const sha256 = (data: Buffer | string) => createHash("sha256").update(data).digest("hex");

/**
 * What makes two exports the same PDF: the text, the printed lines in their printed order and
 * their grouping, the drawn signatures, the logos, the layout and page size, the closing date the
 * heading names, and the address the verification block points at. Not the export date (printed
 * in the list heading, and as the letter's date when it has none of its own): an unchanged letter
 * keeps its first export (and its code) until something printed changes.
 */
export function letterFingerprint(letter: BuiltLetter, appUrl: string): string {
  return sha256(
    JSON.stringify({
      format: 2,
      text: letter.textSha256,
      layout: letter.layout,
      pageSize: letter.input.pageSize,
      closedAt: letter.appeal.status === "CLOSED" ? (letter.appeal.closedAt?.toISOString() ?? null) : null,
      signers: printedSignersOf(letter).map((s) => [s.kind, s.line, s.signaturePng ? sha256(s.signaturePng) : null, s.ink ?? null]),
      logos: letter.logos.map((l) => [l.mimeType, sha256(l.data)]),
      metadata: letter.input.metadata,
      appUrl,
    }),
  );
}
