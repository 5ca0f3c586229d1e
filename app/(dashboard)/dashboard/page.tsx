import type { Metadata } from "next";
import Link from "next/link";
import { StatusBadge } from "@/components/appeals/status-badge";
import { formatDeadline } from "@/lib/appeals/format-date";
import { listMyAppeals } from "@/lib/appeals/list-my-appeals";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Dashboard" };

// Last activity is a day; the deadline is an instant, shown as the clock reads where it was set.
const date = (d: Date) => new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" }).format(d);

export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ archived?: string; deleted?: string }> }) {
  const { archived, deleted } = await searchParams;
  const user = await requireUser("/dashboard");
  const showArchived = archived === "1";
  const appeals = await listMyAppeals({ userId: user.id, archived: showArchived });
  return (
    <div className="stack">
      <div className="actions" style={{ justifyContent: "space-between" }}>
        <h1 style={{ margin: 0 }}>{showArchived ? "Archived appeals" : "Your appeals"}</h1>
        <Link href="/dashboard/appeals/new" className="btn">New appeal</Link>
      </div>
      <p className="muted">
        Signed in as {user.email}.{" "}
        {showArchived ? <Link href="/dashboard">Show current appeals</Link> : <Link href="/dashboard?archived=1">Show archived appeals</Link>}
      </p>
      {deleted && <p className="form-message form-message--ok" role="status">The appeal was deleted.</p>}
      {appeals.length === 0 ? (
        <div className="card stack">
          {showArchived ? (
            <p>No archived appeals.</p>
          ) : (
            <>
              <p>You do not coordinate any appeal yet.</p>
              <p>Write a letter, invite the organisations you work with to coordinate it with you, and publish it to collect signatures.</p>
            </>
          )}
        </div>
      ) : (
        <ul className="list-plain stack">
          {appeals.map((a) => (
            <li key={a.id} className="card stack">
              <h2 style={{ margin: 0, fontSize: "1.15rem" }}>
                <Link href={`/dashboard/appeals/${a.id}`}>{a.title}</Link>
              </h2>
              <p style={{ margin: 0 }}>
                <StatusBadge status={a.status} />{" "}
                <span className="muted">
                  {a.deadline ? `Deadline ${formatDeadline(a.deadline, a.deadlineTimeZone)} · ` : ""}Last activity {date(a.lastActivity)}
                </span>
              </p>
              <p style={{ margin: 0 }} className="muted">
                {a.counts.PUBLIC} public · {a.counts.PENDING_EMAIL + a.counts.PENDING_REVIEW} pending ·{" "}
                {a.counts.REJECTED} rejected · {a.counts.WITHDRAWN} withdrawn
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
