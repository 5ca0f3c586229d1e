import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Check your inbox" };

export default function CheckEmailPage() {
  return (
    <div className="narrow stack">
      <h1>Check your inbox</h1>
      <p>
        If the address you entered can receive email, a sign-in link is on its way. Open it on this device; it works once
        and expires after an hour.
      </p>
      <p className="muted">Nothing arrived after a few minutes? Look in your spam folder, or request a new link.</p>
      <p>
        <Link href="/sign-in">Request a new link</Link>
      </p>
    </div>
  );
}
