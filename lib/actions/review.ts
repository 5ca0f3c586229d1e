"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { messageForError } from "@/lib/actions/action-error";
import { expirePublicAppeal } from "@/lib/actions/expire-public";
import { errorState, zodErrorState, type FormState } from "@/lib/schemas/form-state";
import {
  addSignatureSchema,
  editSignatureSchema,
  moveSignatureSchema,
  notifyPreferenceSchema,
  reviewInputFromForm,
  reviewSchema,
  signatoryOrderSchema,
  type AddSignatureField,
  type DisplayField,
} from "@/lib/schemas/review";
import { addSignatureByHand } from "@/lib/signatures/review/add-signature-by-hand";
import { editSignatureDisplay } from "@/lib/signatures/review/edit-signature-display";
import { moveSignature } from "@/lib/signatures/review/move-signature";
import { reviewSignatures } from "@/lib/signatures/review/review-signatures";
import { setNotifyPreference } from "@/lib/signatures/review/set-notify-preference";
import { setSignatoryOrder } from "@/lib/signatures/review/set-signatory-order";

// Each action authenticates, validates, and leaves the authorisation to the data layer: the
// appealId in the form is only a pointer, and a non-member's request ends in notFound().

const outOfDate = "This form is out of date: reload the page.";
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

// Public pages are cached under the appeal's tag (docs/decisions/003): a change to what they show
// expires it with updateTag, so the very next visitor sees it, not a stale copy first.
function revalidateReview(appealId: string, slug: string | null) {
  revalidatePath(`/dashboard/appeals/${appealId}`, "layout");
  if (slug) expirePublicAppeal(slug);
}

/** Form values as the data layer's display fields; checkboxes arrive only when ticked. */
const formObject = (formData: FormData) => ({
  ...Object.fromEntries([...formData].filter(([, v]) => typeof v === "string")),
  showName: formData.get("showName") ?? "",
  showCountry: formData.get("showCountry") ?? "",
});

export async function reviewSignaturesAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const parsed = reviewSchema.safeParse(reviewInputFromForm(formData));
  if (!parsed.success) {
    const idsIssue = parsed.error.issues.find((i) => i.path[0] === "ids");
    return { status: "error", message: idsIssue && parsed.error.issues.length === 1 ? idsIssue.message : outOfDate };
  }
  const { appealId, ids, decision } = parsed.data;
  let result: Awaited<ReturnType<typeof reviewSignatures>>;
  try {
    result = await reviewSignatures({ userId: user.id, appealId, ids, decision });
  } catch (err) {
    return { status: "error", message: messageForError(err) };
  }
  revalidateReview(appealId, result.publicChanged ? result.slug : null);
  const verb = decision === "approve" ? "Approved" : "Rejected";
  const skipped =
    result.skipped > 0
      ? ` ${plural(result.skipped, "signature was", "signatures were")} left unchanged: ${decision === "approve" ? "only signatures awaiting review can be approved" : "it was no longer awaiting review or public"}.`
      : "";
  if (result.count === 0) return { status: "error", message: `Nothing changed.${skipped}` };
  return { status: "success", message: `${verb} ${plural(result.count, "signature", "signatures")}.${skipped}` };
}

export async function editSignatureDisplayAction(_prev: FormState<DisplayField>, formData: FormData): Promise<FormState<DisplayField>> {
  const user = await requireUser();
  const parsed = editSignatureSchema.safeParse(formObject(formData));
  if (!parsed.success) {
    if (parsed.error.issues.some((i) => i.path[0] === "appealId" || i.path[0] === "signatureId")) return errorState(formData, { message: outOfDate });
    return zodErrorState<DisplayField>(formData, parsed.error);
  }
  const { appealId, signatureId, ...values } = parsed.data;
  let result: Awaited<ReturnType<typeof editSignatureDisplay>>;
  try {
    result = await editSignatureDisplay({ userId: user.id, appealId, signatureId, ...values, country: values.country || null });
  } catch (err) {
    return errorState<DisplayField>(formData, { message: messageForError(err) });
  }
  if (!result.ok) return errorState(formData, { fieldErrors: result.fieldErrors });
  revalidateReview(appealId, result.publicChanged ? result.slug : null);
  redirect(`/dashboard/appeals/${appealId}/signatures?status=all&saved=${result.changed.length > 0 ? "edited" : "unchanged"}`);
}

export async function addSignatureByHandAction(_prev: FormState<AddSignatureField>, formData: FormData): Promise<FormState<AddSignatureField>> {
  const user = await requireUser();
  const parsed = addSignatureSchema.safeParse(formObject(formData));
  if (!parsed.success) {
    if (parsed.error.issues.some((i) => i.path[0] === "appealId")) return errorState(formData, { message: outOfDate });
    return zodErrorState<AddSignatureField>(formData, parsed.error);
  }
  const { appealId, email, ...values } = parsed.data;
  let result: Awaited<ReturnType<typeof addSignatureByHand>>;
  try {
    result = await addSignatureByHand({ userId: user.id, appealId, ...values, country: values.country || null, email: email || null });
  } catch (err) {
    return errorState<AddSignatureField>(formData, { message: messageForError(err) });
  }
  if (!result.ok) return errorState(formData, { fieldErrors: result.fieldErrors });
  revalidateReview(appealId, result.publicChanged ? result.slug : null);
  redirect(`/dashboard/appeals/${appealId}/signatures?status=all&saved=added`);
}

const ORDER_DONE = {
  CHRONOLOGICAL: "The letter now lists signatories in the order they signed.",
  ALPHABETICAL: "The letter now lists signatories alphabetically by organisation.",
  MANUAL: "The letter now lists signatories in your order. Move them with the Up and Down buttons.",
} as const;

export async function setSignatoryOrderAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const parsed = signatoryOrderSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return errorState(formData, { message: outOfDate });
  const { appealId, order } = parsed.data;
  let result: Awaited<ReturnType<typeof setSignatoryOrder>>;
  try {
    result = await setSignatoryOrder({ userId: user.id, appealId, order });
  } catch (err) {
    return errorState(formData, { message: messageForError(err) });
  }
  revalidateReview(appealId, result.changed ? result.slug : null);
  return { status: "success", message: ORDER_DONE[order] };
}

export async function moveSignatureAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const parsed = moveSignatureSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: "error", message: outOfDate };
  const { appealId, signatureId, direction } = parsed.data;
  let result: Awaited<ReturnType<typeof moveSignature>>;
  try {
    result = await moveSignature({ userId: user.id, appealId, signatureId, direction });
  } catch (err) {
    return { status: "error", message: messageForError(err) };
  }
  revalidateReview(appealId, result.moved ? result.slug : null);
  if (!result.moved) return { status: "success", message: direction === "up" ? "Already the first of its group." : "Already the last of its group." };
  return { status: "success", message: direction === "up" ? "Moved up one place." : "Moved down one place." };
}

const NOTIFY_DONE = {
  EACH: "You will get an email for each new confirmed signature.",
  DIGEST: "You will get at most one email a day, when there are new signatures.",
  NONE: "You will get no emails about new signatures.",
} as const;

export async function setNotifyPreferenceAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const parsed = notifyPreferenceSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return errorState(formData, { message: outOfDate });
  const { appealId, notify } = parsed.data;
  try {
    await setNotifyPreference({ userId: user.id, appealId, notify });
  } catch (err) {
    return errorState(formData, { message: messageForError(err) });
  }
  revalidatePath(`/dashboard/appeals/${appealId}/signatures`);
  return { status: "success", message: NOTIFY_DONE[notify] };
}
