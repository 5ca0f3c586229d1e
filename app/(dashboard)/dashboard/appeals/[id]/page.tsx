import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LifecycleButtons } from "@/components/appeals/lifecycle-buttons";
import { StatusBadge } from "@/components/appeals/status-badge";
import { LetterSection } from "@/components/letter/letter-section";
import { getAppealOverview } from "@/lib/appeals/get-appeal-overview";
import { requireUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";

export const metadata: Metadata = { title: "Appeal" };

const when = (d: Date, zone = "UTC") =>
  new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: zone }).format(d) + ` (${zone.replace(/_/g, " ")})`;

export default async function AppealOverviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ saved?: string; version?: string }>;
}) {
  const { id } = await params;
  const { saved, version } = await searchParams;
  const user = await requireUser(`/dashboard/appeals/${id}`);
  const { appeal, role, counts, latestVersion } = await getAppealOverview({ userId: user.id, appealId: id }).catch((err) => {
    if (isAppError(err, "NOT_FOUND")) notFound();
    throw err;
  });
  const ops = [
    // An archived draft is restored first: publishing it would leave an open appeal hidden from the dashboard.
    ...(appeal.status === "DRAFT" && !appeal.archivedAt ? (["publish"] as const) : []),
    ...(appeal.status === "OPEN" ? (["close"] as const) : []),
    ...(appeal.status === "CLOSED" && !appeal.archivedAt ? (["reopen"] as const) : []),
    ...(appeal.status !== "OPEN" && !appeal.archivedAt ? (["archive"] as const) : []),
    ...(appeal.archivedAt ? (["restore"] as const) : []),
    ...(role === "OWNER" ? (["delete"] as const) : []),
  ];
  return (
    <div className="stack">
      <Link href="/dashboard" className="back-link">← Your appeals</Link>
      <h1>{appeal.title}</h1>
      <p>
        <StatusBadge status={appeal.status} /> {appeal.archivedAt && <span className="badge">Archived</span>}{" "}
        <span className="muted">You are {role === "OWNER" ? "the owner" : "an editor"}.</span>
      </p>
      {saved && (
        <p className="form-message form-message--ok" role="status">
          Saved.{version ? ` The text is now version ${version}.` : ""}
        </p>
      )}
      <nav aria-label="Appeal">
        <ul className="subnav">
          <li><Link href={`/dashboard/appeals/${id}/edit`}>Edit</Link></li>
          <li><Link href={`/dashboard/appeals/${id}/preview`}>Preview the letter</Link></li>
          <li><Link href={`/dashboard/appeals/${id}/signatures`}>Signatures</Link></li>
          <li><Link href={`/dashboard/appeals/${id}/members`}>Coordinators</Link></li>
          <li><Link href={`/dashboard/appeals/${id}/audit`}>Audit log</Link></li>
          {appeal.status !== "DRAFT" && <li><Link href={`/a/${appeal.slug}`}>Public page</Link></li>}
        </ul>
      </nav>
      <section aria-labelledby="signatures-heading" className="stack">
        <h2 id="signatures-heading">Signatures</h2>
        <dl className="stats">
          <div><dt>Public</dt><dd>{counts.PUBLIC}</dd></div>
          <div><dt>Awaiting email confirmation</dt><dd>{counts.PENDING_EMAIL}</dd></div>
          <div><dt>Awaiting review</dt><dd>{counts.PENDING_REVIEW}</dd></div>
          <div><dt>Rejected</dt><dd>{counts.REJECTED}</dd></div>
          <div><dt>Withdrawn</dt><dd>{counts.WITHDRAWN}</dd></div>
        </dl>
      </section>
      <section aria-labelledby="details-heading" className="card stack">
        <h2 id="details-heading" style={{ margin: 0 }}>Details</h2>
        <p style={{ margin: 0 }}>
          Public address: <code>/a/{appeal.slug}</code>
        </p>
        <p style={{ margin: 0 }}>
          Deadline: {appeal.deadline ? when(appeal.deadline, appeal.deadlineTimeZone ?? "UTC") : "none"}
        </p>
        <p style={{ margin: 0 }}>
          {latestVersion
            ? <>Text version {latestVersion.version}, SHA-256 <code>{latestVersion.sha256.slice(0, 16)}…</code>, of {when(latestVersion.createdAt)}</>
            : "The text gets version 1 when the appeal is published."}
        </p>
      </section>
      <LetterSection userId={user.id} appeal={appeal} />
      <section aria-labelledby="status-heading" className="stack">
        <h2 id="status-heading">Status</h2>
        {appeal.archivedAt && <p className="muted">Archived appeals are hidden from your dashboard list. Restore this one to publish or reopen it.</p>}
        <LifecycleButtons appealId={appeal.id} ops={ops} />
      </section>
    </div>
  );
}
