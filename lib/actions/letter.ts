"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { messageForError } from "@/lib/actions/action-error";
import { requireUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { addLogo } from "@/lib/letter/logos/add-logo";
import { moveLogo } from "@/lib/letter/logos/move-logo";
import { LogoImageError } from "@/lib/letter/logos/process-logo-image";
import { removeLogo } from "@/lib/letter/logos/remove-logo";
import { LOGO_LIMITS, logoTargetSchema, moveLogoSchema } from "@/lib/schemas/letter";
import type { FormState } from "@/lib/schemas/form-state";

// Thin actions: authenticate, validate, leave membership to the data layer (a non-member's request
// ends in notFound()), revalidate the appeal page.

const outOfDate = "This form is out of date: reload the page.";
const appealIdSchema = z.string().trim().min(1).max(64);

const error = (message: string, fieldErrors?: FormState<"logo">["fieldErrors"]): FormState<"logo"> => ({ status: "error", message, fieldErrors });

export async function addLogoAction(_prev: FormState<"logo">, formData: FormData): Promise<FormState<"logo">> {
  const user = await requireUser();
  const appealId = appealIdSchema.safeParse(formData.get("appealId"));
  if (!appealId.success) return error(outOfDate);
  const file = formData.get("logo");
  if (!(file instanceof File) || file.size === 0) return error("The logo was not added.", { logo: ["Choose a PNG or JPEG file."] });
  // Checked before reading it: the size is known from the upload.
  if (file.size > LOGO_LIMITS.bytes) {
    return error("The logo was not added.", { logo: [`The logo is too large: at most ${LOGO_LIMITS.bytes / 1024} KB.`] });
  }
  try {
    await addLogo({ userId: user.id, appealId: appealId.data, file: Buffer.from(await file.arrayBuffer()) });
  } catch (err) {
    if (err instanceof LogoImageError) return error("The logo was not added.", { logo: [err.message] });
    if (isAppError(err, "CONFLICT")) return error(err.message);
    return error(messageForError(err));
  }
  revalidatePath(`/dashboard/appeals/${appealId.data}`);
  return { status: "success", message: "Logo added. It prints at the top of the letter." };
}

export async function removeLogoAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const parsed = logoTargetSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: "error", message: outOfDate };
  try {
    await removeLogo({ userId: user.id, ...parsed.data });
  } catch (err) {
    return { status: "error", message: messageForError(err) };
  }
  revalidatePath(`/dashboard/appeals/${parsed.data.appealId}`);
  return { status: "success", message: "Logo removed." };
}

export async function moveLogoAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const parsed = moveLogoSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: "error", message: outOfDate };
  try {
    await moveLogo({ userId: user.id, ...parsed.data });
  } catch (err) {
    return { status: "error", message: messageForError(err) };
  }
  revalidatePath(`/dashboard/appeals/${parsed.data.appealId}`);
  return { status: "success", message: `Logo moved ${parsed.data.direction === "up" ? "left" : "right"}.` };
}
