import { z } from "zod";
import { isCountryCode } from "@/lib/countries";
import { emailField } from "@/lib/schemas/sign-in";
import type { DisplayField } from "@/lib/schemas/review";
import { displayErrors } from "@/lib/signatures/review/display-rules";

// The sign-on, shared by the form's Server Action and POST /api/v1/appeals/{slug}/signatures.
// Every field is bounded: signers at risk may be targeted with junk, and the letter must print.

export const SIGNATURE_LIMITS = {
  name: 120,
  role: 120,
  organisation: 200,
  website: 200,
  /** Bytes of the PNG after base64 decoding. */
  imageBytes: 512 * 1024,
  imageWidth: 4000,
  imageHeight: 2000,
} as const;

const bounded = (max: number, label: string) =>
  z
    .string({ error: `${label} must be text.` })
    .trim()
    .max(max, `${label} can have at most ${max} characters.`)
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), `${label} cannot contain control characters.`);

const websiteField = bounded(SIGNATURE_LIMITS.website, "The website").transform((s, ctx) => {
  if (!s) return null;
  const withScheme = /^https?:\/\//i.test(s) ? s : `https://${s}`;
  try {
    const url = new URL(withScheme);
    if (!url.hostname.includes(".")) throw new Error("no dot");
    return url.toString();
  } catch {
    ctx.addIssue({ code: "custom", message: "Enter the organisation's website, like example.org." });
    return z.NEVER;
  }
});

// displayErrors speaks to coordinators; the signer reads the same rule in their own words.
const SIGNER_MESSAGES: Partial<Record<DisplayField, string>> = {
  organisation: "Enter the name of the organisation you sign for.",
  showName: "To hide your name, give the organisation to show instead.",
};

export const signatureInputSchema = z
  .object({
    kind: z.enum(["organisation", "individual"], { error: "Say whether you sign for an organisation or as an individual." }),
    name: bounded(SIGNATURE_LIMITS.name, "Your name").pipe(z.string().min(1, "Enter your full name.")),
    role: bounded(SIGNATURE_LIMITS.role, "Your role").default(""),
    organisation: bounded(SIGNATURE_LIMITS.organisation, "The organisation").default(""),
    country: z
      .string({ error: "Choose a country." })
      .trim()
      .toUpperCase()
      .refine((c) => c === "" || isCountryCode(c), "Choose a country from the list.")
      .default(""),
    email: emailField,
    website: websiteField.default(null),
    signatureImage: z.string({ error: "The signature must be a PNG image." }).max(800_000, "The drawn signature is too large.").default(""),
    ink: z.enum(["black", "blue"]).default("black"),
    showName: z.boolean().default(true),
    showCountry: z.boolean().default(true),
    consent: z.literal(true, { error: "Tick the box to agree to how your signature is published." }),
  })
  // Runs even when other fields fail, so every mistake shows at once; a field that failed its own
  // check may hold anything, and gets no second message here.
  .superRefine((v, ctx) => {
    const kind = v.kind === "organisation" ? "ORGANISATION" : v.kind === "individual" ? "INDIVIDUAL" : null;
    if (!kind || typeof v.organisation !== "string") return;
    // The coordinator's edit applies the same rule: the letter must print something for everyone.
    const errors = displayErrors(kind, {
      name: "", role: "", organisation: v.organisation, country: null, showName: v.showName !== false, showCountry: true,
    });
    for (const [field, messages] of Object.entries(errors) as [DisplayField, string[]][]) {
      ctx.addIssue({ code: "custom", path: [field], message: SIGNER_MESSAGES[field] ?? messages[0]! });
    }
  }, { when: () => true });

export type SignatureInput = z.output<typeof signatureInputSchema>;
export type SignatureField = keyof z.input<typeof signatureInputSchema>;

/** The HTML form's fields, mapped onto the API's shape (checkboxes and radio buttons become booleans). */
export function signatureInputFromForm(formData: FormData): Record<string, unknown> {
  const get = (k: string) => {
    const v = formData.get(k);
    return typeof v === "string" ? v : undefined;
  };
  const display = get("display");
  return {
    kind: get("kind"),
    name: get("name") ?? "",
    role: get("role") ?? "",
    organisation: get("organisation") ?? "",
    country: get("country") ?? "",
    email: get("email") ?? "",
    website: get("website") ?? "",
    signatureImage: get("signatureImage") ?? "",
    ink: get("ink") === "blue" ? "blue" : "black",
    showName: display !== "organisation-only",
    showCountry: get("hideCountry") !== "on",
    consent: get("consent") === "on" ? true : undefined,
  };
}
