import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LetterOrderControl } from "@/components/signatures/review/letter-order-control";
import { NotifyPreferenceForm } from "@/components/signatures/review/notify-preference-form";
import { ReviewTable } from "@/components/signatures/review/review-table";
import { StatusTabs } from "@/components/signatures/review/status-tabs";
import { STATUS_LABELS } from "@/components/signatures/review/labels";
import styles from "@/components/signatures/review/review.module.css";
import { requireUser } from "@/lib/auth/session";
import { countryName } from "@/lib/countries";
import { isAppError } from "@/lib/errors";
import { reviewQuerySchema } from "@/lib/schemas/review";
import { listLetterOrder } from "@/lib/signatures/review/list-letter-order";
import { listSignatures } from "@/lib/signatures/review/list-signatures";

export const metadata: Metadata = { title: "Signatures" };

const day = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

const SAVED = {
  edited: "Saved. The public page and the letter show the change.",
  unchanged: "Nothing was changed.",
  added: "Added. The signatory is public now, marked as added by a coordinator.",
} as const;

export default async function SignaturesPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const raw = await searchParams;
  const query = reviewQuerySchema.parse({ status: raw.status, q: raw.q, cursor: raw.cursor });
  const saved = typeof raw.saved === "string" && raw.saved in SAVED ? SAVED[raw.saved as keyof typeof SAVED] : null;
  const user = await requireUser(`/dashboard/appeals/${id}/signatures`);
  const q = query.q ?? "";
  const load = (status: (typeof query)["status"]) =>
    listSignatures({ userId: user.id, appealId: id, status: status === "all" ? undefined : status, q, cursor: query.cursor });
  const loaded = await (async () => {
    // Without a filter in the address, show what awaits review, or everything when nothing does.
    if (query.status) return { status: query.status, data: await load(query.status) };
    const pending = await load("PENDING_REVIEW");
    if (pending.counts.PENDING_REVIEW > 0) return { status: "PENDING_REVIEW" as const, data: pending };
    return { status: "all" as const, data: await load("all") };
  })().catch((err) => {
    if (isAppError(err, "NOT_FOUND")) notFound();
    throw err;
  });
  const { status } = loaded;
  const { appeal, viewer, counts, latestVersion, signatures, nextCursor } = loaded.data;
  const letterOrder = await listLetterOrder({ userId: user.id, appealId: id });

  const base = `/dashboard/appeals/${appeal.id}/signatures`;
  const filterLabel = status === "all" ? "All signatures" : STATUS_LABELS[status];
  const pageQuery = `status=${status}${q ? `&q=${encodeURIComponent(q)}` : ""}`;
  return (
    <div className={`stack ${styles.page}`}>
      <Link href={`/dashboard/appeals/${appeal.id}`} className="back-link">
        <span aria-hidden="true">← </span>
        {appeal.title}
      </Link>
      <h1>Signatures</h1>
      {saved && <p className="form-message form-message--ok" role="status">{saved}</p>}
      <p className="muted">
        {appeal.requireApproval
          ? "New signatures appear on the public page and in the letter only after a coordinator approves them."
          : "New signatures appear on the public page and in the letter as soon as the signer confirms their email address."}
      </p>
      <p>
        <Link href={`${base}/new`} className="btn btn--secondary">Add a signatory</Link>
      </p>

      <section aria-labelledby="queue-heading" className="stack">
        <h2 id="queue-heading">Review</h2>
        <StatusTabs base={base} current={status} counts={counts} q={q} />
        <form method="get" action={base} className={styles.search} role="search" aria-label="Signatures">
          <input type="hidden" name="status" value={status} />
          <div className="field">
            <label htmlFor="review-q">Search</label>
            <p id="review-q-hint" className="hint" style={{ margin: 0 }}>Name, organisation, email address or country.</p>
            <div className={styles.searchRow}>
              <input id="review-q" name="q" type="search" defaultValue={q} maxLength={200} aria-describedby="review-q-hint" />
              <button type="submit" className="btn btn--secondary">Search</button>
            </div>
          </div>
          {q && <Link href={`${base}?status=${status}`}>Clear the search</Link>}
        </form>
        <ReviewTable
          // A new filter starts afresh; a decision keeps its message even when it empties the list.
          key={`${query.status ?? "default"}-${q}-${query.cursor ?? ""}`}
          appealId={appeal.id}
          latestVersion={latestVersion}
          caption={`${filterLabel}${q ? `, matching “${q}”` : ""}${query.cursor ? ", older" : ""}`}
          editBase={base}
          emptyMessage={q ? `No signatures match “${q}” here.` : "No signatures here."}
          rows={signatures.map((s) => ({
            id: s.id,
            kind: s.kind,
            status: s.status,
            name: s.name,
            role: s.role,
            organisation: s.organisation,
            country: s.country ? countryName(s.country, "en") : "",
            showName: s.showName,
            showCountry: s.showCountry,
            domainVerified: s.domainVerified,
            freeMail: s.freeMail,
            addedByCoordinator: s.addedByCoordinator,
            signedVersion: s.signedVersion,
            signedAt: day.format(s.confirmedAt ?? s.createdAt),
          }))}
        />
        {(nextCursor || query.cursor) && (
          <p className={styles.pager}>
            {nextCursor && <Link href={`${base}?${pageQuery}&cursor=${encodeURIComponent(nextCursor)}`}>Next 50</Link>}
            {query.cursor && <Link href={`${base}?${pageQuery}`}>Back to the newest</Link>}
          </p>
        )}
      </section>

      <section aria-labelledby="order-heading" className="card stack">
        <h2 id="order-heading" style={{ margin: 0 }}>Order in the letter</h2>
        <p className="muted" style={{ margin: ".5rem 0 0" }}>
          The public page and the letter list organisations first, then individuals, each in this order.
        </p>
        <LetterOrderControl appealId={appeal.id} order={letterOrder.order} items={letterOrder.items} />
      </section>

      <section aria-labelledby="downloads-heading" className="card stack">
        <h2 id="downloads-heading" style={{ margin: 0 }}>Downloads</h2>
        <ul className={styles.downloads}>
          <li>
            <a href={`/dashboard/appeals/${appeal.id}/signatures.csv`} download>All signatures (CSV)</a>{" "}
            <span className="muted">with email addresses and hidden names: for coordinators only.</span>
          </li>
          {appeal.status !== "DRAFT" && (
            <li>
              <a href={`/a/${appeal.slug}/signatories.csv`} download>Public list of signatories (CSV)</a>{" "}
              <span className="muted">as the public page shows it; anyone can download it.</span>
            </li>
          )}
        </ul>
      </section>

      <section aria-labelledby="notify-heading" className="card stack">
        <h2 id="notify-heading" style={{ margin: 0 }}>Notifications</h2>
        <NotifyPreferenceForm appealId={appeal.id} notify={viewer.notify} />
      </section>
    </div>
  );
}
