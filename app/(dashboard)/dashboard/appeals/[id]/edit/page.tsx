import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AppealForm } from "@/components/appeals/appeal-form";
import { updateAppealAction } from "@/lib/actions/appeals";
import { appealFormDefaults, timeZoneList } from "@/lib/appeals/form-defaults";
import { getAppealOverview } from "@/lib/appeals/get-appeal-overview";
import { requireUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";

export const metadata: Metadata = { title: "Edit appeal" };

export default async function EditAppealPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/dashboard/appeals/${id}/edit`);
  const overview = await getAppealOverview({ userId: user.id, appealId: id }).catch((err) => {
    if (isAppError(err, "NOT_FOUND")) notFound();
    throw err;
  });
  const { appeal, counts, latestVersion } = overview;
  const signed = counts.PENDING_EMAIL + counts.PENDING_REVIEW + counts.PUBLIC + counts.REJECTED;
  const versionNotice =
    appeal.status !== "DRAFT" && signed > 0 && latestVersion
      ? `${signed} ${signed === 1 ? "person has" : "people have"} signed version ${latestVersion.version}. Changing the printed text (title, recipient, place, date, salutation, letter, closing or language) creates version ${latestVersion.version + 1}; the public page will say the text changed${appeal.status === "OPEN" ? ", and earlier signers will be asked to reconfirm" : ". The appeal is closed, so earlier signers are not asked to reconfirm: they stay on the version they signed"}.`
      : undefined;
  return (
    <div className="stack">
      <Link href={`/dashboard/appeals/${id}`} className="back-link">← {appeal.title}</Link>
      <h1>Edit appeal</h1>
      <AppealForm
        action={updateAppealAction}
        appealId={appeal.id}
        defaults={appealFormDefaults(appeal)}
        timeZones={timeZoneList()}
        versionNotice={versionNotice}
        published={appeal.status !== "DRAFT"}
        submitLabel="Save changes"
      />
    </div>
  );
}
