import "server-only";
import { db } from "@/lib/db";
import { countryName } from "@/lib/countries";
import { closeExpiredAppeals } from "@/lib/appeals/deadline";
import { letterContentOf } from "@/lib/appeals/letter-content";
import { organiserNames } from "@/lib/appeals/organisers";
import { composeSignatoryLine } from "@/lib/letter/signatory-line";
import { listLetterSignatories, type LetterSignatory } from "@/lib/signatures/letter-signatories";

export interface PublicSignatory {
  /** A key for the list, by place in it: signature ids are not published. */
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
    },
  });
  if (!appeal) return null;
  const content = letterContentOf(appeal);
  // Hidden names and countries arrive as null: the privacy choices are applied there, once.
  const signatories = await listLetterSignatories({ appealId: appeal.id });
  const lines = (kind: LetterSignatory["kind"]) =>
    signatories
      .filter((s) => s.kind === kind)
      .map((s, index): PublicSignatory | null => {
        const line = composeSignatoryLine(
          {
            kind: s.kind,
            name: s.name ?? "",
            role: s.role ?? "",
            organisation: s.organisation ?? "",
            countryName: s.country ? countryName(s.country, "en") : null,
            showName: s.name !== null,
            showCountry: s.country !== null,
          },
          "signatures",
        );
        return line ? { id: `${kind}-${index}`, line } : null;
      })
      .filter((l): l is PublicSignatory => l !== null);
  return {
    slug: appeal.slug,
    title: appeal.title,
    summary: appeal.summary,
    organisers: organiserNames(appeal.organisers),
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
    organisations: lines("organisation"),
    individuals: lines("individual"),
  };
}
