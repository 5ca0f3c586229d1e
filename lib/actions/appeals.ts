"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { messageForError } from "@/lib/actions/action-error";
import { expirePublicAppeal } from "@/lib/actions/expire-public";
import { archiveAppeal, closeAppeal, deleteAppeal, publishAppeal, reopenAppeal, restoreAppeal } from "@/lib/appeals/lifecycle";
import { createAppeal, updateAppeal, type SaveAppealResult } from "@/lib/appeals/save-appeal";
import { appealEditSchema, appealFormSchema } from "@/lib/schemas/appeal";
import { errorState, zodErrorState, type FormState } from "@/lib/schemas/form-state";

const appealIdSchema = z.string().trim().min(1).max(64);
// The appeal's updatedAt when the editor was opened; absent only from forms older than the field.
const updatedAtSchema = z.iso.datetime().transform((s) => new Date(s)).optional();

function saveErrorState(formData: FormData, result: Exclude<SaveAppealResult, { ok: true }>): FormState {
  if ("fieldErrors" in result) return errorState(formData, { fieldErrors: result.fieldErrors });
  if ("conflict" in result) return errorState(formData, { message: result.conflict });
  const { signatures, version, reconfirm } = result.needsConfirmation;
  return errorState(formData, {
    message: `${signatures} ${signatures === 1 ? "person has" : "people have"} signed version ${version} of this text.`,
    fieldErrors: {
      confirmNewVersion: [
        `Saving changes to the printed text creates version ${version + 1}. Earlier signers keep version ${version}${reconfirm ? " and will be asked to reconfirm" : ""}. Tick the box to save anyway.`,
      ],
    },
  });
}

export async function createAppealAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser("/dashboard/appeals/new");
  const parsed = appealFormSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return zodErrorState(formData, parsed.error);
  const result = await createAppeal({ userId: user.id, values: parsed.data });
  if (!result.ok) return saveErrorState(formData, result);
  revalidatePath("/dashboard");
  redirect(formData.get("intent") === "preview" ? `/dashboard/appeals/${result.appealId}/preview` : `/dashboard/appeals/${result.appealId}?saved=1`);
}

export async function updateAppealAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const appealId = appealIdSchema.safeParse(formData.get("appealId"));
  const updatedAt = updatedAtSchema.safeParse(formData.get("updatedAt") ?? undefined);
  if (!appealId.success || !updatedAt.success) return errorState(formData, { message: "This form is out of date: reload the page." });
  // A past deadline is refused only when it is new or moved: updateAppeal compares it with the stored one.
  const parsed = appealEditSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return zodErrorState(formData, parsed.error);
  let result: SaveAppealResult;
  try {
    result = await updateAppeal({ userId: user.id, appealId: appealId.data, values: parsed.data, expectedUpdatedAt: updatedAt.data });
  } catch (err) {
    return errorState(formData, { message: messageForError(err) });
  }
  if (!result.ok) return saveErrorState(formData, result);
  if (result.changed) {
    revalidatePath("/dashboard");
    expirePublicAppeal(result.slug, result.previousSlug);
  }
  const query = result.newVersion ? `?saved=1&version=${result.newVersion}` : "?saved=1";
  redirect(formData.get("intent") === "preview" ? `/dashboard/appeals/${result.appealId}/preview` : `/dashboard/appeals/${result.appealId}${query}`);
}

const lifecycleSchema = z.object({
  appealId: appealIdSchema,
  op: z.enum(["publish", "close", "reopen", "archive", "restore", "delete"]),
  confirm: z.string().optional(),
});

const operations = {
  publish: publishAppeal,
  close: closeAppeal,
  reopen: reopenAppeal,
  archive: archiveAppeal,
  restore: restoreAppeal,
  delete: deleteAppeal,
} as const;

const done = {
  publish: "Published: the appeal is open for signatures.",
  close: "Closed: the appeal no longer accepts signatures.",
  reopen: "Reopened: the appeal accepts signatures again.",
  archive: "Archived: the appeal is hidden from your dashboard list.",
  restore: "Restored from the archive.",
  delete: "Deleted.",
} as const;

export async function appealLifecycleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const parsed = lifecycleSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return errorState(formData, { message: "This form is out of date: reload the page." });
  const { appealId, op, confirm } = parsed.data;
  if (op === "delete" && confirm !== "on") {
    return errorState(formData, { fieldErrors: { confirm: ["Tick the box to confirm: deleting cannot be undone."] }, message: "Confirm the deletion." });
  }
  try {
    const { slug } = await operations[op]({ userId: user.id, appealId });
    expirePublicAppeal(slug);
  } catch (err) {
    return errorState(formData, { message: messageForError(err) });
  }
  revalidatePath("/dashboard");
  revalidatePath(`/dashboard/appeals/${appealId}`);
  if (op === "delete") redirect("/dashboard?deleted=1");
  return { status: "success", message: done[op] };
}
