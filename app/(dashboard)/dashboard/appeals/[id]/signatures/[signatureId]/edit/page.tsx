import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SignatureDisplayForm } from "@/components/signatures/review/signature-display-form";
import { STATUS_LABELS } from "@/components/signatures/review/labels";
import { editSignatureDisplayAction } from "@/lib/actions/review";
import { requireUser } from "@/lib/auth/session";
import { countryOptions } from "@/lib/countries";
import { isAppError } from "@/lib/errors";
import { getSignatureForReview } from "@/lib/signatures/review/get-signature-for-review";

export const metadata: Metadata = { title: "Edit a signature" };

export default async function EditSignaturePage({ params }: { params: Promise<{ id: string; signatureId: string }> }) {
  const { id, signatureId } = await params;
  const user = await requireUser(`/dashboard/appeals/${id}/signatures/${signatureId}/edit`);
  const { appeal, signature: s } = await getSignatureForReview({ userId: user.id, appealId: id, signatureId }).catch((err) => {
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
      <h1>Edit a signature</h1>
      <p className="muted">
        {s.kind === "ORGANISATION" ? "Organisation" : "Individual"}, {STATUS_LABELS[s.status].toLowerCase()}
        {s.addedByCoordinator ? ", added by a coordinator" : ""}. Correct typos in what the signature shows; the audit log
        records which fields you changed.
      </p>
      <SignatureDisplayForm
        mode="edit"
        action={editSignatureDisplayAction}
        appealId={appeal.id}
        signatureId={s.id}
        defaults={{
          kind: s.kind,
          name: s.name,
          role: s.role,
          organisation: s.organisation,
          country: s.country ?? "",
          showName: s.showName ? "on" : "",
          showCountry: s.showCountry ? "on" : "",
        }}
        locked={s.addedByCoordinator ? undefined : { showName: !s.showName, showCountry: !s.showCountry }}
        countries={countryOptions("en")}
        cancelHref={back}
      />
    </div>
  );
}
