import "server-only";
import { letterTextOf } from "@/lib/appeals/letter-text";
import type { AppealStatus, SignatureKind } from "@/lib/generated/prisma/client";

// The shapes of API version 1. Partner websites rely on them: add fields if needed, never rename
// or remove one. Each serialiser picks fields one by one, so nothing new in a database row (an
// email, a hidden field) can slip into an answer.

export interface ApiCounts {
  organisations: number;
  individuals: number;
  total: number;
}

export interface ApiAppealSummary {
  slug: string;
  title: string;
  status: "open" | "closed";
  url: string;
  counts: ApiCounts;
}

export interface ApiAppeal {
  slug: string;
  title: string;
  status: "open" | "closed";
  language: string;
  deadline: string | null;
  url: string;
  pdfUrl: string | null;
  counts: ApiCounts;
  textVersion: number | null;
  textSha256: string | null;
  letter: {
    recipient: string;
    place: string;
    date: string | null;
    subject: string;
    salutation: string;
    body: string;
    closing: string;
  };
}

export interface ApiSignatory {
  kind: "organisation" | "individual";
  name: string | null;
  role: string | null;
  organisation: string | null;
  country: string | null;
}

export const apiStatus = (status: AppealStatus): "open" | "closed" => (status === "OPEN" ? "open" : "closed");

/** Counts from rows of `signature.groupBy({ by: ["kind"] })` over PUBLIC signatures. */
export function countsOf(groups: readonly { kind: SignatureKind; count: number }[]): ApiCounts {
  const of = (kind: SignatureKind) => groups.filter((g) => g.kind === kind).reduce((sum, g) => sum + g.count, 0);
  const organisations = of("ORGANISATION");
  const individuals = of("INDIVIDUAL");
  return { organisations, individuals, total: organisations + individuals };
}

export function serialiseAppealSummary(appeal: { slug: string; title: string; status: AppealStatus }, url: string, counts: ApiCounts): ApiAppealSummary {
  return { slug: appeal.slug, title: appeal.title, status: apiStatus(appeal.status), url, counts };
}

interface AppealRow {
  slug: string;
  title: string;
  status: AppealStatus;
  language: string;
  deadline: Date | null;
  recipient: string;
  place: string;
  letterDate: Date | null;
  salutation: string;
  body: string;
  closing: string;
}

/**
 * The letter comes out exactly as it was hashed (trimmed, NFC, \n line endings), so that a partner
 * can check `textSha256` against the text it shows.
 */
export function serialiseAppeal(
  appeal: AppealRow,
  { url, pdfUrl, counts, latestVersion }: { url: string; pdfUrl: string | null; counts: ApiCounts; latestVersion: { version: number; sha256: string } | null },
): ApiAppeal {
  const text = letterTextOf(appeal);
  return {
    slug: appeal.slug,
    title: appeal.title,
    status: apiStatus(appeal.status),
    language: appeal.language,
    deadline: appeal.deadline ? appeal.deadline.toISOString() : null,
    url,
    pdfUrl,
    counts,
    textVersion: latestVersion?.version ?? null,
    textSha256: latestVersion?.sha256 ?? null,
    letter: {
      recipient: text.recipient,
      place: text.place,
      date: text.letterDate,
      subject: text.title,
      salutation: text.salutation,
      body: text.body,
      closing: text.closing,
    },
  };
}

const shown = (value: string | null | undefined): string | null => {
  const v = value?.trim();
  return v ? v : null;
};

/**
 * One signatory from listLetterSignatories, which applies the signers' privacy choices. Fields are
 * picked one by one so that whatever that list gains later stays out of the API; a role never
 * appears without a name (a role can name a person as surely as their name).
 */
export function serialiseSignatory(s: { kind: "organisation" | "individual"; name: string | null; role: string | null; organisation: string | null; country: string | null }): ApiSignatory {
  const name = shown(s.name);
  return {
    kind: s.kind,
    name,
    role: name ? shown(s.role) : null,
    organisation: shown(s.organisation),
    country: shown(s.country)?.toUpperCase() ?? null,
  };
}
