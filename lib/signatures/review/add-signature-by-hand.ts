import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { getAppealForMember } from "@/lib/appeals/access";
import { recordAudit } from "@/lib/audit/record-audit";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AddSignatureField } from "@/lib/schemas/review";
import { displayErrors, type DisplayValues } from "@/lib/signatures/review/display-rules";
import { normalizeEmail } from "@/lib/signatures/normalize-email";
import { organisationCheck } from "@/lib/signatures/organisation-check";

export interface AddSignatureByHandOptions extends DisplayValues {
  userId: string;
  appealId: string;
  kind: "ORGANISATION" | "INDIVIDUAL";
  /** Optional: someone who signed on paper may have given none. Never published. */
  email?: string | null;
}

export type AddSignatureByHandResult =
  | { ok: true; slug: string; signatureId: string; publicChanged: boolean }
  | { ok: false; fieldErrors: Partial<Record<AddSignatureField, string[]>> };

/**
 * A signature a coordinator received another way (on paper, by email, by phone): public at once,
 * marked as added by a coordinator, on the latest version of the text. Without an email address
 * it gets a placeholder that can never match a real address, so the same person can still sign
 * online later; with one, the address counts as signed like any other.
 */
export async function addSignatureByHand({ userId, appealId, kind, email, ...values }: AddSignatureByHandOptions): Promise<AddSignatureByHandResult> {
  const fieldErrors: Partial<Record<AddSignatureField, string[]>> = displayErrors(kind, values);
  if (Object.keys(fieldErrors).length) {
    await getAppealForMember({ userId, appealId });
    return { ok: false, fieldErrors };
  }
  const address = email?.trim() || null;
  try {
    return await db().$transaction(async (tx) => {
      const { appeal } = await getAppealForMember({ userId, appealId }, tx);
      const latest = await tx.textVersion.findFirst({ where: { appealId }, orderBy: { version: "desc" }, select: { id: true } });
      const position =
        appeal.signatoryOrder === "MANUAL"
          ? ((await tx.signature.aggregate({ where: { appealId }, _max: { position: true } }))._max.position ?? -1) + 1
          : null;
      const now = new Date();
      const signature = await tx.signature.create({
        data: {
          appealId,
          kind,
          ...values,
          country: values.country || null,
          email: address ?? "",
          emailNormalized: address ? normalizeEmail(address) : `manual:${randomUUID()}`,
          freeMail: address ? organisationCheck({ email: address, website: null, kind: kind === "ORGANISATION" ? "organisation" : "individual" }).freeMail : false,
          status: "PUBLIC",
          addedByCoordinator: true,
          position,
          signedVersionId: latest?.id ?? null,
          confirmedVersionId: latest?.id ?? null,
          confirmedAt: now,
          reviewedAt: now,
        },
        select: { id: true },
      });
      await recordAudit(tx, { appealId, actorId: userId, action: "signature.added", details: { signatureId: signature.id, kind } });
      return { ok: true as const, slug: appeal.slug, signatureId: signature.id, publicChanged: appeal.status !== "DRAFT" };
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      return { ok: false, fieldErrors: { email: ["This address has already signed this appeal. Find it in the list instead."] } };
    }
    throw err;
  }
}
