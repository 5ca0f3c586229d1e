"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { appealLifecycleAction } from "@/lib/actions/appeals";
import type { FormState } from "@/lib/schemas/form-state";

type Op = "publish" | "close" | "reopen" | "archive" | "restore" | "delete";

const labels: Record<Op, [string, string]> = {
  publish: ["Publish", "Publishing…"],
  close: ["Close signing", "Closing…"],
  reopen: ["Reopen signing", "Reopening…"],
  archive: ["Archive", "Archiving…"],
  restore: ["Restore from archive", "Restoring…"],
  delete: ["Delete appeal", "Deleting…"],
};

export function LifecycleButtons({ appealId, ops }: { appealId: string; ops: Op[] }) {
  const [state, action] = useActionState(appealLifecycleAction, { status: "idle" } as FormState);
  const confirmError = state.fieldErrors?.confirm;
  return (
    <div className="stack">
      <FormMessage state={state} />
      <div className="actions">
        {ops.filter((op) => op !== "delete").map((op) => (
          <form key={op} action={action}>
            <input type="hidden" name="appealId" value={appealId} />
            <input type="hidden" name="op" value={op} />
            <SubmitButton pendingLabel={labels[op][1]} className={op === "publish" || op === "reopen" ? "btn" : "btn btn--secondary"}>
              {labels[op][0]}
            </SubmitButton>
          </form>
        ))}
      </div>
      {ops.includes("delete") && (
        <details className="danger-zone">
          <summary>Delete this appeal</summary>
          <form action={action} className="stack">
            <input type="hidden" name="appealId" value={appealId} />
            <input type="hidden" name="op" value="delete" />
            <div className="check">
              <input type="checkbox" id="confirm-delete" name="confirm" aria-describedby={confirmError ? "confirm-delete-error" : undefined} aria-invalid={confirmError ? true : undefined} />
              <label htmlFor="confirm-delete">Delete the appeal with its signatures, versions and audit log. This cannot be undone.</label>
              {confirmError && <p id="confirm-delete-error" className="field-error">{confirmError.join(" ")}</p>}
            </div>
            <SubmitButton pendingLabel={labels.delete[1]} className="btn btn--danger">{labels.delete[0]}</SubmitButton>
          </form>
        </details>
      )}
    </div>
  );
}
