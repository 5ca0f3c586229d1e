"use client";

import { useActionState, useRef } from "react";
import { useFormStatus } from "react-dom";
import Link from "next/link";
import { FormMessage } from "@/components/ui/field";
import { reviewSignaturesAction } from "@/lib/actions/review";
import type { SignatureStatus } from "@/lib/generated/prisma/enums";
import { idleState } from "@/lib/schemas/form-state";
import { STATUS_LABELS } from "./labels";
import styles from "./review.module.css";

export interface ReviewTableRow {
  id: string;
  kind: "ORGANISATION" | "INDIVIDUAL";
  status: SignatureStatus;
  name: string;
  role: string;
  organisation: string;
  country: string;
  showName: boolean;
  showCountry: boolean;
  domainVerified: boolean;
  freeMail: boolean;
  addedByCoordinator: boolean;
  signedVersion: number | null;
  signedAt: string;
}

/**
 * The queue as one form: tick rows and approve or reject them together, or use a row's own
 * button. Works without JavaScript; with it, "Select all" ticks every row of the page.
 */
export function ReviewTable({
  appealId,
  rows,
  latestVersion,
  caption,
  editBase,
  emptyMessage,
}: {
  appealId: string;
  rows: ReviewTableRow[];
  latestVersion: number | null;
  caption: string;
  editBase: string;
  /** Shown instead of the table; the form stays, so the outcome of the last decision stays too. */
  emptyMessage: string;
}) {
  const [state, action] = useActionState(reviewSignaturesAction, idleState);
  const formRef = useRef<HTMLFormElement>(null);
  const canApprove = rows.some((r) => r.status === "PENDING_REVIEW");
  const canReject = rows.some((r) => r.status === "PENDING_REVIEW" || r.status === "PUBLIC");
  const selectable = (r: ReviewTableRow) => r.status === "PENDING_REVIEW" || r.status === "PUBLIC";

  const selectAll = (checked: boolean) => {
    formRef.current?.querySelectorAll<HTMLInputElement>('input[name="ids"]').forEach((box) => {
      box.checked = checked;
    });
  };

  return (
    <form ref={formRef} action={action} className="stack" aria-label="Review signatures">
      <input type="hidden" name="appealId" value={appealId} />
      <FormMessage state={state} />
      {(canApprove || canReject) && (
        <div className={styles.bulk}>
          {canApprove && <Button name="decision" value="approve" pendingLabel="Approving…">Approve selected</Button>}
          {canReject && <Button name="decision" value="reject" pendingLabel="Rejecting…" secondary>Reject selected</Button>}
        </div>
      )}
      {rows.length === 0 && <p>{emptyMessage}</p>}
      {/* Focusable and named, so that keyboard users can scroll it when it is wider than the screen. */}
      {rows.length > 0 && <div className={`table-wrap ${styles.wrap}`} role="region" aria-labelledby="review-caption" tabIndex={0}>
        <table className={styles.table}>
          <caption id="review-caption" className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">
                {canReject ? (
                  <input type="checkbox" className={styles.select} aria-label="Select all signatures on this page" onChange={(e) => selectAll(e.currentTarget.checked)} />
                ) : (
                  <span className="visually-hidden">Select</span>
                )}
              </th>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Organisation</th>
              <th scope="col">Country</th>
              <th scope="col">Type</th>
              <th scope="col">Status</th>
              <th scope="col">Checks</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const who = r.name || r.organisation || "this signature";
              return (
                // The status in the key resets a row's checkbox once a decision moves it on.
                <tr key={`${r.id}-${r.status}`}>
                  <td className={styles.selectCell}>
                    {selectable(r) && <input type="checkbox" name="ids" value={r.id} className={styles.select} aria-label={`Select ${who}`} />}
                  </td>
                  <th scope="row">
                    {r.status === "WITHDRAWN" ? <span className="muted">Withdrawn signer</span> : r.name}
                  </th>
                  <td data-label="Role">{r.role}</td>
                  <td data-label="Organisation">{r.organisation}</td>
                  <td data-label="Country">{r.country}</td>
                  <td data-label="Type">{r.kind === "ORGANISATION" ? "Organisation" : "Individual"}</td>
                  <td data-label="Status">
                    {STATUS_LABELS[r.status]}
                    <br />
                    <span className="muted">{r.signedAt}</span>
                  </td>
                  <td data-label="Checks">
                    <Flags row={r} latestVersion={latestVersion} />
                  </td>
                  <td className={styles.actionsCell}>
                    <div className={styles.rowActions}>
                      {r.status === "PENDING_REVIEW" && (
                        <Button name="approveOne" value={r.id} pendingLabel="Approving…">
                          Approve<span className="visually-hidden"> {who}</span>
                        </Button>
                      )}
                      {(r.status === "PENDING_REVIEW" || r.status === "PUBLIC") && (
                        <Button name="rejectOne" value={r.id} pendingLabel="Rejecting…" secondary>
                          Reject<span className="visually-hidden"> {who}</span>
                        </Button>
                      )}
                      {r.status !== "WITHDRAWN" && (
                        <Link href={`${editBase}/${r.id}/edit`} className="btn btn--secondary">
                          Edit<span className="visually-hidden"> {who}</span>
                        </Link>
                      )}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>}
    </form>
  );
}

function Flags({ row: r, latestVersion }: { row: ReviewTableRow; latestVersion: number | null }) {
  const flags: [string, string][] = [];
  if (r.domainVerified) flags.push(["Domain verified", styles.ok!]);
  if (r.freeMail) flags.push(["Free mail for an organisation", styles.warn!]);
  if (r.addedByCoordinator) flags.push(["Added by a coordinator", ""]);
  if (!r.showName && r.status !== "WITHDRAWN") flags.push(["Name hidden", ""]);
  if (!r.showCountry && r.country) flags.push(["Country hidden", ""]);
  if (r.signedVersion !== null && latestVersion !== null && r.signedVersion < latestVersion) {
    flags.push([`Signed version ${r.signedVersion} (latest ${latestVersion})`, styles.warn!]);
  }
  if (flags.length === 0) return null;
  return (
    <ul className={styles.flags}>
      {flags.map(([label, tone]) => (
        <li key={label} className={`${styles.flag} ${tone}`}>{label}</li>
      ))}
    </ul>
  );
}

/** Disabled with the whole form while it is pending; only the button that was pressed says so. */
function Button({
  name,
  value,
  pendingLabel,
  secondary,
  children,
}: {
  name: string;
  value: string;
  pendingLabel: string;
  secondary?: boolean;
  children: React.ReactNode;
}) {
  const { pending, data } = useFormStatus();
  const mine = pending && data?.get(name) === value;
  return (
    <button type="submit" name={name} value={value} className={secondary ? "btn btn--secondary" : "btn"} disabled={pending} aria-disabled={pending}>
      {mine ? pendingLabel : children}
    </button>
  );
}
