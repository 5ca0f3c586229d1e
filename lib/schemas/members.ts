import { z } from "zod";

// Shared by the coordinator forms and their Server Actions. The appeal id travels in a hidden
// field: it is only a pointer, the data layer decides whether the caller may act on it.

export const idField = z.string().trim().min(1).max(64);

export const inviteEmailField = z
  .string()
  .trim()
  .min(1, "Enter the email address of the person to invite.")
  .max(254, "An email address has at most 254 characters.")
  .pipe(z.email("Enter a valid email address, like name@example.org."))
  .transform((email) => email.toLowerCase());

export const inviteMemberSchema = z.object({ appealId: idField, email: inviteEmailField });
export type InviteMemberInput = z.infer<typeof inviteMemberSchema>;

export const removeMemberSchema = z.object({ appealId: idField, memberUserId: idField });
export type RemoveMemberInput = z.infer<typeof removeMemberSchema>;

export const transferOwnershipSchema = z.object({
  appealId: idField,
  toUserId: idField,
  // Sent only by the second, explicit "Yes, make … the owner" button.
  confirm: z.literal("yes", { error: "Confirm that you want to hand over ownership." }),
});
export type TransferOwnershipInput = z.infer<typeof transferOwnershipSchema>;

export const auditCursorSchema = idField.optional();
