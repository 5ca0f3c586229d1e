"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { useFormStatus } from "react-dom";
import { FormMessage } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { removeMemberAction, transferOwnershipAction } from "@/lib/actions/members";
import { idleState } from "@/lib/schemas/form-state";
import styles from "./members.module.css";

export interface MemberListItem {
  userId: string;
  email: string;
  name: string | null;
  role: "OWNER" | "EDITOR";
  joined: string;
  signedIn: boolean;
}

/**
 * The coordinators with the controls the viewer may use: the owner removes editors and hands over
 * ownership (after a second, explicit confirmation); an editor can only leave.
 */
export function MemberList({
  appealId,
  viewerId,
  viewerRole,
  members,
}: {
  appealId: string;
  viewerId: string;
  viewerRole: "OWNER" | "EDITOR";
  members: MemberListItem[];
}) {
  const [removeState, removeAction] = useActionState(removeMemberAction, idleState);
  const [transferState, transferAction] = useActionState(transferOwnershipAction, idleState);
  // Both kinds of form report in one place: show the outcome of the one submitted last.
  const [last, setLast] = useState<"remove" | "transfer">("remove");
  const [confirming, setConfirming] = useState<string | null>(null);
  const [cancelled, setCancelled] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);

  // Focus follows the confirmation step: onto its button when it opens, back when it is cancelled.
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (cancelled) document.getElementById(`make-owner-${cancelled}`)?.focus();
  }, [confirming, cancelled]);

  return (
    <div className="stack">
      <FormMessage state={last === "transfer" ? transferState : removeState} />
      <ul className={`list-plain ${styles.list}`}>
        {members.map((m) => {
          const isViewer = m.userId === viewerId;
          const canManage = viewerRole === "OWNER" && m.role === "EDITOR";
          return (
            <li key={m.userId} className={styles.member}>
              <div className={styles.who}>
                <span className={styles.email}>
                  {m.name ? (
                    <>
                      {m.name} <span className="muted">({m.email})</span>
                    </>
                  ) : (
                    m.email
                  )}
                  {isViewer && " (you)"}
                </span>
                <span className={styles.meta}>
                  <span className="badge">{m.role === "OWNER" ? "Owner" : "Editor"}</span>
                  <span className="muted">{m.signedIn ? `Added ${m.joined}` : "Invited, not signed in yet"}</span>
                </span>
              </div>
              {canManage && confirming !== m.userId && (
                <div className="actions">
                  <form action={removeAction} onSubmit={() => setLast("remove")}>
                    <input type="hidden" name="appealId" value={appealId} />
                    <input type="hidden" name="memberUserId" value={m.userId} />
                    <SubmitButton className="btn btn--secondary" pendingLabel="Removing…">
                      Remove<span className="visually-hidden"> {m.email}</span>
                    </SubmitButton>
                  </form>
                  <button
                    type="button"
                    id={`make-owner-${m.userId}`}
                    className="btn btn--secondary"
                    onClick={() => {
                      setCancelled(null);
                      setConfirming(m.userId);
                    }}
                  >
                    Make owner<span className="visually-hidden"> {m.email}</span>
                  </button>
                </div>
              )}
              {canManage && confirming === m.userId && (
                <form action={transferAction} onSubmit={() => setLast("transfer")} className={styles.confirm}>
                  <input type="hidden" name="appealId" value={appealId} />
                  <input type="hidden" name="toUserId" value={m.userId} />
                  <input type="hidden" name="confirm" value="yes" />
                  <p id={`transfer-${m.userId}`}>
                    Make {m.email} the owner of this appeal? You become an editor: only the new owner can then invite or
                    remove coordinators and delete the appeal.
                  </p>
                  <div className="actions">
                    <ConfirmButton buttonRef={confirmRef} describedBy={`transfer-${m.userId}`}>
                      Yes, hand over ownership
                    </ConfirmButton>
                    <button
                      type="button"
                      className="btn btn--secondary"
                      onClick={() => {
                        setCancelled(m.userId);
                        setConfirming(null);
                      }}
                    >
                      Cancel
                    </button>
                  </div>
                </form>
              )}
              {isViewer && viewerRole === "EDITOR" && (
                <form action={removeAction} onSubmit={() => setLast("remove")}>
                  <input type="hidden" name="appealId" value={appealId} />
                  <input type="hidden" name="memberUserId" value={m.userId} />
                  <SubmitButton className="btn btn--secondary" pendingLabel="Leaving…">
                    Leave this appeal
                  </SubmitButton>
                </form>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** SubmitButton's pending behaviour, plus a ref so that opening the confirmation moves focus to it. */
function ConfirmButton({
  buttonRef,
  describedBy,
  children,
}: {
  buttonRef: React.Ref<HTMLButtonElement>;
  describedBy: string;
  children: React.ReactNode;
}) {
  const { pending } = useFormStatus();
  return (
    <button ref={buttonRef} type="submit" className="btn" disabled={pending} aria-disabled={pending} aria-describedby={describedBy}>
      {pending ? "Handing over…" : children}
    </button>
  );
}
