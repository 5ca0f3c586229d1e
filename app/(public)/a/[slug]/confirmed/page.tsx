import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Signature confirmed", robots: { index: false } };

export default async function ConfirmedPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ review?: string; already?: string; closed?: string }>;
}) {
  const { slug } = await params;
  const { review, already, closed } = await searchParams;
  const [heading, text] = closed
    ? ["This appeal has closed", "The appeal closed before your signature was confirmed, so it is not counted."]
    : already
      ? ["Your signature is already confirmed", "This link has been used already: your signature is confirmed. There is nothing more to do."]
      : review
        ? ["Thank you: your signature is confirmed", "The appeal's coordinators review each signature. Yours will appear on the appeal once they approve it."]
        : ["Thank you: your signature is confirmed", "Your signature now appears on the appeal. We have emailed you a link to withdraw it, should you ever need to."];
  return (
    <div className="narrow stack">
      <h1>{heading}</h1>
      <p>{text}</p>
      <p><Link href={`/a/${slug}`}>See the appeal and its signatories</Link></p>
    </div>
  );
}
