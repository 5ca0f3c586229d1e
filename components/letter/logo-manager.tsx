"use client";

import { useActionState, useState } from "react";
import { useFormStatus } from "react-dom";
import { FormMessage } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { addLogoAction, moveLogoAction, removeLogoAction } from "@/lib/actions/letter";
import { LOGO_LIMITS } from "@/lib/schemas/letter";
import type { FormState } from "@/lib/schemas/form-state";

export interface LogoItem {
  id: string;
  src: string;
  width: number;
  height: number;
}

const idle = { status: "idle" } as FormState;

/** The letterhead: the lead organisations' logos, in the order they print, with upload, move and remove. */
export function LogoManager({ appealId, logos }: { appealId: string; logos: LogoItem[] }) {
  const [addState, add] = useActionState(addLogoAction, idle as FormState<"logo">);
  const [changeState, change] = useActionState(async (prev: FormState, formData: FormData) => {
    return formData.get("op") === "remove" ? removeLogoAction(prev, formData) : moveLogoAction(prev, formData);
  }, idle);
  const [tooLarge, setTooLarge] = useState(false);
  const errors = tooLarge ? [`The logo is too large: at most ${LOGO_LIMITS.bytes / 1024} KB.`] : addState.fieldErrors?.logo;
  const full = logos.length >= LOGO_LIMITS.perAppeal;

  return (
    <div className="stack">
      <h3 id="logos-heading" style={{ margin: 0 }}>Letterhead logos</h3>
      <p className="muted" style={{ margin: 0 }}>
        The logos of the lead organisations print small, in a row at the top of the first page, in this order.
      </p>
      <FormMessage state={changeState} />
      {logos.length === 0 ? (
        <p style={{ margin: 0 }}>No logos: the letter starts with the recipient.</p>
      ) : (
        <ol className="logo-list" aria-labelledby="logos-heading">
          {logos.map((logo, i) => (
            <li key={logo.id} className="logo-list__item">
              {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL, nothing to optimise */}
              <img src={logo.src} alt={`Logo ${i + 1}`} width={logo.width} height={logo.height} className="logo-list__image" />
              <form action={change} className="actions">
                <input type="hidden" name="appealId" value={appealId} />
                <input type="hidden" name="logoId" value={logo.id} />
                {i > 0 && <LogoButton name="direction" value="up" label={`Move left, logo ${i + 1}`} text="Move left" pendingText="Moving…" />}
                {i < logos.length - 1 && (
                  <LogoButton name="direction" value="down" label={`Move right, logo ${i + 1}`} text="Move right" pendingText="Moving…" />
                )}
                <LogoButton name="op" value="remove" label={`Remove logo ${i + 1}`} text="Remove" pendingText="Removing…" />
              </form>
            </li>
          ))}
        </ol>
      )}
      {full ? (
        <p style={{ margin: 0 }}>A letter has at most {LOGO_LIMITS.perAppeal} logos: remove one to add another.</p>
      ) : (
        <form action={add} className="stack" onSubmit={(e) => tooLarge && e.preventDefault()}>
          <input type="hidden" name="appealId" value={appealId} />
          <div className="field">
            <label htmlFor="logo-file">Add a logo</label>
            <input
              id="logo-file"
              name="logo"
              type="file"
              accept="image/png,image/jpeg"
              required
              aria-describedby={errors?.length ? "logo-file-error logo-file-hint" : "logo-file-hint"}
              aria-invalid={errors?.length ? true : undefined}
              onChange={(e) => setTooLarge((e.currentTarget.files?.[0]?.size ?? 0) > LOGO_LIMITS.bytes)}
            />
            <p id="logo-file-hint" className="hint">
              PNG or JPEG, at most {LOGO_LIMITS.bytes / 1024} KB. A PNG with a transparent background looks best.
            </p>
            {errors?.length ? (
              <p id="logo-file-error" className="field-error">
                {errors.join(" ")}
              </p>
            ) : null}
          </div>
          <FormMessage state={addState} />
          <div>
            <SubmitButton pendingLabel="Adding…">Add the logo</SubmitButton>
          </div>
        </form>
      )}
    </div>
  );
}

/** A small button of a logo's form, named for screen readers with the logo it acts on. */
function LogoButton({ name, value, label, text, pendingText }: { name: string; value: string; label: string; text: string; pendingText: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" name={name} value={value} className="btn btn--secondary" aria-label={label} disabled={pending} aria-disabled={pending}>
      {pending ? pendingText : text}
    </button>
  );
}
