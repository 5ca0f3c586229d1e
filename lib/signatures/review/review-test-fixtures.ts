import { db } from "@/lib/db";
import { createAppeal, createSignature, createUser } from "@/lib/factories";
import { recordTextVersion } from "@/lib/appeals/text-versions";
import type { Prisma } from "@/lib/generated/prisma/client";

// Shared by the review tests: an open appeal with its first text version, an owner, an editor
// and a stranger who coordinates another appeal.

export async function reviewTeam(appeal: Partial<Prisma.AppealUncheckedCreateInput> = {}) {
  const owner = await createUser();
  const editor = await createUser();
  const stranger = await createUser();
  const created = await createAppeal({ ownerId: owner.id, status: "OPEN", publishedAt: new Date(), ...appeal });
  await db().appealMember.create({ data: { appealId: created.id, userId: editor.id, role: "EDITOR" } });
  await createAppeal({ ownerId: stranger.id });
  const { version } = await db().$transaction((tx) => recordTextVersion(tx, created, owner.id));
  return { owner, editor, stranger, appeal: created, appealId: created.id, version };
}

/** A signature confirmed `minutesAgo` minutes ago, on the given version. */
export async function signature(
  appealId: string,
  data: Partial<Prisma.SignatureUncheckedCreateInput> & { minutesAgo?: number } = {},
) {
  const { minutesAgo = 0, ...rest } = data;
  const at = new Date(Date.now() - minutesAgo * 60_000);
  const status = rest.status ?? "PUBLIC";
  return createSignature({
    appealId,
    createdAt: at,
    confirmedAt: status === "PENDING_EMAIL" ? null : at,
    ...rest,
  });
}

export const auditOf = async (appealId: string) =>
  (await db().auditEvent.findMany({ where: { appealId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })).map((e) => ({
    action: e.action,
    actorId: e.actorId,
    details: e.details,
  }));

export const statusOf = async (id: string) => (await db().signature.findUniqueOrThrow({ where: { id } })).status;
