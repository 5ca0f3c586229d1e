import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { devOutboxPageEnabled, listDevOutbox } from "@/lib/email/dev-outbox";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Dev outbox", robots: { index: false } };

export default async function DevOutboxPage() {
  if (!devOutboxPageEnabled()) notFound();
  const messages = await listDevOutbox();
  return (
    <main id="main" className="stack">
      <h1>Dev outbox</h1>
      <p className="muted">
        With no SMTP_URL set, emails are written as .eml files to the data directory instead of being sent. The newest
        50 are shown here.
      </p>
      {messages.length === 0 && <p>No messages yet.</p>}
      {messages.map((m) => (
        <article key={m.file} className="card stack" aria-labelledby={`m-${m.file}`}>
          <h2 id={`m-${m.file}`} style={{ fontSize: "1.1rem", margin: 0 }}>
            {m.subject}
          </h2>
          <p className="muted" style={{ margin: 0 }}>
            To {m.to} · {m.date}
          </p>
          <pre className="mail">{m.text}</pre>
        </article>
      ))}
    </main>
  );
}
