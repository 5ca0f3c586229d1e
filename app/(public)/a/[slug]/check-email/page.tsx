import type { Metadata } from "next";
import Link from "next/link";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Check your inbox", robots: { index: false } };

export default async function CheckEmailPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const hours = env.SIGNATURE_TOKEN_TTL_HOURS;
  return (
    <div className="narrow stack">
      <h1>Check your inbox</h1>
      <p>We have sent an email to the address you entered. Open the link in it to confirm your signature: it counts only once confirmed.</p>
      <p className="muted">Nothing after a few minutes? Look in your spam folder. The link works for {hours === 1 ? "1 hour" : `${hours} hours`}.</p>
      <p><Link href={`/a/${slug}`}>Back to the appeal</Link></p>
    </div>
  );
}
