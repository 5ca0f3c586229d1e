import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Link not valid", robots: { index: false } };

export default function InvalidLinkPage() {
  return (
    <div className="narrow stack">
      <h1>This link is not valid</h1>
      <p>The link may have been copied incompletely, or it belongs to a signature that was withdrawn. Check that you opened the whole link from the email.</p>
      <p><Link href="/">Go to the home page</Link></p>
    </div>
  );
}
