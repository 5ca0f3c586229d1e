import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SignatoryList } from "@/components/appeals/signatory-list";
import { LetterSheet } from "@/components/letter/letter-sheet";
import { DeadlineGate } from "@/components/signatures/deadline-gate";
import { SignOnForm } from "@/components/signatures/sign-on-form";
import { signAppealAction } from "@/lib/actions/signatures";
import { signedCountText } from "@/lib/appeals/count-text";
import { formatLetterDate } from "@/lib/appeals/format-date";
import { cachedPublicAppeal } from "@/lib/appeals/public-cache";
import { countryOptions } from "@/lib/countries";

// Rendered on first request and then served from the cache until a change expires it.
export const revalidate = 60;
export const generateStaticParams = async () => [];

/** The page lists this many per group; the rest are one click away. */
const SHOWN = 100;

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const appeal = await cachedPublicAppeal((await params).slug);
  if (!appeal) return {};
  const description = appeal.summary || signedCountText(appeal.organisations.length, appeal.individuals.length);
  return {
    title: appeal.title,
    description,
    openGraph: { title: appeal.title, description, type: "article" },
    twitter: { card: "summary_large_image", title: appeal.title, description },
  };
}

export default async function AppealPage({ params }: Props) {
  const appeal = await cachedPublicAppeal((await params).slug);
  if (!appeal) notFound();
  const total = appeal.organisations.length + appeal.individuals.length;
  const asOf = appeal.status === "CLOSED" && appeal.closedAt ? new Date(appeal.closedAt) : new Date();
  const more = appeal.organisations.length > SHOWN || appeal.individuals.length > SHOWN;
  return (
    <div className="stack">
      {appeal.status === "CLOSED" && (
        <p className="form-message" role="status">
          This appeal is closed{appeal.closedAt ? ` since ${formatLetterDate(new Date(appeal.closedAt), "en")}` : ""}: it no longer accepts signatures.
        </p>
      )}
      {appeal.latestVersion && appeal.latestVersion.version > 1 && (
        <p className="form-message" role="note">
          The text of this letter was changed on {formatLetterDate(new Date(appeal.latestVersion.createdAt), "en")} (version{" "}
          {appeal.latestVersion.version}). Earlier signers signed a previous version.
        </p>
      )}
      <h1 className="visually-hidden">{appeal.title}</h1>
      <LetterSheet content={appeal.content} />
      {appeal.organisers.length > 0 && <p className="muted">Organised by {appeal.organisers.join(", ")}.</p>}
      <p className="muted">{signedCountText(appeal.organisations.length, appeal.individuals.length)}</p>
      {appeal.status === "OPEN" && (
        <section aria-labelledby="sign" className="card stack">
          <h2 id="sign" style={{ margin: 0 }}>Sign this letter</h2>
          <DeadlineGate deadline={appeal.deadline}>
            {appeal.deadline && (
              <p className="muted" style={{ margin: 0 }}>
                Open for signatures until {new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }).format(new Date(appeal.deadline))} UTC.
              </p>
            )}
            <SignOnForm
              action={signAppealAction.bind(null, appeal.slug)}
              allowOrganisations={appeal.allowOrganisations}
              allowIndividuals={appeal.allowIndividuals}
              drawnSignature={appeal.drawnSignature}
              countries={countryOptions("en")}
            />
          </DeadlineGate>
        </section>
      )}
      <section aria-labelledby="signatories" className="stack">
        <h2 id="signatories">Signatories as of {formatLetterDate(asOf, "en")}</h2>
        <p>{signedCountText(appeal.organisations.length, appeal.individuals.length)}</p>
        {total > 0 && <SignatoryList organisations={appeal.organisations.slice(0, SHOWN)} individuals={appeal.individuals.slice(0, SHOWN)} />}
        {more && (
          <p>
            <Link href={`/a/${appeal.slug}/signatories`}>See all {total.toLocaleString("en")} signatories</Link>
          </p>
        )}
        <p className="muted">
          <a href={`/a/${appeal.slug}/signatories.csv`}>Download the list of signatories (CSV)</a>
          {appeal.publicPdf && (
            <>
              {" · "}
              <a href={`/a/${appeal.slug}/letter.pdf`}>Download the signed letter (PDF)</a>
            </>
          )}
        </p>
      </section>
    </div>
  );
}
