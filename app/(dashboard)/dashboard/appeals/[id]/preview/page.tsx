import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LetterSheet } from "@/components/letter/letter-sheet";
import { getAppealForMember } from "@/lib/appeals/access";
import { letterContentOf } from "@/lib/appeals/letter-content";
import { requireUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";

export const metadata: Metadata = { title: "Preview" };

export default async function PreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/dashboard/appeals/${id}/preview`);
  const { appeal } = await getAppealForMember({ userId: user.id, appealId: id }).catch((err) => {
    if (isAppError(err, "NOT_FOUND")) notFound();
    throw err;
  });
  return (
    <div className="stack">
      <Link href={`/dashboard/appeals/${id}`} className="back-link">← {appeal.title}</Link>
      <h1>Preview of the letter</h1>
      <p className="muted">
        As it will print{appeal.status === "DRAFT" ? ", once published" : ""}. The signatories follow the closing in the signed letter.{" "}
        <Link href={`/dashboard/appeals/${id}/edit`}>Edit the text</Link>
      </p>
      <LetterSheet content={letterContentOf(appeal)} />
    </div>
  );
}
