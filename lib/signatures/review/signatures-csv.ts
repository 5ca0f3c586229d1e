import "server-only";
import { db } from "@/lib/db";
import { getAppealForMember } from "@/lib/appeals/access";
import { countryName } from "@/lib/countries";
import { csvFilename, toCsv } from "@/lib/signatures/review/csv";

const HEADER = [
  "Signature ID", "Status", "Type", "Name", "Role", "Organisation", "Country", "Country code", "Email", "Website",
  "Show name", "Show country", "Domain verified", "Free mail for an organisation", "Added by a coordinator",
  "Signed version", "Latest version", "Signed at (UTC)", "Confirmed at (UTC)", "Reviewed at (UTC)", "Withdrawn at (UTC)",
];

const STATUS = {
  PENDING_EMAIL: "awaiting email confirmation",
  PENDING_REVIEW: "awaiting review",
  PUBLIC: "public",
  REJECTED: "rejected",
  WITHDRAWN: "withdrawn",
} as const;

const iso = (d: Date | null) => d?.toISOString() ?? "";

/**
 * Every signature of the appeal, for its coordinators only: with email addresses, hidden names
 * and statuses. It is served behind sign-in and never cached; others get NOT_FOUND.
 */
export async function signaturesCsv({ userId, appealId, now = new Date() }: { userId: string; appealId: string; now?: Date }) {
  const { appeal } = await getAppealForMember({ userId, appealId });
  const [rows, latest] = await Promise.all([
    db().signature.findMany({
      where: { appealId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      include: { signedVersion: { select: { version: true } }, confirmedVersion: { select: { version: true } } },
      omit: { signatureImage: true },
    }),
    db().textVersion.findFirst({ where: { appealId }, orderBy: { version: "desc" }, select: { version: true } }),
  ]);
  const csv = toCsv(
    HEADER,
    rows.map((s) => [
      s.id, STATUS[s.status], s.kind === "ORGANISATION" ? "organisation" : "individual", s.name, s.role, s.organisation,
      s.country ? countryName(s.country, "en") : "", s.country ?? "", s.email, s.website ?? "",
      s.showName, s.showCountry, s.domainVerified, s.freeMail, s.addedByCoordinator,
      (s.confirmedVersion ?? s.signedVersion)?.version ?? "", latest?.version ?? "",
      iso(s.createdAt), iso(s.confirmedAt), iso(s.reviewedAt), iso(s.withdrawnAt),
    ]),
  );
  return { csv, filename: csvFilename(appeal.slug, "signatures", now) };
}
