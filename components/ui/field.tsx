import { useId } from "react";

type Common = {
  label: string;
  name: string;
  hint?: React.ReactNode;
  errors?: string[];
};

/** A labelled control with its hint and errors linked by aria-describedby. */
export function Field({
  label,
  name,
  hint,
  errors,
  children,
}: Common & { children: (props: { id: string; name: string; "aria-invalid"?: true; "aria-describedby"?: string }) => React.ReactNode }) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, name, "aria-invalid": errorId ? true : undefined, "aria-describedby": describedBy })}
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {errorId && (
        <p id={errorId} className="field-error">
          {errors!.join(" ")}
        </p>
      )}
    </div>
  );
}

export function FormMessage({ state }: { state: { status: string; message?: string } }) {
  return (
    <div aria-live="polite" role="status">
      {state.message && (
        <p className={`form-message ${state.status === "error" ? "form-message--error" : "form-message--ok"}`}>{state.message}</p>
      )}
    </div>
  );
}
