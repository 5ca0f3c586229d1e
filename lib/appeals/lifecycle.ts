import "server-only";
import { db, type Tx } from "@/lib/db";
import { getAppealForMember } from "@/lib/appeals/access";
import { closeExpiredAppeals } from "@/lib/appeals/deadline";
import { recordTextVersion } from "@/lib/appeals/text-versions";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";

// Each transition checks membership and the current state inside one transaction and writes its
// audit entry there too. A state that does not allow the transition is INVALID_STATE.

type Args = { userId: string; appealId: string };

/** Transitions of one appeal run one at a time (an archive racing a publish must not both pass). */
const lockAppeal = (tx: Tx, appealId: string) => tx.$queryRaw`SELECT id FROM "Appeal" WHERE id = ${appealId} FOR UPDATE`;

export async function publishAppeal({ userId, appealId }: Args) {
  return db().$transaction(async (tx) => {
    await lockAppeal(tx, appealId);
    const { appeal } = await getAppealForMember({ userId, appealId, roles: ["OWNER", "EDITOR"] }, tx);
    // An archived appeal is hidden from the dashboard list: published, it would collect
    // signatures where no coordinator looks.
    if (appeal.archivedAt) throw new AppError("INVALID_STATE", "Restore the appeal from the archive before publishing it.");
    if (appeal.status !== "DRAFT") throw new AppError("INVALID_STATE", "This appeal is already published.");
    if (!appeal.body.trim()) throw new AppError("INVALID_STATE", "Write the letter before publishing it.");
    if (appeal.deadline && appeal.deadline <= new Date()) {
      throw new AppError("INVALID_STATE", "The deadline has passed: move it before publishing.");
    }
    const published = await tx.appeal.update({
      where: { id: appealId },
      data: { status: "OPEN", publishedAt: new Date(), closedAt: null },
    });
    const { version } = await recordTextVersion(tx, published, userId);
    await recordAudit(tx, { appealId, actorId: userId, action: "appeal.published", details: { version: version.version, sha256: version.sha256 } });
    return { slug: published.slug, version: version.version };
  });
}

export async function closeAppeal({ userId, appealId }: Args): Promise<{ slug: string }> {
  return db().$transaction(async (tx) => {
    await lockAppeal(tx, appealId);
    const { appeal } = await getAppealForMember({ userId, appealId, roles: ["OWNER", "EDITOR"] }, tx);
    if (appeal.status !== "OPEN") throw new AppError("INVALID_STATE", "Only an open appeal can be closed.");
    await tx.appeal.update({ where: { id: appealId }, data: { status: "CLOSED", closedAt: new Date() } });
    await recordAudit(tx, { appealId, actorId: userId, action: "appeal.closed", details: { reason: "by hand" } });
    return { slug: appeal.slug };
  });
}

export async function reopenAppeal({ userId, appealId }: Args): Promise<{ slug: string }> {
  await closeExpiredAppeals(appealId);
  return db().$transaction(async (tx) => {
    await lockAppeal(tx, appealId);
    const { appeal } = await getAppealForMember({ userId, appealId, roles: ["OWNER", "EDITOR"] }, tx);
    if (appeal.status !== "CLOSED") throw new AppError("INVALID_STATE", "Only a closed appeal can be reopened.");
    if (appeal.archivedAt) throw new AppError("INVALID_STATE", "Restore the appeal from the archive before reopening it.");
    if (appeal.deadline && appeal.deadline <= new Date()) {
      throw new AppError("INVALID_STATE", "The deadline has passed: move or remove it in the editor, then reopen.");
    }
    await tx.appeal.update({ where: { id: appealId }, data: { status: "OPEN", closedAt: null } });
    await recordAudit(tx, { appealId, actorId: userId, action: "appeal.reopened" });
    return { slug: appeal.slug };
  });
}

export async function archiveAppeal({ userId, appealId }: Args): Promise<{ slug: string }> {
  return db().$transaction(async (tx) => {
    await lockAppeal(tx, appealId);
    const { appeal } = await getAppealForMember({ userId, appealId, roles: ["OWNER", "EDITOR"] }, tx);
    if (appeal.status === "OPEN") throw new AppError("INVALID_STATE", "Close the appeal before archiving it.");
    if (appeal.archivedAt) throw new AppError("INVALID_STATE", "This appeal is already archived.");
    await tx.appeal.update({ where: { id: appealId }, data: { archivedAt: new Date() } });
    await recordAudit(tx, { appealId, actorId: userId, action: "appeal.archived" });
    return { slug: appeal.slug };
  });
}

export async function restoreAppeal({ userId, appealId }: Args): Promise<{ slug: string }> {
  return db().$transaction(async (tx) => {
    await lockAppeal(tx, appealId);
    const { appeal } = await getAppealForMember({ userId, appealId, roles: ["OWNER", "EDITOR"] }, tx);
    if (!appeal.archivedAt) throw new AppError("INVALID_STATE", "This appeal is not archived.");
    await tx.appeal.update({ where: { id: appealId }, data: { archivedAt: null } });
    await recordAudit(tx, { appealId, actorId: userId, action: "appeal.restored" });
    return { slug: appeal.slug };
  });
}

/** Only the owner may delete, and it takes everything with it: signatures, versions, audit log. */
export async function deleteAppeal({ userId, appealId }: Args): Promise<{ slug: string }> {
  return db().$transaction(async (tx) => {
    const { appeal } = await getAppealForMember({ userId, appealId, roles: ["OWNER"] }, tx);
    await tx.appeal.delete({ where: { id: appealId } });
    return { slug: appeal.slug };
  });
}
