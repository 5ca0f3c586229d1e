"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { setNotifyPreferenceAction } from "@/lib/actions/review";
import { idleState } from "@/lib/schemas/form-state";
import styles from "./review.module.css";

const CHOICES: ["EACH" | "DIGEST" | "NONE", string][] = [
  ["EACH", "An email for each new confirmed signature"],
  ["DIGEST", "A daily digest, on days with new signatures"],
  ["NONE", "No emails"],
];

/** The current coordinator's own choice; each coordinator of the appeal chooses for themself. */
export function NotifyPreferenceForm({ appealId, notify }: { appealId: string; notify: "EACH" | "DIGEST" | "NONE" }) {
  const [state, action] = useActionState(setNotifyPreferenceAction, idleState);
  return (
    <form action={action} className="stack">
      <input type="hidden" name="appealId" value={appealId} />
      <FormMessage state={state} />
      <fieldset className={styles.choices}>
        <legend>Email me about new signatures</legend>
        {CHOICES.map(([value, label]) => (
          <label key={value} className="radio">
            <input type="radio" name="notify" value={value} defaultChecked={notify === value} key={`${value}-${notify}`} /> {label}
          </label>
        ))}
      </fieldset>
      <div>
        <SubmitButton pendingLabel="Saving…" className="btn btn--secondary">Save my choice</SubmitButton>
      </div>
    </form>
  );
}
