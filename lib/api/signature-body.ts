import "server-only";
import { z } from "zod";
import { signatureInputSchema, type SignatureInput } from "@/lib/schemas/signature";

// The API's sign-on body is signatureInputSchema's input with the privacy choices grouped as
// `show: { name, country }`. Optional text fields may also be null, as JSON clients often send.

export type ApiFieldErrors = Record<string, string[]>;

const OPTIONAL_TEXT = ["role", "organisation", "country", "website", "signatureImage", "ink"] as const;
const REQUIRED = ["kind", "name", "email", "consent"] as const;

/** signatureInputSchema's field names, as the API spells them. */
export function apiFieldName(field: string): string {
  if (field === "showName") return "show.name";
  if (field === "showCountry") return "show.country";
  return field;
}

export function toApiFieldErrors(errors: Partial<Record<string, string[] | undefined>>): ApiFieldErrors {
  const out: ApiFieldErrors = {};
  for (const [field, messages] of Object.entries(errors)) {
    if (messages?.length) (out[apiFieldName(field)] ??= []).push(...messages);
  }
  return out;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Validates an API body with the form's own schema; errors are keyed by the API's field names. */
export function parseSignatureBody(body: Record<string, unknown>): { ok: true; input: SignatureInput } | { ok: false; errors: ApiFieldErrors } {
  const input: Record<string, unknown> = {};
  for (const field of REQUIRED) input[field] = body[field];
  for (const field of OPTIONAL_TEXT) input[field] = body[field] === null ? undefined : body[field];

  const errors: ApiFieldErrors = {};
  const show = body.show ?? undefined;
  if (show !== undefined && !isObject(show)) {
    errors.show = ['Send "show" as an object, like {"name": true, "country": false}.'];
  } else {
    // null is refused rather than read as "show": a privacy choice is never guessed.
    input.showName = show?.name;
    input.showCountry = show?.country;
  }

  const parsed = signatureInputSchema.safeParse(input);
  if (!parsed.success) Object.assign(errors, toApiFieldErrors(z.flattenError(parsed.error).fieldErrors));
  if (Object.keys(errors).length || !parsed.success) return { ok: false, errors };
  return { ok: true, input: parsed.data };
}
