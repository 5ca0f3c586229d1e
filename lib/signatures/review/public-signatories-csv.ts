import "server-only";
import { db } from "@/lib/db";
import { countryName } from "@/lib/countries";
import { listLetterSignatories } from "@/lib/signatures/letter-signatories";
import { csvFilename, toCsv } from "@/lib/signatures/review/csv";

const HEADER = ["Type", "Name", "Role", "Organisation", "Country", "Country code"];

/**
 * The public list of signatories of an open or closed appeal, as the public page shows it: never
 * an email address, nothing a signer chose to hide, and no one the letter would not print. Null
 * for drafts and unknown addresses.
 */
export async function publicSignatoriesCsv({ slug, now = new Date() }: { slug: string; now?: Date }) {
  const appeal = await db().appeal.findFirst({ where: { slug, status: { in: ["OPEN", "CLOSED"] } }, select: { id: true, slug: true } });
  if (!appeal) return null;
  const signatories = await listLetterSignatories({ appealId: appeal.id, now });
  // Organisations first, then individuals, as on the page and in the letter; each in the letter's order.
  const rows = [...signatories.filter((s) => s.kind === "organisation"), ...signatories.filter((s) => s.kind === "individual")]
    .filter((s) => s.name !== null || s.organisation !== null)
    .map((s) => [
      s.kind, s.name ?? "", s.role ?? "", s.organisation ?? "", s.country ? countryName(s.country, "en") : "", s.country ?? "",
    ]);
  return { csv: toCsv(HEADER, rows), filename: csvFilename(appeal.slug, "signatories", now) };
}
