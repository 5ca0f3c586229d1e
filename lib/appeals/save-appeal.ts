import "server-only";
import { db } from "@/lib/db";
import { getAppealForMember } from "@/lib/appeals/access";
import { closeExpiredAppeals } from "@/lib/appeals/deadline";
import { freeSlug, slugFromTitle } from "@/lib/appeals/slug";
import { printedTextChanged, recordTextVersion } from "@/lib/appeals/text-versions";
import { letterTextOf } from "@/lib/appeals/letter-text";
import { requestReconfirmation } from "@/lib/signatures/request-reconfirmation";
import { recordAudit } from "@/lib/audit/record-audit";
import { deadlineInstant, type AppealFormValues } from "@/lib/schemas/appeal";
import { Prisma } from "@/lib/generated/prisma/client";

export type SaveAppealResult =
  | { ok: true; appealId: string; slug: string; previousSlug: string | null; newVersion: number | null }
  | { ok: false; fieldErrors: Partial<Record<keyof AppealFormValues, string[]>> }
  | { ok: false; needsConfirmation: { signatures: number; version: number } };

function appealData(v: AppealFormValues) {
  return {
    title: v.title,
    summary: v.summary,
    recipient: v.recipient,
    place: v.place,
    letterDate: v.letterDate ? new Date(`${v.letterDate}T00:00:00Z`) : null,
    salutation: v.salutation,
    body: v.body,
    closing: v.closing,
    language: v.language,
    allowOrganisations: v.allowOrganisations,
    allowIndividuals: v.allowIndividuals,
    drawnSignature: v.drawnSignature,
    requireApproval: v.requireApproval,
    publicPdf: v.publicPdf,
    pageSize: v.pageSize,
    signatoryLayout: v.signatoryLayout,
    deadline: v.deadline ? deadlineInstant(v.deadline, v.deadlineTimeZone) : null,
    deadlineTimeZone: v.deadline ? v.deadlineTimeZone : null,
  };
}

const slugTaken = { ok: false as const, fieldErrors: { slug: ["Another appeal already uses this address. Choose another."] } };
const isSlugConflict = (err: unknown) =>
  err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002" && JSON.stringify(err.meta ?? {}).includes("slug");

/** A new draft owned by its creator. */
export async function createAppeal({ userId, values }: { userId: string; values: AppealFormValues }): Promise<SaveAppealResult> {
  try {
    return await db().$transaction(async (tx) => {
      if (values.slug && (await tx.appeal.findUnique({ where: { slug: values.slug }, select: { id: true } }))) return slugTaken;
      const slug = values.slug || (await freeSlug(tx, slugFromTitle(values.title)));
      const appeal = await tx.appeal.create({
        data: { ...appealData(values), slug, members: { create: { userId, role: "OWNER" } } },
      });
      await recordAudit(tx, { appealId: appeal.id, actorId: userId, action: "appeal.created" });
      return { ok: true as const, appealId: appeal.id, slug, previousSlug: null, newVersion: null };
    });
  } catch (err) {
    if (isSlugConflict(err)) return slugTaken;
    throw err;
  }
}

/**
 * Saves the editor. Once published, any change to the printed text becomes a new version; when
 * people have already signed, the coordinator must confirm first.
 */
export async function updateAppeal({
  userId,
  appealId,
  values,
}: {
  userId: string;
  appealId: string;
  values: AppealFormValues;
}): Promise<SaveAppealResult> {
  await closeExpiredAppeals(appealId);
  try {
    return await db().$transaction(async (tx) => {
      const { appeal } = await getAppealForMember({ userId, appealId, roles: ["OWNER", "EDITOR"] }, tx);
      const slug = values.slug || appeal.slug;
      if (slug !== appeal.slug && (await tx.appeal.findUnique({ where: { slug }, select: { id: true } }))) return slugTaken;
      const data = appealData(values);
      const changed = printedTextChanged(appeal, data);
      if (appeal.status !== "DRAFT" && changed && !values.confirmNewVersion) {
        const signatures = await tx.signature.count({ where: { appealId, status: { not: "WITHDRAWN" } } });
        if (signatures > 0) {
          const latest = await tx.textVersion.findFirst({ where: { appealId }, orderBy: { version: "desc" } });
          return { ok: false as const, needsConfirmation: { signatures, version: latest?.version ?? 1 } };
        }
      }
      const updated = await tx.appeal.update({ where: { id: appealId }, data: { ...data, slug } });
      const version = appeal.status !== "DRAFT" && changed ? await recordTextVersion(tx, updated, userId) : null;
      if (version?.created) {
        await requestReconfirmation(tx, {
          appealId, title: updated.title, before: letterTextOf(appeal), after: letterTextOf(updated), version: version.version,
        });
      }
      await recordAudit(tx, {
        appealId,
        actorId: userId,
        action: "appeal.edited",
        details: version?.created ? { version: version.version.version } : {},
      });
      return { ok: true as const, appealId, slug, previousSlug: appeal.slug, newVersion: version?.created ? version.version.version : null };
    });
  } catch (err) {
    if (isSlugConflict(err)) return slugTaken;
    throw err;
  }
}
