import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SignatureDisplayForm } from "@/components/signatures/review/signature-display-form";
import { addSignatureByHandAction } from "@/lib/actions/review";
import { getAppealForMember } from "@/lib/appeals/access";
import { requireUser } from "@/lib/auth/session";
import { countryOptions } from "@/lib/countries";
import { isAppError } from "@/lib/errors";

export const metadata: Metadata = { title: "Add a signatory" };

export default async function AddSignatoryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/dashboard/appeals/${id}/signatures/new`);
  const { appeal } = await getAppealForMember({ userId: user.id, appealId: id }).catch((err) => {
    if (isAppError(err, "NOT_FOUND")) notFound();
    throw err;
  });
  const back = `/dashboard/appeals/${appeal.id}/signatures`;
  return (
    <div className="stack">
      <Link href={back} className="back-link">
        <span aria-hidden="true">← </span>
        Signatures
      </Link>
      <h1>Add a signatory</h1>
      <p className="muted">
        For someone who signed another way: on paper, by email or by phone. The signature is public at once, on the latest
        version of the text, and marked as added by a coordinator.
      </p>
      <SignatureDisplayForm
        mode="add"
        action={addSignatureByHandAction}
        appealId={appeal.id}
        defaults={{ kind: appeal.allowOrganisations ? "ORGANISATION" : "INDIVIDUAL", showName: "on", showCountry: "on" }}
        countries={countryOptions("en")}
        cancelHref={back}
      />
    </div>
  );
}
