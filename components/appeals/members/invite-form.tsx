"use client";

import { useActionState } from "react";
import { Field, FormMessage } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { inviteMemberAction } from "@/lib/actions/members";
import { idleState, type FormState } from "@/lib/schemas/form-state";

/** The owner's form to invite a co-coordinator by email. */
export function InviteForm({ appealId }: { appealId: string }) {
  const [state, action] = useActionState(inviteMemberAction, idleState as FormState<"email">);
  return (
    <section className="card stack">
      <h2 id="invite-heading" style={{ margin: 0 }}>
        Invite a co-coordinator
      </h2>
      <p className="muted" style={{ margin: ".5rem 0 0" }}>
        They join as an editor: they can edit, publish and close the appeal and review signatures. Only the owner invites
        or removes coordinators and can delete the appeal.
      </p>
      <form action={action} noValidate className="stack" aria-labelledby="invite-heading">
        <input type="hidden" name="appealId" value={appealId} />
        <Field label="Email address" name="email" errors={state.fieldErrors?.email} hint="We email them a link that signs them in and opens this appeal.">
          {(props) => <input {...props} type="email" inputMode="email" autoComplete="off" defaultValue={state.values?.email ?? ""} />}
        </Field>
        <FormMessage state={state} />
        <SubmitButton pendingLabel="Sending invitation…">Send invitation</SubmitButton>
      </form>
    </section>
  );
}
