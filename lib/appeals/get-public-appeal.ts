import "server-only";
import { db } from "@/lib/db";
import { countryName } from "@/lib/countries";
import { formatLetterDate } from "@/lib/appeals/format-date";
import { composeSignatoryLine } from "@/lib/letter/signatory-line";
import { parseLetterMarkdown } from "@/lib/markdown/letter-markdown";
import type { LetterContent } from "@/lib/letter/types";

export interface PublicSignatory {
  id: string;
  line: string;
}

/** An open or closed appeal as the public sees it; drafts and unknown slugs are null. */
export async function getPublicAppeal({ slug }: { slug: string }) {
  const appeal = await db().appeal.findFirst({
    where: { slug, status: { in: ["OPEN", "CLOSED"] } },
    include: {
      signatures: {
        where: { status: "PUBLIC" },
        orderBy: { createdAt: "asc" },
        select: { id: true, kind: true, name: true, role: true, organisation: true, country: true, showName: true, showCountry: true },
      },
    },
  });
  if (!appeal) return null;
  const content: LetterContent = {
    language: appeal.language,
    title: appeal.title,
    recipient: appeal.recipient,
    place: appeal.place,
    dateText: appeal.letterDate ? formatLetterDate(appeal.letterDate, appeal.language) : "",
    salutation: appeal.salutation,
    body: parseLetterMarkdown(appeal.body),
    closing: appeal.closing,
  };
  const toLine = (s: (typeof appeal.signatures)[number]): PublicSignatory | null => {
    const line = composeSignatoryLine(
      {
        kind: s.kind === "ORGANISATION" ? "organisation" : "individual",
        name: s.name,
        role: s.role,
        organisation: s.organisation,
        countryName: s.country ? countryName(s.country, "en") : null,
        showName: s.showName,
        showCountry: s.showCountry,
      },
      "signatures",
    );
    return line ? { id: s.id, line } : null;
  };
  const lines = (kind: "ORGANISATION" | "INDIVIDUAL") =>
    appeal.signatures.filter((s) => s.kind === kind).map(toLine).filter((l): l is PublicSignatory => l !== null);
  return {
    slug: appeal.slug,
    title: appeal.title,
    summary: appeal.summary,
    status: appeal.status,
    content,
    organisations: lines("ORGANISATION"),
    individuals: lines("INDIVIDUAL"),
  };
}
