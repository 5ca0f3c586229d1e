import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Tx } from "@/lib/db";
import type { TokenPurpose } from "@/lib/generated/prisma/client";

// Links in emails carry a random token; the database keeps only its SHA-256, so a copy of the
// database cannot confirm or withdraw anyone's signature.

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function issueToken(
  tx: Tx,
  { purpose, appealId, signatureId, expiresAt }: { purpose: TokenPurpose; appealId: string; signatureId: string; expiresAt: Date },
): Promise<string> {
  const token = randomBytes(24).toString("base64url");
  await tx.token.create({ data: { tokenHash: hashToken(token), purpose, appealId, signatureId, expiresAt } });
  return token;
}

/** Expires a signature's unused links of one purpose, so only the newest link works. */
export async function retireTokens(tx: Tx, signatureId: string, purpose: TokenPurpose): Promise<void> {
  await tx.token.updateMany({ where: { signatureId, purpose, usedAt: null, expiresAt: { gt: new Date() } }, data: { expiresAt: new Date() } });
}
