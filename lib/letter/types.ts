import type { LetterBlock } from "@/lib/markdown/letter-markdown";

/** The letter as typed by the coordinator, ready to print: nothing here is formatted again. */
export interface LetterContent {
  /** BCP 47 tag of the appeal's language ("en", "az", "fr-BE", "ar"). */
  language: string;
  /** The subject line, including any "Open letter:" prefix the coordinator typed. */
  title: string;
  /** Free multi-line text, one line per line of the recipient block. */
  recipient: string;
  /** The cities of the signing organisations, e.g. "Brussels, Baku,". */
  place: string;
  /** Already formatted in the appeal's language, e.g. "18 July 2018". */
  dateText: string;
  salutation: string;
  body: LetterBlock[];
  closing: string;
}

export interface Signer {
  /** Already composed per the signer's privacy choices (see signatory-line.ts). */
  line: string;
  /** The drawn signature, already in its ink colour, ideally re-encoded small at upload. */
  signaturePng?: Buffer;
  ink?: "black" | "blue";
}

export type SignatoryLayout = "signatures" | "list";

/**
 * The signatories as the PDF prints them. The signature layout prints one block per signer in the
 * coordinator's order, organisations and individuals mixed as they come; only the list layout
 * groups them (organisations first, each group in the coordinator's order).
 */
export type LetterSignatories =
  | {
      layout: "signatures";
      /** The list heading the export records; the signature layout does not print it. */
      heading: string;
      signers: Signer[];
    }
  | {
      layout: "list";
      /** Already localised, e.g. "Signatories as of 11 November 2024". */
      heading: string;
      organisations: Signer[];
      individuals: Signer[];
      /** Localised group headings; without them the groups are only spaced apart. */
      groupHeadings?: { organisations: string; individuals: string };
    };

/** Every signer of the letter, in the order the PDF prints them. */
export function printedSigners(signatories: LetterSignatories): Signer[] {
  return signatories.layout === "signatures" ? signatories.signers : [...signatories.organisations, ...signatories.individuals];
}

export interface LetterLogo {
  data: Buffer;
  mimeType: "image/png" | "image/jpeg";
}

export interface LetterVerification {
  /** The appeal's public verification page; also encoded in the QR code. */
  url: string;
  /** Hex SHA-256 of the signed text; the PDF prints its first 16 characters. */
  sha256: string;
  /** Localised lead-in, e.g. "Verify this letter:"; defaults to English. */
  label?: string;
}

export interface LetterPdfInput {
  content: LetterContent;
  pageSize: "A4" | "LETTER";
  draft: boolean;
  logos: LetterLogo[];
  signatories: LetterSignatories;
  verification: LetterVerification | null;
  metadata: { title: string; subject: string; author: string; language: string; creationDate: Date };
}
