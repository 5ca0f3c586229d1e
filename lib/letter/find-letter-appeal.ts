import "server-only";
import { closeExpiredAppeals } from "@/lib/appeals/deadline";
import { db } from "@/lib/db";

export interface LetterAccess {
  appealId: string;
  /** A coordinator of the appeal: may have the letter at any time, drafts included, never cached. */
  coordinator: boolean;
}

/**
 * Who may download the letter at /a/<slug>/letter.pdf: its coordinators always; anyone else only
 * when the appeal is open or closed and its coordinators made the PDF public. Null otherwise, so
 * that a draft, or a letter kept private, cannot be told apart from an address that does not exist.
 */
export async function findLetterAppeal({ slug, userId }: { slug: string; userId: string | null }): Promise<LetterAccess | null> {
  const appeal = await db().appeal.findUnique({
    where: { slug },
    select: {
      id: true,
      status: true,
      publicPdf: true,
      members: { where: { userId: userId ?? "" }, select: { userId: true }, take: 1 },
    },
  });
  if (!appeal) return null;
  const coordinator = userId !== null && appeal.members.length > 0;
  if (!coordinator && !(appeal.publicPdf && (appeal.status === "OPEN" || appeal.status === "CLOSED"))) return null;
  // A deadline that passed closes the appeal now, so the letter is dated by its closing.
  if (appeal.status === "OPEN") await closeExpiredAppeals(appeal.id);
  return { appealId: appeal.id, coordinator };
}
