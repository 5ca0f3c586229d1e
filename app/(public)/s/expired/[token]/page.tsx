import type { Metadata } from "next";
import Link from "next/link";
import { TokenActionForm } from "@/components/signatures/token-action-form";
import { resendConfirmationAction } from "@/lib/actions/signatures";
import { describeExpiredLink, type ExpiredLink } from "@/lib/signatures/resend-confirmation";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Link expired", robots: { index: false } };

const onVersion = (n: number | null) => (n === null ? "on the version of the text you signed" : `on version ${n} of the text, the one you signed`);

function wording(link: Exclude<ExpiredLink, { kind: "confirm" | "invalid" }>): [heading: string, text: string] {
  if (link.kind === "confirmed") return ["Your signature is already confirmed", "This link has been replaced or has expired, but your signature is confirmed. There is nothing more to do."];
  if (link.kind === "closed") return ["This appeal has closed", "The appeal closed before your signature was confirmed, so it is not counted."];
  switch (link.reason) {
    case "current":
      return ["Your signature is up to date", `Your signature is ${onVersion(link.signedVersion)}, which is the current text. There is nothing more to do.`];
    case "closed":
      return ["This appeal has closed", `The appeal closed before you confirmed the new text. Your earlier signature stands, ${onVersion(link.signedVersion)}.`];
    case "superseded":
      return [
        "The text has changed again",
        `This link was for an earlier change to the text, so it no longer works: a newer email shows the latest change. Until you confirm it, your signature stands ${onVersion(link.signedVersion)}.`,
      ];
    case "expired":
      return ["This link has expired", `Links to confirm a new version work for a limited time. Your signature still stands ${onVersion(link.signedVersion)}.`];
  }
}

export default async function ExpiredLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await describeExpiredLink({ token });
  if (link.kind === "invalid") {
    return (
      <div className="narrow stack">
        <h1>This link is not valid</h1>
        <p>The link may have been copied incompletely, or it belongs to a signature that was withdrawn. Check that you opened the whole link from the email.</p>
      </div>
    );
  }
  if (link.kind === "confirm") {
    return (
      <div className="narrow stack">
        <h1>This confirmation link has expired</h1>
        <p>Confirmation links work for a limited time. Your signature is not confirmed yet: we can send a new link to the same address.</p>
        <TokenActionForm action={resendConfirmationAction.bind(null, token)} label="Send me a new link" pendingLabel="Sending…" />
      </div>
    );
  }
  const [heading, text] = wording(link);
  return (
    <div className="narrow stack">
      <h1>{heading}</h1>
      <p>{text}</p>
      {link.kind === "reconfirm" && link.canResend && (
        <>
          <p>We can send you a new link to confirm the current text, with what changed since you signed.</p>
          <TokenActionForm action={resendConfirmationAction.bind(null, token)} label="Send me a new link" pendingLabel="Sending…" />
        </>
      )}
      <p><Link href={`/a/${link.slug}`}>See the appeal and its signatories</Link></p>
    </div>
  );
}
