"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { Field, FormMessage } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/schemas/form-state";

type Props = {
  mode: "edit" | "add";
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  appealId: string;
  signatureId?: string;
  /** Text values, and "on" or "" for the checkboxes. */
  defaults: Record<string, string>;
  countries: { code: string; name: string }[];
  /** What the signer chose to hide: a coordinator may not show it. */
  locked?: { showName: boolean; showCountry: boolean };
  cancelHref: string;
};

/** A signature's display fields: the coordinator's edit form, and "Add a signatory". */
export function SignatureDisplayForm({ mode, action, appealId, signatureId, defaults, countries, locked, cancelHref }: Props) {
  const [state, formAction] = useActionState(action, { status: "idle" } as FormState);
  const values = state.values ? { ...state.values, showName: state.values.showName ?? "", showCountry: state.values.showCountry ?? "" } : defaults;
  const errors = state.fieldErrors ?? {};
  const v = (k: string) => values[k] ?? "";
  // Remount a control when the server sends values back, so it shows them.
  const k = (name: string) => `${name}-${v(name)}-${state.values ? "sent" : "initial"}`;
  const [kind, setKind] = useState(v("kind") || "ORGANISATION");
  const isOrganisation = (mode === "add" ? kind : defaults.kind) === "ORGANISATION";

  const checkbox = (name: "showName" | "showCountry", label: string, lockedHint: string) => {
    const isLocked = locked?.[name] ?? false;
    const errorId = errors[name] ? `cb-${name}-error` : undefined;
    const hintId = isLocked ? `cb-${name}-hint` : undefined;
    return (
      <div className="check">
        <input
          type="checkbox"
          id={`cb-${name}`}
          name={name}
          defaultChecked={v(name) === "on"}
          key={k(name)}
          disabled={isLocked}
          aria-invalid={errorId ? true : undefined}
          aria-describedby={[errorId, hintId].filter(Boolean).join(" ") || undefined}
        />
        <label htmlFor={`cb-${name}`}>{label}</label>
        {hintId && <p id={hintId} className="hint muted" style={{ gridColumn: 2, margin: 0 }}>{lockedHint}</p>}
        {errorId && <p id={errorId} className="field-error">{errors[name]!.join(" ")}</p>}
      </div>
    );
  };

  return (
    <form action={formAction} className="stack" noValidate>
      <input type="hidden" name="appealId" value={appealId} />
      {signatureId && <input type="hidden" name="signatureId" value={signatureId} />}
      <FormMessage state={state} />
      {mode === "add" && (
        <fieldset className="stack" aria-describedby={errors.kind ? "kind-error" : undefined}>
          <legend>Who signs</legend>
          <label className="radio">
            <input type="radio" name="kind" value="ORGANISATION" defaultChecked={kind === "ORGANISATION"} onChange={() => setKind("ORGANISATION")} /> An organisation
          </label>
          <label className="radio">
            <input type="radio" name="kind" value="INDIVIDUAL" defaultChecked={kind === "INDIVIDUAL"} onChange={() => setKind("INDIVIDUAL")} /> An individual
          </label>
          {errors.kind && <p id="kind-error" className="field-error">{errors.kind.join(" ")}</p>}
        </fieldset>
      )}
      <Field label="Full name" name="name" errors={errors.name} hint={isOrganisation ? "The person who signs for the organisation." : undefined}>
        {(p) => <input {...p} type="text" autoComplete="off" maxLength={120} defaultValue={v("name")} key={k("name")} />}
      </Field>
      <Field label="Role or title" name="role" errors={errors.role} hint="Optional.">
        {(p) => <input {...p} type="text" autoComplete="off" maxLength={120} defaultValue={v("role")} key={k("role")} />}
      </Field>
      <Field label={isOrganisation ? "Organisation" : "Organisation (optional)"} name="organisation" errors={errors.organisation}>
        {(p) => <input {...p} type="text" autoComplete="off" maxLength={200} defaultValue={v("organisation")} key={k("organisation")} />}
      </Field>
      <Field label="Country" name="country" errors={errors.country}>
        {(p) => (
          <select {...p} defaultValue={v("country")} key={k("country")}>
            <option value="">No country</option>
            {countries.map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}
          </select>
        )}
      </Field>
      {mode === "add" && (
        <Field
          label="Email address (optional)"
          name="email"
          errors={errors.email}
          hint="Never published. With an address, the same person cannot sign a second time online."
        >
          {(p) => <input {...p} type="email" inputMode="email" autoComplete="off" maxLength={254} defaultValue={v("email")} key={k("email")} />}
        </Field>
      )}
      <fieldset className="stack">
        <legend>What the public page and the letter show</legend>
        {checkbox("showName", "Show the name", "The signer chose to hide their name. Only they can show it.")}
        {checkbox("showCountry", "Show the country", "The signer chose to hide their country. Only they can show it.")}
      </fieldset>
      <div className="actions">
        <SubmitButton pendingLabel={mode === "add" ? "Adding…" : "Saving…"}>{mode === "add" ? "Add the signatory" : "Save changes"}</SubmitButton>
        <Link href={cancelHref}>Cancel</Link>
      </div>
    </form>
  );
}
