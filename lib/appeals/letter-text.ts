import { createHash } from "node:crypto";

// What a signer signs: every field of the appeal that prints on the letter. The hash is taken
// over a canonical serialisation (fixed key order, NFC, \n line endings, date as YYYY-MM-DD) so
// that the same text hashes the same on any database, machine or day.

export interface LetterText {
  language: string;
  title: string;
  recipient: string;
  place: string;
  letterDate: string | null;
  salutation: string;
  body: string;
  closing: string;
}

export const LETTER_TEXT_FIELDS = [
  "language",
  "title",
  "recipient",
  "place",
  "letterDate",
  "salutation",
  "body",
  "closing",
] as const satisfies readonly (keyof LetterText)[];

const clean = (s: string) => s.normalize("NFC").replace(/\r\n?/g, "\n").trim();

export function letterTextOf(appeal: Omit<LetterText, "letterDate"> & { letterDate: Date | null }): LetterText {
  return {
    language: appeal.language,
    title: clean(appeal.title),
    recipient: clean(appeal.recipient),
    place: clean(appeal.place),
    letterDate: appeal.letterDate ? appeal.letterDate.toISOString().slice(0, 10) : null,
    salutation: clean(appeal.salutation),
    body: clean(appeal.body),
    closing: clean(appeal.closing),
  };
}

export function canonicalLetterText(text: LetterText): string {
  return JSON.stringify(Object.fromEntries(LETTER_TEXT_FIELDS.map((k) => [k, text[k]])));
}

export function letterTextSha256(text: LetterText): string {
  return createHash("sha256").update(canonicalLetterText(text), "utf8").digest("hex");
}
