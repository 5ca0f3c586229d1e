import "server-only";
import type { Tx } from "@/lib/db";
import type { LetterText } from "@/lib/appeals/letter-text";
import { letterTextDiff } from "@/lib/appeals/text-diff";
import { reconfirmSignatureEmail } from "@/lib/email/templates/signature";
import { wakeOutboxWorker } from "@/lib/email/worker-signal";
import { hashToken } from "@/lib/signatures/tokens";
import { absoluteUrl } from "@/lib/urls";
import { randomBytes } from "node:crypto";

const RECONFIRM_DAYS = 60;

/**
 * After the printed text changed, asks everyone who confirmed an earlier version to confirm the
 * new one, showing what changed. Until they do, they stay on the version they signed.
 * Written in bulk, in the transaction that created the version.
 */
export async function requestReconfirmation(
  tx: Tx,
  { appealId, title, before, after, version }: { appealId: string; title: string; before: LetterText; after: LetterText; version: { id: string; version: number } },
): Promise<number> {
  const signers = await tx.signature.findMany({
    where: { appealId, status: { in: ["PUBLIC", "PENDING_REVIEW"] }, signedVersionId: { not: version.id }, email: { not: "" } },
    select: { id: true, name: true, email: true },
  });
  if (signers.length === 0) return 0;
  const diff = letterTextDiff(before, after);
  const expiresAt = new Date(Date.now() + RECONFIRM_DAYS * 86_400_000);
  const tokens = signers.map(() => randomBytes(24).toString("base64url"));
  await tx.token.createMany({
    data: signers.map((s, i) => ({ tokenHash: hashToken(tokens[i]!), purpose: "RECONFIRM_SIGNATURE" as const, appealId, signatureId: s.id, expiresAt })),
  });
  await tx.outboxMessage.createMany({
    data: signers.map((s, i) => {
      const m = reconfirmSignatureEmail({ to: s.email, name: s.name, title, url: absoluteUrl(`/s/confirm/${tokens[i]}`), diff, version: version.version });
      return { to: m.to, subject: m.subject, text: m.text, html: m.html ?? null };
    }),
  });
  wakeOutboxWorker();
  return signers.length;
}
