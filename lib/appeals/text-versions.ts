import "server-only";
import type { Tx } from "@/lib/db";
import { letterTextOf, letterTextSha256, type LetterText } from "@/lib/appeals/letter-text";
import type { Appeal } from "@/lib/generated/prisma/client";

/**
 * Stores the appeal's printed text as a new version when it differs from the latest one.
 * Every printed change is a version, typos included: signers signed exact words.
 */
export async function recordTextVersion(tx: Tx, appeal: Appeal, actorId: string | null) {
  const text = letterTextOf(appeal);
  const sha256 = letterTextSha256(text);
  const latest = await tx.textVersion.findFirst({ where: { appealId: appeal.id }, orderBy: { version: "desc" } });
  if (latest?.sha256 === sha256) return { version: latest, created: false };
  const version = await tx.textVersion.create({
    data: { appealId: appeal.id, version: (latest?.version ?? 0) + 1, sha256, content: { ...text }, createdById: actorId },
  });
  return { version, created: true };
}

export function printedTextChanged(before: Appeal, after: Omit<LetterText, "letterDate"> & { letterDate: Date | null }): boolean {
  return letterTextSha256(letterTextOf(before)) !== letterTextSha256(letterTextOf(after));
}
