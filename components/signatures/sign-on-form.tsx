"use client";

import { useActionState, useRef, useState } from "react";
import { Field, FormMessage } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { SignaturePadField } from "@/components/signatures/signature-pad-field";
import type { FormState } from "@/lib/schemas/form-state";

type Props = {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  allowOrganisations: boolean;
  allowIndividuals: boolean;
  drawnSignature: "OFF" | "OPTIONAL" | "REQUIRED";
  countries: { code: string; name: string }[];
};

/** The sign-on form. Its text fields work without JavaScript; drawing a signature needs it. */
export function SignOnForm({ action, allowOrganisations, allowIndividuals, drawnSignature, countries }: Props) {
  const [state, formAction] = useActionState(action, { status: "idle" } as FormState);
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  const defaultKind = values.kind ?? (allowOrganisations ? "organisation" : "individual");
  const [kind, setKind] = useState(defaultKind);
  const nameRef = useRef<HTMLInputElement>(null);
  const v = (k: string) => values[k] ?? "";
  const k = (name: string) => `${name}-${v(name)}`;

  return (
    <form action={formAction} className="stack sign-on-form" noValidate>
      <FormMessage state={state} />
      {allowOrganisations && allowIndividuals ? (
        <fieldset className="stack" aria-describedby={errors.kind ? "kind-error" : undefined}>
          <legend>I sign</legend>
          <label className="radio"><input type="radio" name="kind" value="organisation" defaultChecked={defaultKind === "organisation"} onChange={() => setKind("organisation")} /> on behalf of an organisation</label>
          <label className="radio"><input type="radio" name="kind" value="individual" defaultChecked={defaultKind === "individual"} onChange={() => setKind("individual")} /> as an individual</label>
          {errors.kind && <p id="kind-error" className="field-error">{errors.kind.join(" ")}</p>}
        </fieldset>
      ) : (
        <input type="hidden" name="kind" value={allowOrganisations ? "organisation" : "individual"} />
      )}

      <Field label="Full name" name="name" errors={errors.name}>
        {(p) => <input {...p} ref={nameRef} type="text" autoComplete="name" maxLength={120} defaultValue={v("name")} key={k("name")} />}
      </Field>
      <Field label="Role or title" name="role" errors={errors.role} hint="e.g. Director, Journalist. Optional.">
        {(p) => <input {...p} type="text" autoComplete="organization-title" maxLength={120} defaultValue={v("role")} key={k("role")} />}
      </Field>
      <Field label={kind === "organisation" ? "Organisation" : "Organisation (optional)"} name="organisation" errors={errors.organisation}>
        {(p) => <input {...p} type="text" autoComplete="organization" maxLength={200} defaultValue={v("organisation")} key={k("organisation")} />}
      </Field>
      {kind === "organisation" && (
        <Field label="Organisation's website (optional)" name="website" errors={errors.website} hint="If your email address is at the same domain, your signature is marked as verified for the organisation.">
          {(p) => <input {...p} type="text" inputMode="url" autoComplete="url" maxLength={200} defaultValue={v("website")} key={k("website")} />}
        </Field>
      )}
      <Field label="Country" name="country" errors={errors.country}>
        {(p) => (
          <select {...p} defaultValue={v("country")} key={k("country")} autoComplete="country">
            <option value="">Choose a country</option>
            {countries.map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}
          </select>
        )}
      </Field>
      <Field label="Email address" name="email" errors={errors.email} hint="Only to confirm your signature. It is never published, printed or shared.">
        {(p) => <input {...p} type="email" autoComplete="email" inputMode="email" maxLength={254} defaultValue={v("email")} key={k("email")} />}
      </Field>

      <fieldset className="stack" aria-describedby={errors.showName ? "display-error" : "display-hint"}>
        <legend>How your signature appears</legend>
        <p id="display-hint" className="hint">If signing puts you at risk, you can leave your name or your country off the public page and the letter.</p>
        <label className="radio"><input type="radio" name="display" value="name" defaultChecked={v("display") !== "organisation-only"} key={`dn-${v("display")}`} /> Show my name</label>
        <label className="radio"><input type="radio" name="display" value="organisation-only" defaultChecked={v("display") === "organisation-only"} key={`do-${v("display")}`} /> Show only my organisation</label>
        <label className="radio"><input type="checkbox" name="hideCountry" defaultChecked={v("hideCountry") === "on"} key={`hc-${v("hideCountry")}`} /> Hide my country</label>
        {errors.showName && <p id="display-error" className="field-error">{errors.showName.join(" ")}</p>}
      </fieldset>

      {drawnSignature !== "OFF" && (
        <SignaturePadField required={drawnSignature === "REQUIRED"} error={errors.signatureImage} nameForTyped={() => nameRef.current?.value ?? ""} />
      )}

      {/* Left empty by people; filled by bots that fill every field. */}
      <div className="honeypot" aria-hidden="true">
        <label htmlFor="fax-number">Fax number</label>
        <input id="fax-number" name="faxNumber" type="text" tabIndex={-1} autoComplete="off" />
      </div>

      <div className="check">
        <input type="checkbox" id="consent" name="consent" aria-invalid={errors.consent ? true : undefined} aria-describedby={errors.consent ? "consent-error" : undefined} defaultChecked={v("consent") === "on"} key={`c-${v("consent")}`} />
        <label htmlFor="consent">
          I sign this letter. My signature may be published on this page and in the letter sent to its recipients, as I chose above. My email address is used only to confirm my signature.
        </label>
        {errors.consent && <p id="consent-error" className="field-error">{errors.consent.join(" ")}</p>}
      </div>
      <SubmitButton pendingLabel="Signing…">Sign the letter</SubmitButton>
    </form>
  );
}
