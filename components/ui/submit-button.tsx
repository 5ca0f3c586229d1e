"use client";

import { useFormStatus } from "react-dom";

/** A submit button that shows progress and refuses a second click while its form is pending. */
export function SubmitButton({
  children,
  pendingLabel,
  className = "btn",
  name,
  value,
}: {
  children: React.ReactNode;
  pendingLabel: string;
  className?: string;
  name?: string;
  value?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={className} disabled={pending} aria-disabled={pending} name={name} value={value}>
      {pending ? pendingLabel : children}
    </button>
  );
}
