import { diffWords } from "diff";
import { LETTER_TEXT_FIELDS, type LetterText } from "@/lib/appeals/letter-text";

const LABELS: Record<(typeof LETTER_TEXT_FIELDS)[number], string> = {
  language: "Language",
  title: "Title",
  recipient: "Recipient",
  place: "Place",
  letterDate: "Date",
  salutation: "Salutation",
  body: "Letter",
  closing: "Closing",
};

/**
 * The changes between two versions of a letter, field by field, as plain text a signer can
 * read in an email: [-removed-] {+added+}, with unchanged text around each change shortened.
 */
export function letterTextDiff(before: LetterText, after: LetterText, maxLength = 6000): string {
  const parts: string[] = [];
  for (const field of LETTER_TEXT_FIELDS) {
    const a = before[field] ?? "";
    const b = after[field] ?? "";
    if (a === b) continue;
    const rendered = diffWords(a, b)
      .map((c) => (c.added ? `{+${c.value}+}` : c.removed ? `[-${c.value}-]` : shorten(c.value)))
      .join("");
    parts.push(`${LABELS[field]}:\n${rendered.trim()}`);
  }
  const text = parts.join("\n\n");
  return text.length > maxLength ? `${text.slice(0, maxLength)}\n…` : text;
}

function shorten(unchanged: string): string {
  if (unchanged.length <= 160) return unchanged;
  return `${unchanged.slice(0, 70)} … ${unchanged.slice(-70)}`;
}
