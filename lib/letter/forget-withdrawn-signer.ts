import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import { removeCachedExport } from "./export-cache";
import { parseLetterSnapshot, WITHDRAWN_LINE } from "./letter-snapshot";

/**
 * Withdrawing erases what identified the signer, and that includes the line the letter's exports
 * printed for them: in every snapshot of the appeal that names their signature, the line becomes
 * "[withdrawn]" (the count of lines stays, so each PDF still verifies by its count). The PDFs
 * themselves print the name: returns the export codes whose cached files must go, which the
 * caller removes with dropExportFiles once the transaction has committed. (The first exports'
 * snapshots have no signature ids; their verification page hides such lines at read time.)
 */
export async function forgetSignerInExports(tx: Tx, { appealId, signatureId }: { appealId: string; signatureId: string }): Promise<string[]> {
  const rows = await tx.letterExport.findMany({
    where: { appealId, snapshot: { path: ["signers"], array_contains: [{ id: signatureId }] } },
    select: { id: true, code: true, snapshot: true },
  });
  const codes: string[] = [];
  for (const row of rows) {
    const snapshot = parseLetterSnapshot(row.snapshot);
    const signers = snapshot?.signers;
    if (!snapshot || !signers) continue;
    const signatories = snapshot.signatories.map((line, i) => (signers[i]!.id === signatureId ? WITHDRAWN_LINE : line));
    await tx.letterExport.update({
      where: { id: row.id },
      data: { snapshot: { ...snapshot, signatories } as unknown as Prisma.InputJsonValue },
    });
    codes.push(row.code);
  }
  return codes;
}

/** Removes the cached PDFs of these exports; a failure is logged, never thrown (the row is what counts). */
export async function dropExportFiles(codes: string[]): Promise<void> {
  for (const code of codes) {
    await removeCachedExport(code).catch((err: Error) => console.warn(`[letter] cached export ${code} not removed: ${err.message}`));
  }
}
