import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatLetterDate } from "@/lib/appeals/format-date";
import { cachedPublicAppeal } from "@/lib/appeals/public-cache";
import { signedCountText } from "@/lib/appeals/count-text";

export const revalidate = 60;
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const appeal = await cachedPublicAppeal((await params).slug);
  return appeal ? { title: `Signatories: ${appeal.title}` } : {};
}

/** Every public signatory, in the letter's order; one page, plain HTML, light enough for thousands. */
export default async function AllSignatoriesPage({ params }: Props) {
  const appeal = await cachedPublicAppeal((await params).slug);
  if (!appeal) notFound();
  // A closed appeal's list is final: it is the list as of its closing, as on the appeal's page.
  const asOf = appeal.status === "CLOSED" && appeal.closedAt ? new Date(appeal.closedAt) : new Date();
  return (
    <div className="stack">
      <Link href={`/a/${appeal.slug}`} className="back-link">← {appeal.title}</Link>
      <h1>Signatories as of {formatLetterDate(asOf, "en")}</h1>
      <p>{signedCountText(appeal.organisations.length, appeal.individuals.length)}</p>
      {appeal.organisations.length > 0 && (
        <section aria-labelledby="all-orgs">
          <h2 id="all-orgs">Organisations</h2>
          <ol className="signatory-columns">{appeal.organisations.map((s) => <li key={s.id}>{s.line}</li>)}</ol>
        </section>
      )}
      {appeal.individuals.length > 0 && (
        <section aria-labelledby="all-people">
          <h2 id="all-people">Individuals</h2>
          <ol className="signatory-columns">{appeal.individuals.map((s) => <li key={s.id}>{s.line}</li>)}</ol>
        </section>
      )}
    </div>
  );
}
