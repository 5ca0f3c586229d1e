import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { listMyAppeals } from "@/lib/appeals/list-my-appeals";

export const metadata: Metadata = { title: "Dashboard" };

const statusLabel = { DRAFT: "Draft", OPEN: "Open for signatures", CLOSED: "Closed" } as const;

export default async function DashboardPage() {
  const user = await requireUser("/dashboard");
  const appeals = await listMyAppeals({ userId: user.id });
  return (
    <div className="stack">
      <h1>Your appeals</h1>
      <p className="muted">Signed in as {user.email}</p>
      {appeals.length === 0 ? (
        <div className="card">
          <p>You do not coordinate any appeal yet.</p>
        </div>
      ) : (
        <ul className="list-plain stack">
          {appeals.map((a) => (
            <li key={a.id} className="card">
              <h2 style={{ margin: 0, fontSize: "1.15rem" }}>
                <Link href={`/a/${a.slug}`}>{a.title}</Link>
              </h2>
              <p className="muted" style={{ margin: ".25rem 0 0" }}>
                {statusLabel[a.status]}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
