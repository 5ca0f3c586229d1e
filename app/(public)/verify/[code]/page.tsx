import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLetterVerification } from "@/lib/letter/get-letter-verification";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Verify a signed letter", robots: { index: false } };

const when = (iso: string) =>
  new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }).format(new Date(iso)) + " UTC";

/**
 * What the PDF with this code printed, from its snapshot, except what signers have taken back
 * since: a withdrawn signer reads "[withdrawn]", a since-hidden name or country is left out.
 */
export default async function VerifyLetterPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const result = await getLetterVerification({ code });
  if (!result) notFound();
  const { snapshot, changedSince, takenBack } = result;
  const organisations = snapshot.signatories.slice(0, snapshot.organisations);
  const individuals = snapshot.signatories.slice(snapshot.organisations);
  const changed = changedSince.text || changedSince.signatories;
  return (
    <div className="stack">
      <h1>Verification of a signed letter</h1>
      <p>
        Undersigned exported a letter with the verification code <code>{result.code}</code> on {when(snapshot.exportedAt)}. This is
        what that letter printed.
      </p>
      {changed && (
        <div className="form-message warning" role="note">
          <p style={{ margin: 0 }}>
            <strong>This appeal has changed since this letter was exported.</strong>{" "}
            {changedSince.text && (
              <>
                Its text is now {changedSince.currentVersion !== null ? `version ${changedSince.currentVersion}` : "different"}.{" "}
              </>
            )}
            {changedSince.signatories && <>Its list of signatories is different today. </>}
            The details below are those of the exported letter.
          </p>
        </div>
      )}
      <dl className="card verify-details">
        <div>
          <dt>Appeal</dt>
          <dd>{result.appealSlug ? <Link href={`/a/${result.appealSlug}`}>{snapshot.appealTitle}</Link> : snapshot.appealTitle}</dd>
        </div>
        <div>
          <dt>Text version</dt>
          <dd>{snapshot.textVersion}</dd>
        </div>
        <div>
          <dt>SHA-256 of the text</dt>
          <dd>
            <code className="hash">{snapshot.textSha256}</code>
            <span className="muted"> (the letter prints the first 16 characters: {snapshot.textSha256.slice(0, 16)})</span>
          </dd>
        </div>
        <div>
          <dt>Exported</dt>
          <dd>{when(snapshot.exportedAt)}</dd>
        </div>
        <div>
          <dt>Signatories</dt>
          <dd>
            {snapshot.signatories.length.toLocaleString("en")}, printed {snapshot.layout === "signatures" ? "as signature blocks" : "as a list"}
          </dd>
        </div>
      </dl>
      <section aria-labelledby="printed-signatories" className="stack">
        <h2 id="printed-signatories">Signatories as printed</h2>
        {takenBack > 0 && (
          <p className="muted" data-testid="taken-back">
            {takenBack === 1 ? "One signatory has" : `${takenBack.toLocaleString("en")} signatories have`} since withdrawn or hidden
            part of what the letter printed: {takenBack === 1 ? "that line is" : "those lines are"} shown as{" "}
            {takenBack === 1 ? "its signatory wishes" : "their signatories wish"} today, or as “[withdrawn]”.
          </p>
        )}
        {snapshot.signatories.length === 0 ? (
          <p>The letter listed no signatories.</p>
        ) : snapshot.layout === "signatures" ? (
          <ol className="signatory-columns" data-testid="printed-signatories">
            {snapshot.signatories.map((line, i) => <li key={i}>{line}</li>)}
          </ol>
        ) : (
          <div className="stack" data-testid="printed-signatories">
            <p>{snapshot.heading}</p>
            {organisations.length > 0 && (
              <>
                <h3>Organisations</h3>
                <ol className="signatory-columns">{organisations.map((line, i) => <li key={i}>{line}</li>)}</ol>
              </>
            )}
            {individuals.length > 0 && (
              <>
                <h3>Individuals</h3>
                <ol className="signatory-columns">{individuals.map((line, i) => <li key={i}>{line}</li>)}</ol>
              </>
            )}
          </div>
        )}
      </section>
      <p className="muted">
        <Link href="/verify">Verify another letter</Link>
      </p>
    </div>
  );
}
