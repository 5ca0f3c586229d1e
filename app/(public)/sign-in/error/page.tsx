import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Sign-in problem" };

const messages: Record<string, { heading: string; text: string }> = {
  Verification: {
    heading: "This sign-in link can no longer be used",
    text: "Sign-in links work once and expire after an hour. This one has expired or has already been used. Request a new link to sign in.",
  },
  AccessDenied: { heading: "Access denied", text: "You may not sign in with this address." },
};

export default async function SignInErrorPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  const message = messages[error ?? ""] ?? {
    heading: "We could not sign you in",
    text: "Something went wrong while signing you in. Please request a new link.",
  };
  return (
    <div className="narrow stack">
      <h1>{message.heading}</h1>
      <p>{message.text}</p>
      <p>
        <Link className="btn" href="/sign-in">
          Request a new sign-in link
        </Link>
      </p>
    </div>
  );
}
