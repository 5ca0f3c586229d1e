import type { Metadata } from "next";
import Link from "next/link";
import { TokenActionForm } from "@/components/signatures/token-action-form";
import { withdrawAction } from "@/lib/actions/signatures";
import { lookupWithdrawal } from "@/lib/signatures/withdraw-signature";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Withdraw your signature", robots: { index: false } };

// Opening this page changes nothing: mail scanners follow links. Only the button withdraws.
export default async function WithdrawPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const found = await lookupWithdrawal({ token });
  if (found.state === "INVALID") {
    return (
      <div className="narrow stack">
        <h1>This link is not valid</h1>
        <p>Check that you opened the whole link from the email.</p>
      </div>
    );
  }
  return (
    <div className="narrow stack">
      <h1>Withdraw your signature</h1>
      <p>Appeal: <Link href={`/a/${found.slug}`}>{found.title}</Link></p>
      {found.state === "DONE" && (
        <p className="form-message form-message--ok" role="status">
          Your signature has been withdrawn. It no longer appears on the appeal or in the letter, and your details have been erased.
        </p>
      )}
      {found.state === "CLOSED" && <p className="form-message">This appeal is closed: its letter has been sent, and signatures can no longer be withdrawn.</p>}
      {found.state === "READY" && (
        <>
          <p>You signed as <strong>{found.line}</strong>. Withdrawing removes your signature from the public list and from the letter, and erases your details. You can sign again later while the appeal is open.</p>
          <TokenActionForm action={withdrawAction.bind(null, token)} label="Withdraw my signature" pendingLabel="Withdrawing…" danger />
        </>
      )}
    </div>
  );
}
