import type { SignatoryLayout } from "./types";

export interface SignatoryParts {
  /** An organisation signs as itself; an individual signs in their own name. */
  kind: "organisation" | "individual";
  /** The person who signs (for an organisation, its representative). */
  name: string;
  role: string;
  /** For an organisation its name; for an individual an optional affiliation. */
  organisation: string;
  countryName: string | null;
  showName: boolean;
  showCountry: boolean;
}

/** Above this many signers the coordinator's default becomes the list layout. */
export const MAX_SIGNATURE_LAYOUT_SIGNERS = 12;

export function defaultLayout(count: number): SignatoryLayout {
  return count <= MAX_SIGNATURE_LAYOUT_SIGNERS ? "signatures" : "list";
}

/**
 * The line printed for one signer, honouring their privacy choices:
 * signatures layout "Name, Role, Organisation (Country)", list layout "Name, Organisation, Country"
 * (an organisation is listed by its own name). Someone who asked not to be named appears as their
 * organisation only, without the role that could identify them. Returns null when nothing may be
 * printed (an unnamed individual without organisation): callers leave such signers out of the
 * printed list.
 */
export function composeSignatoryLine(parts: SignatoryParts, layout: SignatoryLayout): string | null {
  const name = parts.showName ? clean(parts.name) : "";
  const role = name ? clean(parts.role) : "";
  const organisation = clean(parts.organisation);
  const country = parts.showCountry ? clean(parts.countryName ?? "") : "";

  if (layout === "signatures") {
    const main = join([name, role, organisation]);
    if (!main) return null;
    return country ? `${main} (${country})` : main;
  }
  const who = parts.kind === "organisation" ? [organisation] : [name, organisation];
  if (!join(who)) return null;
  return join([...who, country]) || null;
}

function clean(value: string): string {
  return value.replace(/\s+/g, " ").trim().replace(/^[,;]+|[,;]+$/g, "").trim();
}

function join(parts: string[]): string {
  return parts.filter((part) => part !== "").join(", ");
}
