import "server-only";
import { db } from "@/lib/db";
import { getAppealForMember } from "@/lib/appeals/access";
import { emptyCounts } from "@/lib/appeals/get-appeal-overview";
import { countryOptions } from "@/lib/countries";
import type { Prisma, SignatureStatus } from "@/lib/generated/prisma/client";

export const REVIEW_PAGE_SIZE = 50;

export interface ListSignaturesOptions {
  userId: string;
  appealId: string;
  status?: SignatureStatus;
  /** Part of a name, organisation, email address, country name or country code. */
  q?: string;
  /** The id of the last signature of the previous page (`nextCursor`). */
  cursor?: string;
}

export interface ReviewRow {
  id: string;
  kind: "ORGANISATION" | "INDIVIDUAL";
  status: SignatureStatus;
  name: string;
  role: string;
  organisation: string;
  country: string | null;
  email: string;
  website: string | null;
  showName: boolean;
  showCountry: boolean;
  domainVerified: boolean;
  freeMail: boolean;
  addedByCoordinator: boolean;
  /** The text version this signer signed (or last reconfirmed); null before the appeal had one. */
  signedVersion: number | null;
  createdAt: Date;
  confirmedAt: Date | null;
}

/** Country codes whose name (in English or the appeal's language) contains the query. */
function countriesMatching(q: string, language: string): string[] {
  const needle = q.toLocaleLowerCase();
  const codes = new Set<string>();
  for (const lang of new Set(["en", language])) {
    for (const c of countryOptions(lang)) if (c.name.toLocaleLowerCase().includes(needle)) codes.add(c.code);
  }
  if (/^[a-z]{2}$/i.test(q)) codes.add(q.toUpperCase());
  return [...codes];
}

/**
 * The review queue: an appeal's signatures, newest first, 50 at a time, with counts per status
 * for the filter tabs. Any coordinator of the appeal may list them; others get NOT_FOUND.
 */
export async function listSignatures({ userId, appealId, status, q, cursor }: ListSignaturesOptions) {
  const { appeal, role } = await getAppealForMember({ userId, appealId });
  const query = q?.trim().slice(0, 200) ?? "";
  const where: Prisma.SignatureWhereInput = {
    appealId,
    ...(status ? { status } : {}),
    ...(query
      ? {
          OR: [
            { name: { contains: query, mode: "insensitive" } },
            { organisation: { contains: query, mode: "insensitive" } },
            { email: { contains: query, mode: "insensitive" } },
            { country: { in: countriesMatching(query, appeal.language) } },
          ],
        }
      : {}),
  };
  // Keyset pagination on (createdAt, id), the cursor looked up inside this appeal only.
  const after = cursor ? await db().signature.findFirst({ where: { id: cursor, appealId }, select: { id: true, createdAt: true } }) : null;
  const [rows, groups, latest, member] = await Promise.all([
    db().signature.findMany({
      where: after ? { AND: [where, { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }] } : where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: REVIEW_PAGE_SIZE + 1,
      select: {
        id: true, kind: true, status: true, name: true, role: true, organisation: true, country: true, email: true, website: true,
        showName: true, showCountry: true, domainVerified: true, freeMail: true, addedByCoordinator: true, createdAt: true, confirmedAt: true,
        signedVersion: { select: { version: true } },
        confirmedVersion: { select: { version: true } },
      },
    }),
    db().signature.groupBy({ by: ["status"], where: { appealId }, _count: { _all: true } }),
    db().textVersion.findFirst({ where: { appealId }, orderBy: { version: "desc" }, select: { version: true } }),
    db().appealMember.findUniqueOrThrow({ where: { appealId_userId: { appealId, userId } }, select: { notify: true } }),
  ]);
  const counts = emptyCounts();
  for (const g of groups) counts[g.status] = g._count._all;
  const page = rows.slice(0, REVIEW_PAGE_SIZE);
  const signatures: ReviewRow[] = page.map(({ signedVersion, confirmedVersion, ...s }) => ({
    ...s,
    signedVersion: (confirmedVersion ?? signedVersion)?.version ?? null,
  }));
  return {
    appeal: {
      id: appeal.id,
      title: appeal.title,
      slug: appeal.slug,
      status: appeal.status,
      language: appeal.language,
      requireApproval: appeal.requireApproval,
      signatoryOrder: appeal.signatoryOrder,
    },
    viewer: { role, notify: member.notify },
    counts,
    latestVersion: latest?.version ?? null,
    signatures,
    nextCursor: rows.length > REVIEW_PAGE_SIZE ? page[page.length - 1]!.id : null,
  };
}
