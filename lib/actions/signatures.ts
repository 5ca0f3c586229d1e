"use server";

import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { isAppError } from "@/lib/errors";
import { requestIp } from "@/lib/request-ip";
import { errorState, zodErrorState, type FormState } from "@/lib/schemas/form-state";
import { signatureInputFromForm, signatureInputSchema } from "@/lib/schemas/signature";
import { expirePublicAppeal } from "@/lib/actions/expire-public";
import { resendConfirmation } from "@/lib/signatures/resend-confirmation";
import { submitSignature } from "@/lib/signatures/submit-signature";
import { withdrawSignature } from "@/lib/signatures/withdraw-signature";

const slugSchema = z.string().min(1).max(80);
const tokenSchema = z.string().min(10).max(100);

export async function signAppealAction(slug: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const checkInbox = `/a/${encodeURIComponent(slugSchema.parse(slug))}/check-email`;
  // A filled honeypot is a bot: it gets the same answer as everyone, and nothing is stored.
  if (formData.get("faxNumber")) redirect(checkInbox);
  const parsed = signatureInputSchema.safeParse(signatureInputFromForm(formData));
  if (!parsed.success) {
    const state = zodErrorState(formData, parsed.error);
    return { ...state, values: { ...state.values, signatureImage: "" } };
  }
  try {
    const result = await submitSignature({ slug, input: parsed.data, ip: await requestIp() });
    if (!result.ok) return errorState(formData, { fieldErrors: result.fieldErrors });
  } catch (err) {
    if (isAppError(err, "NOT_FOUND")) notFound();
    if (isAppError(err)) return errorState(formData, { message: err.message });
    throw err;
  }
  redirect(checkInbox);
}

export async function withdrawAction(token: string, _prev: FormState, _formData: FormData): Promise<FormState> {
  const parsed = tokenSchema.safeParse(token);
  if (!parsed.success) return { status: "error", message: "This link is not valid." };
  const outcome = await withdrawSignature({ token: parsed.data });
  if (outcome.state === "DONE") {
    expirePublicAppeal(outcome.slug);
    return { status: "success", message: "Your signature has been withdrawn. It no longer appears on the appeal or in the letter." };
  }
  if (outcome.state === "CLOSED") return { status: "error", message: "This appeal is closed: signatures can no longer be withdrawn." };
  return { status: "error", message: "This link is not valid." };
}

export async function resendConfirmationAction(token: string, _prev: FormState, _formData: FormData): Promise<FormState> {
  const parsed = tokenSchema.safeParse(token);
  if (!parsed.success) return { status: "error", message: "This link is not valid." };
  try {
    const sent = await resendConfirmation({ token: parsed.data });
    if (!sent) return { status: "error", message: "There is nothing left to confirm with this link: the signature is already confirmed, withdrawn, or the appeal is closed." };
  } catch (err) {
    if (isAppError(err, "RATE_LIMITED")) return { status: "error", message: err.message };
    throw err;
  }
  return { status: "success", message: "A new confirmation link is on its way to your inbox." };
}
