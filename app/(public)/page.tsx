import Link from "next/link";
import { cachedPublicAppeals } from "@/lib/appeals/public-cache";

// Rendered per request (a build must not open the database); the data itself is cached.
export const dynamic = "force-dynamic";

export default async function HomePage() {
  const appeals = await cachedPublicAppeals();
  return (
    <div className="stack">
      <h1>Open letters, signed together</h1>
      <p>
        Undersigned lets coalitions of organisations and individuals sign open letters and joint statements, verified by
        email, and send the signed letter as a PDF anyone can check.
      </p>
      <h2>Appeals</h2>
      {appeals.length === 0 ? (
        <p className="muted">No appeal has been published yet.</p>
      ) : (
        <ul className="list-plain stack">
          {appeals.map((a) => (
            <li key={a.slug} className="card">
              <h3 style={{ margin: 0 }}>
                <Link href={`/a/${a.slug}`}>{a.title}</Link>
              </h3>
              {a.summary && <p style={{ margin: ".5rem 0 0" }}>{a.summary}</p>}
              <p className="muted" style={{ margin: ".5rem 0 0" }}>
                {a.status === "OPEN" ? "Open for signatures" : "Closed"}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
