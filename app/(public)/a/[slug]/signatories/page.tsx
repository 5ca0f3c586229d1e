import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatLetterDate } from "@/lib/appeals/format-date";
import { cachedPublicAppeal } from "@/lib/appeals/public-cache";
import { signedCountText } from "@/lib/appeals/count-text";
import { signatoryListPage } from "@/lib/appeals/signatory-list-page";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ page?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const appeal = await cachedPublicAppeal((await params).slug);
  return appeal ? { title: `Signatories: ${appeal.title}` } : {};
}

/**
 * Every public signatory, in the letter's order, a thousand to a page: plain HTML, light enough
 * for coalitions of tens of thousands. The list itself comes from the appeal's cache.
 */
export default async function AllSignatoriesPage({ params, searchParams }: Props) {
  const appeal = await cachedPublicAppeal((await params).slug);
  if (!appeal) notFound();
  const page = signatoryListPage(appeal, (await searchParams).page);
  if (!page) notFound();
  // A closed appeal's list is final: it is the list as of its closing, as on the appeal's page.
  const asOf = appeal.status === "CLOSED" && appeal.closedAt ? new Date(appeal.closedAt) : new Date();
  const href = (n: number) => `/a/${appeal.slug}/signatories${n > 1 ? `?page=${n}` : ""}`;
  return (
    <div className="stack">
      <Link href={`/a/${appeal.slug}`} className="back-link">← {appeal.title}</Link>
      <h1>Signatories as of {formatLetterDate(asOf, "en")}</h1>
      <p>{signedCountText(appeal.organisations.length, appeal.individuals.length)}</p>
      {page.organisations.items.length > 0 && (
        <section aria-labelledby="all-orgs">
          <h2 id="all-orgs">Organisations</h2>
          <ol className="signatory-columns" start={page.organisations.start}>{page.organisations.items.map((s) => <li key={s.id}>{s.line}</li>)}</ol>
        </section>
      )}
      {page.individuals.items.length > 0 && (
        <section aria-labelledby="all-people">
          <h2 id="all-people">Individuals</h2>
          <ol className="signatory-columns" start={page.individuals.start}>{page.individuals.items.map((s) => <li key={s.id}>{s.line}</li>)}</ol>
        </section>
      )}
      {page.pages > 1 && (
        <nav aria-label="Pages of signatories">
          <p>
            Page {page.page} of {page.pages}.{" "}
            {page.page > 1 && <Link href={href(page.page - 1)}>Previous page</Link>}
            {page.page > 1 && page.page < page.pages && " · "}
            {page.page < page.pages && <Link href={href(page.page + 1)}>Next page</Link>}
          </p>
        </nav>
      )}
    </div>
  );
}
