import "server-only";
import { db } from "@/lib/db";
import { countryName } from "@/lib/countries";
import { closeExpiredAppeals } from "@/lib/appeals/deadline";
import { letterContentOf } from "@/lib/appeals/letter-content";
import { composeSignatoryLine } from "@/lib/letter/signatory-line";

export interface PublicSignatory {
  id: string;
  line: string;
}

/** An open or closed appeal as the public sees it; drafts and unknown slugs are null. */
export async function getPublicAppeal({ slug }: { slug: string }) {
  const found = await db().appeal.findFirst({ where: { slug, status: "OPEN", deadline: { lte: new Date() } }, select: { id: true } });
  if (found) await closeExpiredAppeals(found.id);
  const appeal = await db().appeal.findFirst({
    where: { slug, status: { in: ["OPEN", "CLOSED"] } },
    include: {
      versions: { orderBy: { version: "desc" }, take: 1, select: { version: true, createdAt: true } },
      signatures: {
        where: { status: "PUBLIC" },
        orderBy: { createdAt: "asc" },
        select: { id: true, kind: true, name: true, role: true, organisation: true, country: true, showName: true, showCountry: true },
      },
    },
  });
  if (!appeal) return null;
  const content = letterContentOf(appeal);
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
    language: appeal.language,
    allowOrganisations: appeal.allowOrganisations,
    allowIndividuals: appeal.allowIndividuals,
    drawnSignature: appeal.drawnSignature,
    publicPdf: appeal.publicPdf,
    deadline: appeal.deadline,
    closedAt: appeal.closedAt,
    latestVersion: appeal.versions[0] ?? null,
    content,
    organisations: lines("ORGANISATION"),
    individuals: lines("INDIVIDUAL"),
  };
}
