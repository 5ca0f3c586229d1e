"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/schemas/form-state";

/** One button that acts on an emailed link's token (withdraw, send a new link), then says what happened. */
export function TokenActionForm({
  action,
  label,
  pendingLabel,
  danger,
}: {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  label: string;
  pendingLabel: string;
  danger?: boolean;
}) {
  const [state, formAction] = useActionState(action, { status: "idle" } as FormState);
  return (
    <div className="stack">
      <FormMessage state={state} />
      {state.status !== "success" && (
        <form action={formAction}>
          <SubmitButton pendingLabel={pendingLabel} className={danger ? "btn btn--danger" : "btn"}>{label}</SubmitButton>
        </form>
      )}
    </div>
  );
}
