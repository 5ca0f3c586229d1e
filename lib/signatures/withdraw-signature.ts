import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { dropExportFiles, forgetSignerInExports } from "@/lib/letter/forget-withdrawn-signer";
import { hashToken } from "@/lib/signatures/tokens";

export type WithdrawLookup =
  | { state: "READY"; slug: string; title: string; line: string }
  | { state: "DONE" | "CLOSED"; slug: string; title: string }
  | { state: "INVALID" };

async function findWithdrawToken(token: string) {
  const row = await db().token.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { signature: true, appeal: { select: { id: true, slug: true, title: true, status: true } } },
  });
  if (!row || row.purpose !== "WITHDRAW_SIGNATURE" || !row.signature) return null;
  return row;
}

/** What the withdraw page shows before the signer presses the button (a GET changes nothing). */
export async function lookupWithdrawal({ token }: { token: string }): Promise<WithdrawLookup> {
  const row = await findWithdrawToken(token);
  if (!row) return { state: "INVALID" };
  const { appeal } = row;
  const signature = row.signature!;
  if (signature.status === "WITHDRAWN") return { state: "DONE", slug: appeal.slug, title: appeal.title };
  if (row.expiresAt <= new Date()) return { state: "INVALID" };
  if (appeal.status !== "OPEN") return { state: "CLOSED", slug: appeal.slug, title: appeal.title };
  const line = [signature.name, signature.organisation].filter(Boolean).join(", ");
  return { state: "READY", slug: appeal.slug, title: appeal.title, line };
}

/**
 * Takes a signature off the appeal and the letter and erases what identified the signer, including
 * the line earlier exports of the letter printed for them (their snapshots and cached PDFs); the
 * audit log keeps only that a signature was withdrawn.
 */
export async function withdrawSignature({ token }: { token: string }): Promise<WithdrawLookup> {
  const before = await lookupWithdrawal({ token });
  if (before.state !== "READY") return before;
  const { result, exportFiles } = await db().$transaction(async (tx) => {
    const row = (await tx.token.findUnique({ where: { tokenHash: hashToken(token) } }))!;
    const { count } = await tx.signature.updateMany({
      where: { id: row.signatureId!, status: { not: "WITHDRAWN" } },
      data: {
        status: "WITHDRAWN", withdrawnAt: new Date(), name: "", role: "", organisation: "", country: null, website: null,
        email: "", emailNormalized: `withdrawn:${row.signatureId}`, signatureImage: null, inkColor: null, position: null,
      },
    });
    await tx.token.updateMany({ where: { signatureId: row.signatureId!, usedAt: null }, data: { usedAt: new Date() } });
    let exportFiles: string[] = [];
    if (count > 0) {
      await recordAudit(tx, { appealId: row.appealId, actorId: null, action: "signature.withdrawn", details: { signatureId: row.signatureId } });
      exportFiles = await forgetSignerInExports(tx, { appealId: row.appealId, signatureId: row.signatureId! });
    }
    return { result: { state: "DONE" as const, slug: before.slug, title: before.title }, exportFiles };
  });
  await dropExportFiles(exportFiles);
  return result;
}
