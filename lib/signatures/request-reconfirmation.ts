import "server-only";
import type { Tx } from "@/lib/db";
import type { LetterText } from "@/lib/appeals/letter-text";
import { letterTextDiff } from "@/lib/appeals/text-diff";
import { reconfirmSignatureEmail } from "@/lib/email/templates/signature";
import { wakeOutboxWorker } from "@/lib/email/worker-signal";
import { hashToken } from "@/lib/signatures/tokens";
import { absoluteUrl } from "@/lib/urls";
import { randomBytes } from "node:crypto";

/** How long a link to confirm a new version works. */
export const RECONFIRM_DAYS = 60;

/**
 * After the printed text changed, asks everyone who confirmed an earlier version to confirm the
 * new one, showing what changed. Until they do, they stay on the version they signed.
 * Written in bulk, in the transaction that created the version.
 */
export async function requestReconfirmation(
  tx: Tx,
  { appealId, title, before, after, version }: { appealId: string; title: string; before: LetterText; after: LetterText; version: { id: string; version: number } },
): Promise<number> {
  // Links sent for an earlier change showed an earlier text: from now on they no longer work, on
  // every signature of the appeal (including those not asked again), so a reconfirm link only ever
  // confirms the version its email showed.
  await tx.token.updateMany({
    where: { appealId, purpose: "RECONFIRM_SIGNATURE", usedAt: null, expiresAt: { gt: new Date() } },
    data: { expiresAt: new Date() },
  });
  const signers = await tx.signature.findMany({
    where: { appealId, status: { in: ["PUBLIC", "PENDING_REVIEW"] }, signedVersionId: { not: version.id }, email: { not: "" } },
    select: { id: true, name: true, email: true, signedVersionId: true },
  });
  if (signers.length === 0) return 0;
  // Each signer sees what changed since the version they signed, which may be older than `before`
  // when they did not confirm an earlier change.
  const signedIds = [...new Set(signers.map((s) => s.signedVersionId).filter((id): id is string => id !== null))];
  const signed = await tx.textVersion.findMany({ where: { id: { in: signedIds } }, select: { id: true, content: true } });
  const textOf = new Map(signed.map((v) => [v.id, v.content as unknown as LetterText]));
  const diffs = new Map<string | null, string>();
  const diffFor = (signedVersionId: string | null) => {
    if (!diffs.has(signedVersionId)) diffs.set(signedVersionId, letterTextDiff((signedVersionId && textOf.get(signedVersionId)) || before, after));
    return diffs.get(signedVersionId)!;
  };
  const expiresAt = new Date(Date.now() + RECONFIRM_DAYS * 86_400_000);
  const tokens = signers.map(() => randomBytes(24).toString("base64url"));
  await tx.token.createMany({
    data: signers.map((s, i) => ({ tokenHash: hashToken(tokens[i]!), purpose: "RECONFIRM_SIGNATURE" as const, appealId, signatureId: s.id, expiresAt })),
  });
  await tx.outboxMessage.createMany({
    data: signers.map((s, i) => {
      const m = reconfirmSignatureEmail({ to: s.email, name: s.name, title, url: absoluteUrl(`/s/confirm/${tokens[i]}`), diff: diffFor(s.signedVersionId), version: version.version });
      return { to: m.to, subject: m.subject, text: m.text, html: m.html ?? null };
    }),
  });
  wakeOutboxWorker();
  return signers.length;
}
