"use client";

import Link from "next/link";

// There is deliberately no loading.tsx beside this file: it would stream every dashboard page, and
// a page that then calls notFound() for a non-member would answer 200 instead of 404.

// An unexpected failure in a dashboard page. The message is generic on purpose: an error's text
// can quote a query's values (a signer's name or email), so only the digest is shown, which
// matches the entry in the server's log.
export default function DashboardError({ error, retry }: { error: unknown; retry?: () => void }) {
  const digest =
    error && typeof error === "object" && "digest" in error && typeof error.digest === "string" ? error.digest : undefined;
  return (
    <div className="stack">
      <h1>Something went wrong</h1>
      <p role="alert">This page could not be shown because of an error on our side. Try again in a moment.</p>
      {digest && (
        <p className="muted">
          If it keeps happening, give this reference to whoever runs this site: <code>{digest}</code>
        </p>
      )}
      <div className="actions">
        {retry && (
          <button type="button" className="btn" onClick={() => retry()}>
            Try again
          </button>
        )}
        <Link href="/dashboard" className="btn btn--secondary">
          Back to your appeals
        </Link>
      </div>
    </div>
  );
}
