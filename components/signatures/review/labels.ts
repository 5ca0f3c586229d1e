import type { SignatureStatus } from "@/lib/generated/prisma/enums";

export const STATUS_LABELS: Record<SignatureStatus, string> = {
  PENDING_REVIEW: "Awaiting review",
  PUBLIC: "Public",
  PENDING_EMAIL: "Awaiting email confirmation",
  REJECTED: "Rejected",
  WITHDRAWN: "Withdrawn",
};
