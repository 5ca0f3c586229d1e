import "server-only";
import { db } from "@/lib/db";
import { getAppealForMember } from "@/lib/appeals/access";
import { closeExpiredAppeals } from "@/lib/appeals/deadline";
import { freeSlug, slugFromTitle } from "@/lib/appeals/slug";
import { printedTextChanged, recordTextVersion } from "@/lib/appeals/text-versions";
import { letterTextOf } from "@/lib/appeals/letter-text";
import { requestReconfirmation } from "@/lib/signatures/request-reconfirmation";
import { recordAudit } from "@/lib/audit/record-audit";
import { DEADLINE_IN_PAST, deadlineInstant, isPastNewDeadline, type AppealFormValues } from "@/lib/schemas/appeal";
import { Prisma, type Appeal } from "@/lib/generated/prisma/client";

export const STALE_FORM_MESSAGE = "This appeal was changed by someone else since you opened it; reload to see their changes.";

export type SaveAppealResult =
  | { ok: true; appealId: string; slug: string; previousSlug: string | null; newVersion: number | null; changed: boolean }
  | { ok: false; fieldErrors: Partial<Record<keyof AppealFormValues, string[]>> }
  | { ok: false; needsConfirmation: { signatures: number; version: number; reconfirm: boolean } }
  | { ok: false; conflict: string };

function appealData(v: AppealFormValues) {
  return {
    title: v.title,
    summary: v.summary,
    organisers: v.organisers,
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
  if (isPastNewDeadline(values, null)) return { ok: false, fieldErrors: { deadline: [DEADLINE_IN_PAST] } };
  try {
    return await db().$transaction(async (tx) => {
      if (values.slug && (await tx.appeal.findUnique({ where: { slug: values.slug }, select: { id: true } }))) return slugTaken;
      const slug = values.slug || (await freeSlug(tx, slugFromTitle(values.title)));
      const appeal = await tx.appeal.create({
        data: { ...appealData(values), slug, members: { create: { userId, role: "OWNER" } } },
      });
      await recordAudit(tx, { appealId: appeal.id, actorId: userId, action: "appeal.created" });
      return { ok: true as const, appealId: appeal.id, slug, previousSlug: null, newVersion: null, changed: true };
    });
  } catch (err) {
    if (isSlugConflict(err)) return slugTaken;
    throw err;
  }
}

type AppealData = ReturnType<typeof appealData> & { slug: string };

const sameValue = (a: unknown, b: unknown) =>
  a instanceof Date || b instanceof Date ? (a as Date | null)?.getTime() === (b as Date | null)?.getTime() : a === b;

/** The names of the fields a save would change, in the form's order. */
function changedFields(before: Appeal, after: AppealData): (keyof AppealData)[] {
  return (Object.keys(after) as (keyof AppealData)[]).filter((key) => !sameValue(before[key], after[key]));
}

const sameMinute = (a: Date | null, b: Date | null) => !!a && !!b && Math.floor(a.getTime() / 60_000) === Math.floor(b.getTime() / 60_000);

/**
 * Saves the editor. Once published, any change to the printed text becomes a new version; when
 * people have already signed, the coordinator must confirm first.
 *
 * The appeal's row is locked for the whole save, so two saves run one after the other (never
 * both writing version N+1); `expectedUpdatedAt`, the `updatedAt` the editor was opened with,
 * turns the second of two overlapping edits into a conflict instead of silently undoing the first.
 */
export async function updateAppeal({
  userId,
  appealId,
  values,
  expectedUpdatedAt,
}: {
  userId: string;
  appealId: string;
  values: AppealFormValues;
  expectedUpdatedAt?: Date;
}): Promise<SaveAppealResult> {
  await closeExpiredAppeals(appealId);
  try {
    return await db().$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Appeal" WHERE id = ${appealId} FOR UPDATE`;
      const { appeal } = await getAppealForMember({ userId, appealId, roles: ["OWNER", "EDITOR"] }, tx);
      if (expectedUpdatedAt && appeal.updatedAt.getTime() !== expectedUpdatedAt.getTime()) {
        return { ok: false as const, conflict: STALE_FORM_MESSAGE };
      }

      const fieldErrors: Partial<Record<keyof AppealFormValues, string[]>> = {};
      // Cleared on a draft, the address is made from the title again (as the hint says); once
      // published it has been shared, so an empty field keeps it.
      const slug = values.slug || (appeal.status === "DRAFT" ? await freeSlug(tx, slugFromTitle(values.title), appealId) : appeal.slug);
      if (slug !== appeal.slug && (await tx.appeal.findFirst({ where: { slug, id: { not: appealId } }, select: { id: true } }))) {
        fieldErrors.slug = slugTaken.fieldErrors.slug;
      }
      // Only a new or moved deadline must lie ahead: the editor shows the stored one back, and
      // an appeal closed at its deadline must still be editable.
      if (isPastNewDeadline(values, appeal.deadline)) fieldErrors.deadline = [DEADLINE_IN_PAST];
      if (Object.keys(fieldErrors).length > 0) return { ok: false as const, fieldErrors };

      const data: AppealData = { ...appealData(values), slug };
      // The editor shows the deadline to the minute: the same minute in the same zone is no change.
      if (sameMinute(data.deadline, appeal.deadline) && data.deadlineTimeZone === appeal.deadlineTimeZone) data.deadline = appeal.deadline;
      const fields = changedFields(appeal, data);
      if (fields.length === 0) {
        return { ok: true as const, appealId, slug, previousSlug: appeal.slug, newVersion: null, changed: false };
      }

      const changed = printedTextChanged(appeal, data);
      const reconfirm = appeal.status === "OPEN";
      if (appeal.status !== "DRAFT" && changed && !values.confirmNewVersion) {
        const signatures = await tx.signature.count({ where: { appealId, status: { not: "WITHDRAWN" } } });
        if (signatures > 0) {
          const latest = await tx.textVersion.findFirst({ where: { appealId }, orderBy: { version: "desc" } });
          return { ok: false as const, needsConfirmation: { signatures, version: latest?.version ?? 1, reconfirm } };
        }
      }
      const updated = await tx.appeal.update({ where: { id: appealId }, data });
      const version = appeal.status !== "DRAFT" && changed ? await recordTextVersion(tx, updated, userId) : null;
      // Only an open appeal can be confirmed again; a closed one keeps its signers on the version
      // they signed.
      if (version?.created && reconfirm) {
        await requestReconfirmation(tx, {
          appealId, title: updated.title, before: letterTextOf(appeal), after: letterTextOf(updated), version: version.version,
        });
      }
      await recordAudit(tx, {
        appealId,
        actorId: userId,
        action: "appeal.edited",
        details: { fields, ...(version?.created ? { version: version.version.version } : {}) },
      });
      return {
        ok: true as const,
        appealId,
        slug,
        previousSlug: appeal.slug,
        newVersion: version?.created ? version.version.version : null,
        changed: true,
      };
    });
  } catch (err) {
    if (isSlugConflict(err)) return slugTaken;
    throw err;
  }
}
