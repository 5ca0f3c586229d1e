import { z } from "zod";
import { isCountryCode } from "@/lib/countries";
import { idField } from "@/lib/schemas/members";
import { SIGNATURE_LIMITS } from "@/lib/schemas/signature";
import { emailField } from "@/lib/schemas/sign-in";

// The coordinator's review queue: filters in the address, and the forms of the queue, the edit
// page and "Add a signatory". Ids in hidden fields are only pointers: the data layer decides.

export const SIGNATURE_STATUSES = ["PENDING_REVIEW", "PUBLIC", "PENDING_EMAIL", "REJECTED", "WITHDRAWN"] as const;

/** `?status=…&q=…&cursor=…` of the queue page; anything unexpected is ignored, not an error. */
export const reviewQuerySchema = z.object({
  status: z.union([z.enum(SIGNATURE_STATUSES), z.literal("all")]).optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  cursor: idField.optional().catch(undefined),
});

/** At most this many signatures in one decision (a page holds 50). */
export const MAX_REVIEW_IDS = 500;

export const reviewSchema = z.object({
  appealId: idField,
  ids: z.array(idField).min(1, "Select at least one signature.").max(MAX_REVIEW_IDS, `Select at most ${MAX_REVIEW_IDS} signatures at once.`),
  decision: z.enum(["approve", "reject"]),
});
export type ReviewInput = z.infer<typeof reviewSchema>;

/**
 * The queue's one form: "Approve selected"/"Reject selected" send the ticked `ids` with
 * `decision`; a row's own button sends `approveOne` or `rejectOne` with that row's id instead.
 */
export function reviewInputFromForm(formData: FormData): Record<string, unknown> {
  const one = (k: string) => (typeof formData.get(k) === "string" ? (formData.get(k) as string) : undefined);
  const approveOne = one("approveOne");
  const rejectOne = one("rejectOne");
  if (approveOne) return { appealId: one("appealId"), ids: [approveOne], decision: "approve" };
  if (rejectOne) return { appealId: one("appealId"), ids: [rejectOne], decision: "reject" };
  return { appealId: one("appealId"), ids: formData.getAll("ids").filter((v) => typeof v === "string"), decision: one("decision") };
}

const bounded = (max: number, label: string) =>
  z
    .string({ error: `${label} must be text.` })
    .trim()
    .max(max, `${label} can have at most ${max} characters.`)
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), `${label} cannot contain control characters.`);

const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal(""), z.boolean()])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

const displayShape = {
  name: bounded(SIGNATURE_LIMITS.name, "The name").pipe(z.string().min(1, "Enter the signer's full name.")),
  role: bounded(SIGNATURE_LIMITS.role, "The role").default(""),
  organisation: bounded(SIGNATURE_LIMITS.organisation, "The organisation").default(""),
  country: z
    .string({ error: "Choose a country." })
    .trim()
    .toUpperCase()
    .refine((c) => c === "" || isCountryCode(c), "Choose a country from the list.")
    .default(""),
  showName: checkbox,
  showCountry: checkbox,
};

export const editSignatureSchema = z.object({ appealId: idField, signatureId: idField, ...displayShape });
export type EditSignatureInput = z.infer<typeof editSignatureSchema>;
export type DisplayField = "name" | "role" | "organisation" | "country" | "showName" | "showCountry";

export const addSignatureSchema = z
  .object({
    appealId: idField,
    kind: z.enum(["ORGANISATION", "INDIVIDUAL"], { error: "Choose whether an organisation or an individual signs." }),
    ...displayShape,
    // Optional here: someone who signed on paper may have given no address.
    email: z
      .string({ error: "Enter an email address, or leave the field empty." })
      .trim()
      .max(254, "An email address has at most 254 characters.")
      .refine((s) => s === "" || emailField.safeParse(s).success, "Enter a valid email address, like name@example.org, or leave the field empty.")
      .default(""),
  })
  .superRefine(
    (v, ctx) => {
      if (v.kind === "ORGANISATION" && !v.organisation?.trim()) {
        ctx.addIssue({ code: "custom", path: ["organisation"], message: "Enter the name of the organisation that signs." });
      }
    },
    { when: () => true },
  );
export type AddSignatureInput = z.infer<typeof addSignatureSchema>;
export type AddSignatureField = DisplayField | "kind" | "email";

export const signatoryOrderSchema = z.object({
  appealId: idField,
  order: z.enum(["CHRONOLOGICAL", "ALPHABETICAL", "MANUAL"], { error: "Choose an order." }),
});

export const moveSignatureSchema = z.object({ appealId: idField, signatureId: idField, direction: z.enum(["up", "down"]) });

export const notifyPreferenceSchema = z.object({
  appealId: idField,
  notify: z.enum(["EACH", "DIGEST", "NONE"], { error: "Choose how you want to hear of new signatures." }),
});
