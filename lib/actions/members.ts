"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { messageForError } from "@/lib/actions/action-error";
import { inviteMember } from "@/lib/appeals/members/invite-member";
import { removeMember } from "@/lib/appeals/members/remove-member";
import { transferOwnership } from "@/lib/appeals/members/transfer-ownership";
import { isAppError } from "@/lib/errors";
import { inviteMemberSchema, removeMemberSchema, transferOwnershipSchema } from "@/lib/schemas/members";
import { errorState, zodErrorState, type FormState } from "@/lib/schemas/form-state";

// Each action authenticates, validates, and leaves the authorisation to the data layer: the
// appealId in the form is only a pointer, and a non-member's request ends in notFound().

const outOfDate = "This form is out of date: reload the page.";

const revalidateAppeal = (appealId: string) => {
  revalidatePath(`/dashboard/appeals/${appealId}`, "layout");
  revalidatePath("/dashboard");
};

export async function inviteMemberAction(_prev: FormState<"email">, formData: FormData): Promise<FormState<"email">> {
  const user = await requireUser();
  const parsed = inviteMemberSchema.safeParse({ appealId: formData.get("appealId"), email: formData.get("email") ?? "" });
  if (!parsed.success) {
    if (parsed.error.issues.some((i) => i.path[0] === "appealId")) return errorState(formData, { message: outOfDate });
    return zodErrorState<"email">(formData, parsed.error);
  }
  const { appealId, email } = parsed.data;
  try {
    await inviteMember({ userId: user.id, appealId, email });
  } catch (err) {
    const message = messageForError(err);
    if (isAppError(err, "CONFLICT")) return errorState<"email">(formData, { message: "The invitation was not sent.", fieldErrors: { email: [message] } });
    return errorState<"email">(formData, { message });
  }
  revalidateAppeal(appealId);
  return { status: "success", message: `Invitation sent to ${email}. They join as an editor.`, values: { email: "" } };
}

export async function removeMemberAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const parsed = removeMemberSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return errorState(formData, { message: outOfDate });
  const { appealId, memberUserId } = parsed.data;
  let result: Awaited<ReturnType<typeof removeMember>>;
  try {
    result = await removeMember({ userId: user.id, appealId, memberUserId });
  } catch (err) {
    return errorState(formData, { message: messageForError(err) });
  }
  revalidateAppeal(appealId);
  // Someone who left can no longer see the appeal's pages.
  if (result.left) redirect("/dashboard");
  return { status: "success", message: `${result.email} is no longer a coordinator of this appeal.` };
}

export async function transferOwnershipAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const parsed = transferOwnershipSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return errorState(formData, { message: outOfDate });
  const { appealId, toUserId } = parsed.data;
  let result: Awaited<ReturnType<typeof transferOwnership>>;
  try {
    result = await transferOwnership({ userId: user.id, appealId, toUserId });
  } catch (err) {
    return errorState(formData, { message: messageForError(err) });
  }
  revalidateAppeal(appealId);
  return { status: "success", message: `${result.email} now owns this appeal. You are an editor.` };
}
