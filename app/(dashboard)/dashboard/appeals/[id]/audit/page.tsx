import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import styles from "@/components/appeals/members/members.module.css";
import { describeAuditEvent } from "@/lib/audit/describe-audit-event";
import { listAuditEvents } from "@/lib/audit/list-audit";
import { requireUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { auditCursorSchema } from "@/lib/schemas/members";

export const metadata: Metadata = { title: "Audit log" };

const when = new Intl.DateTimeFormat("en-GB", {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
  timeZoneName: "short",
});

export default async function AuditLogPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ cursor?: string | string[] }>;
}) {
  const { id } = await params;
  const cursor = auditCursorSchema.safeParse((await searchParams).cursor).data;
  const user = await requireUser(`/dashboard/appeals/${id}/audit`);
  const { appeal, events, nextCursor } = await listAuditEvents({ userId: user.id, appealId: id, cursor }).catch((err) => {
    if (isAppError(err, "NOT_FOUND")) notFound();
    throw err;
  });
  const base = `/dashboard/appeals/${appeal.id}/audit`;
  return (
    <div className={`stack ${styles.page}`}>
      <Link href={`/dashboard/appeals/${appeal.id}`} className="back-link">
        <span aria-hidden="true">← </span>
        {appeal.title}
      </Link>
      <h1>Audit log</h1>
      <p className="muted">Who changed what on this appeal, newest first. Times are in UTC.</p>
      {events.length === 0 ? (
        <p>Nothing has been recorded yet.</p>
      ) : (
        // Focusable and named, so that keyboard users can scroll it when it is wider than the screen.
        <div className="table-wrap" role="region" aria-labelledby="audit-caption" tabIndex={0}>
          <table className={styles.auditTable}>
            <caption id="audit-caption" className="visually-hidden">
              Audit log{cursor ? ", older entries" : ""}
            </caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id}>
                  <td>
                    <time dateTime={e.createdAt.toISOString()}>{when.format(e.createdAt)}</time>
                  </td>
                  <td>{e.actorLabel === "automatic" ? <span className="muted">automatic</span> : e.actorLabel}</td>
                  <td>{describeAuditEvent(e.action, e.details)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(nextCursor || cursor) && (
        <p className={styles.pager}>
          {nextCursor && <Link href={`${base}?cursor=${encodeURIComponent(nextCursor)}`}>Load older</Link>}
          {cursor && <Link href={base}>Back to the newest</Link>}
        </p>
      )}
    </div>
  );
}
