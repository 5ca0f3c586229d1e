"use client";

import { useActionState, useEffect, useRef } from "react";
import { Field, FormMessage } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/schemas/form-state";

export type AppealFormDefaults = Record<string, string>;

type Props = {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  defaults: AppealFormDefaults;
  appealId?: string;
  timeZones: string[];
  /** Set when the appeal is published and has signatures: saving printed changes makes a version. */
  versionNotice?: string;
  /** The appeal is public (open or closed): its address has been shared, so changing it breaks links. */
  published?: boolean;
  submitLabel: string;
};

const LANGUAGES = ["en", "en-US", "fr", "de", "es", "pt", "it", "nl", "pl", "cs", "ru", "uk", "az", "tr", "ka", "hy", "ar", "fa", "he", "ur"];

export function AppealForm({ action, defaults, appealId, timeZones, versionNotice, published = false, submitLabel }: Props) {
  const [state, formAction] = useActionState(action, { status: "idle" } as FormState);
  const values = state.values ?? defaults;
  const errors = state.fieldErrors ?? {};
  const v = (name: string) => values[name] ?? "";
  const checked = (name: string) => (state.values ? values[name] === "on" : defaults[name] === "on");
  const zoneRef = useRef<HTMLSelectElement>(null);

  // A new deadline starts in the coordinator's own time zone.
  useEffect(() => {
    if (zoneRef.current && !v("deadline") && !state.values) {
      zoneRef.current.value = Intl.DateTimeFormat().resolvedOptions().timeZone;
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const text = (name: string, label: string, hint?: React.ReactNode, extra: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <Field label={label} name={name} hint={hint} errors={errors[name]}>
      {(p) => <input {...p} type="text" defaultValue={v(name)} key={`${name}-${v(name)}`} {...extra} />}
    </Field>
  );
  const area = (name: string, label: string, rows: number, hint?: React.ReactNode) => (
    <Field label={label} name={name} hint={hint} errors={errors[name]}>
      {(p) => <textarea {...p} rows={rows} defaultValue={v(name)} key={`${name}-${v(name)}`} />}
    </Field>
  );
  const box = (name: string, label: string) => (
    <div className="check">
      <input type="checkbox" id={`cb-${name}`} name={name} defaultChecked={checked(name)} key={`${name}-${checked(name)}`}
        aria-describedby={errors[name] ? `cb-${name}-error` : undefined} aria-invalid={errors[name] ? true : undefined} />
      <label htmlFor={`cb-${name}`}>{label}</label>
      {errors[name] && <p id={`cb-${name}-error`} className="field-error">{errors[name]!.join(" ")}</p>}
    </div>
  );
  const select = (name: string, label: string, options: [string, string][], hint?: string) => (
    <Field label={label} name={name} hint={hint} errors={errors[name]}>
      {(p) => (
        <select {...p} defaultValue={v(name)} key={`${name}-${v(name)}`}>
          {options.map(([value, text]) => <option key={value} value={value}>{text}</option>)}
        </select>
      )}
    </Field>
  );

  return (
    <form action={formAction} className="stack appeal-form" noValidate>
      {appealId && <input type="hidden" name="appealId" value={appealId} />}
      {v("updatedAt") && <input type="hidden" name="updatedAt" value={v("updatedAt")} />}
      <FormMessage state={state} />

      <fieldset className="card stack">
        <legend>The letter</legend>
        {text("title", "Title (subject line)", "Printed in bold as the letter's subject, e.g. \u201cOpen letter: Release the detained journalists\u201d.", { maxLength: 300 })}
        {area("recipient", "Recipient block", 5, "One line each: name (French style: surname in capitals), title, institution, street, postcode and city.")}
        {text("place", "Place line", "The cities of the signing organisations, e.g. \u201cBrussels, Baku,\u201d.")}
        <Field label="Letter date" name="letterDate" errors={errors.letterDate} hint="Printed under the place line, in the letter's language.">
          {(p) => <input {...p} type="date" defaultValue={v("letterDate")} key={`d-${v("letterDate")}`} />}
        </Field>
        {text("salutation", "Salutation", "e.g. \u201cDear President,\u201d.")}
        {area("body", "Letter text", 16, <>Markdown: a blank line between paragraphs, <code>1.</code> for numbered and <code>-</code> for bulleted lists, <code>**bold**</code>, <code>*italic*</code>, <code>[text](https://…)</code> for links.</>)}
        {text("closing", "Closing", "e.g. \u201cSincerely,\u201d or \u201cYours faithfully,\u201d.")}
        <Field label="Language" name="language" errors={errors.language} hint="A language tag such as en, fr, az or pt-BR. Right-to-left languages (Arabic, Persian, Hebrew, Urdu) are laid out right to left.">
          {(p) => (
            <>
              <input {...p} type="text" list="language-tags" defaultValue={v("language")} key={`l-${v("language")}`} autoComplete="off" />
              <datalist id="language-tags">{LANGUAGES.map((l) => <option key={l} value={l} />)}</datalist>
            </>
          )}
        </Field>
      </fieldset>

      <fieldset className="card stack">
        <legend>Public page</legend>
        {text(
          "slug",
          "Web address",
          published ? (
            <>
              <strong>Published: links to /a/{defaults.slug} have been shared.</strong> Changing the address breaks them (they will not
              find the appeal). Lower-case letters, digits and hyphens. Left empty, the current address is kept.
            </>
          ) : (
            <>The appeal&apos;s address: /a/<em>this-part</em>. Lower-case letters, digits and hyphens. Left empty, it is made from the title.</>
          ),
        )}
        {area("summary", "Summary", 3, "One or two sentences for the page description and for links shared on social media.")}
        {area("organisers", "Organised by", 3, "The coalition's lead organisations, one per line. Shown on the public page and recorded as the author of the PDF; not printed in the letter.")}
      </fieldset>

      <fieldset className="card stack">
        <legend>Sign-on</legend>
        {box("allowOrganisations", "Organisations may sign")}
        {box("allowIndividuals", "Individuals may sign")}
        {select("drawnSignature", "Drawn signature", [["OFF", "Not asked"], ["OPTIONAL", "Optional"], ["REQUIRED", "Required"]])}
        {box("requireApproval", "A coordinator approves each signature before it is public")}
        {box("publicPdf", "Anyone may download the signed letter as a PDF")}
        <div className="grid-2">
          <Field label="Deadline" name="deadline" errors={errors.deadline} hint="Optional. The appeal closes by itself at this time.">
            {(p) => <input {...p} type="datetime-local" defaultValue={v("deadline")} key={`dl-${v("deadline")}`} />}
          </Field>
          <Field label="Time zone of the deadline" name="deadlineTimeZone" errors={errors.deadlineTimeZone}>
            {(p) => (
              <select {...p} ref={zoneRef} defaultValue={v("deadlineTimeZone") || "UTC"} key={`tz-${v("deadlineTimeZone")}`}>
                {timeZones.map((z) => <option key={z} value={z}>{z.replace(/_/g, " ")}</option>)}
              </select>
            )}
          </Field>
        </div>
      </fieldset>

      <fieldset className="card stack">
        <legend>Printed letter</legend>
        {select("pageSize", "Page size", [["A4", "A4"], ["LETTER", "US Letter"]])}
        {select("signatoryLayout", "Signatories", [["AUTO", "Automatic: signatures up to 12 signers, a list above"], ["SIGNATURES", "Signature blocks with drawn signatures"], ["LIST", "A list, organisations and individuals grouped"]])}
      </fieldset>

      {(versionNotice || errors.confirmNewVersion) && (
        <div className="card stack warning">
          {versionNotice && <p>{versionNotice}</p>}
          {box("confirmNewVersion", "I understand: save the changed text as a new version")}
        </div>
      )}

      <div className="actions">
        <SubmitButton pendingLabel="Saving…" name="intent" value="save">{submitLabel}</SubmitButton>
        <SubmitButton pendingLabel="Saving…" name="intent" value="preview" className="btn btn--secondary">Save and preview</SubmitButton>
      </div>
    </form>
  );
}
