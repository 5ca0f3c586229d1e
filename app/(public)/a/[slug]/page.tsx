import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LetterSheet } from "@/components/letter/letter-sheet";
import { SignatoryList } from "@/components/appeals/signatory-list";
import { getPublicAppeal } from "@/lib/appeals/get-public-appeal";
import { formatLetterDate } from "@/lib/appeals/format-date";
import { SignOnForm } from "@/components/signatures/sign-on-form";
import { signAppealAction } from "@/lib/actions/signatures";
import { countryOptions } from "@/lib/countries";
import { signedCountText } from "@/lib/appeals/count-text";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const appeal = await getPublicAppeal({ slug: (await params).slug });
  if (!appeal) return {};
  return { title: appeal.title, description: appeal.summary || undefined };
}

export default async function AppealPage({ params }: Props) {
  const appeal = await getPublicAppeal({ slug: (await params).slug });
  if (!appeal) notFound();
  const total = appeal.organisations.length + appeal.individuals.length;
  return (
    <div className="stack">
      {appeal.status === "CLOSED" && (
        <p className="form-message" role="status">
          This appeal is closed{appeal.closedAt ? ` since ${formatLetterDate(appeal.closedAt, "en")}` : ""}: it no longer accepts signatures.
        </p>
      )}
      {appeal.latestVersion && appeal.latestVersion.version > 1 && (
        <p className="form-message" role="note">
          The text of this letter was changed on {formatLetterDate(appeal.latestVersion.createdAt, "en")} (version{" "}
          {appeal.latestVersion.version}). Earlier signers signed a previous version.
        </p>
      )}
      <h1 className="visually-hidden">{appeal.title}</h1>
      <LetterSheet content={appeal.content} />
      {appeal.status === "OPEN" && (
        <section aria-labelledby="sign" className="card stack">
          <h2 id="sign" style={{ margin: 0 }}>Sign this letter</h2>
          <SignOnForm
            action={signAppealAction.bind(null, appeal.slug)}
            allowOrganisations={appeal.allowOrganisations}
            allowIndividuals={appeal.allowIndividuals}
            drawnSignature={appeal.drawnSignature}
            countries={countryOptions("en")}
          />
        </section>
      )}
      <section aria-labelledby="signatories" className="stack">
        <h2 id="signatories">Signatories as of {formatLetterDate(new Date(), "en")}</h2>
        <p>{signedCountText(appeal.organisations.length, appeal.individuals.length)}</p>
        {total > 0 && <SignatoryList organisations={appeal.organisations} individuals={appeal.individuals} />}
      </section>
    </div>
  );
}
