import { formatLetterDate } from "@/lib/appeals/format-date";
import type { LetterContent } from "@/lib/letter/types";
import { parseLetterMarkdown } from "@/lib/markdown/letter-markdown";

type PrintedFields = {
  language: string;
  title: string;
  recipient: string;
  place: string;
  letterDate: Date | null;
  salutation: string;
  body: string;
  closing: string;
};

/** The letter ready to print on the web or in the PDF: Markdown parsed once, the date in the letter's language. */
export function letterContentOf(appeal: PrintedFields): LetterContent {
  return {
    language: appeal.language,
    title: appeal.title,
    recipient: appeal.recipient,
    place: appeal.place,
    dateText: appeal.letterDate ? formatLetterDate(appeal.letterDate, appeal.language) : "",
    salutation: appeal.salutation,
    body: parseLetterMarkdown(appeal.body),
    closing: appeal.closing,
  };
}
