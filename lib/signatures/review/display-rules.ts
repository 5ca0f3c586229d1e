import type { DisplayField } from "@/lib/schemas/review";

export interface DisplayValues {
  name: string;
  role: string;
  organisation: string;
  country: string | null;
  showName: boolean;
  showCountry: boolean;
}

/**
 * Rules for what a signature shows, shared by the coordinator's edit and hand-added signatures:
 * an organisation needs its name, and someone whose name is hidden needs an organisation, or the
 * letter would print nothing for them.
 */
export function displayErrors(kind: "ORGANISATION" | "INDIVIDUAL", v: DisplayValues): Partial<Record<DisplayField, string[]>> {
  const errors: Partial<Record<DisplayField, string[]>> = {};
  if (kind === "ORGANISATION" && !v.organisation.trim()) errors.organisation = ["Enter the name of the organisation that signs."];
  else if (!v.showName && !v.organisation.trim()) {
    errors.showName = ["Someone whose name is hidden is listed by their organisation: enter one, or show the name."];
  }
  return errors;
}
