import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { uniqueSuffix } from "@/lib/factories";
import { addSignatureByHand } from "@/lib/signatures/review/add-signature-by-hand";
import { editSignatureDisplay } from "@/lib/signatures/review/edit-signature-display";
import { getSignatureForReview } from "@/lib/signatures/review/get-signature-for-review";
import { listLetterOrder } from "@/lib/signatures/review/list-letter-order";
import { listSignatures } from "@/lib/signatures/review/list-signatures";
import { moveSignature } from "@/lib/signatures/review/move-signature";
import { reviewSignatures } from "@/lib/signatures/review/review-signatures";
import { setNotifyPreference } from "@/lib/signatures/review/set-notify-preference";
import { setSignatoryOrder } from "@/lib/signatures/review/set-signatory-order";
import { signaturesCsv } from "@/lib/signatures/review/signatures-csv";
import { auditOf, reviewTeam, signature } from "@/lib/signatures/review/review-test-fixtures";

describe("authorisation", () => {
  it("a non-member gets NOT_FOUND from every function and changes nothing", async () => {
    const { stranger, owner, appealId } = await reviewTeam({ signatoryOrder: "MANUAL", requireApproval: true });
    const pending = await signature(appealId, { status: "PENDING_REVIEW" });
    const pub = await signature(appealId, { status: "PUBLIC", position: 0 });
    const fields = { name: "Changed", role: "", organisation: "Org", country: null, showName: true, showCountry: true };
    const before = {
      audit: await auditOf(appealId),
      signatures: await db().signature.findMany({ where: { appealId }, orderBy: { id: "asc" } }),
      appeal: await db().appeal.findUniqueOrThrow({ where: { id: appealId } }),
    };
    const userId = stranger.id;
    const calls = [
      () => listSignatures({ userId, appealId }),
      () => reviewSignatures({ userId, appealId, ids: [pending.id], decision: "approve" }),
      () => reviewSignatures({ userId, appealId, ids: [pub.id], decision: "reject" }),
      () => editSignatureDisplay({ userId, appealId, signatureId: pub.id, ...fields }),
      () => addSignatureByHand({ userId, appealId, kind: "ORGANISATION", ...fields }),
      () => addSignatureByHand({ userId, appealId, kind: "ORGANISATION", ...fields, organisation: "" }),
      () => setSignatoryOrder({ userId, appealId, order: "ALPHABETICAL" }),
      () => moveSignature({ userId, appealId, signatureId: pub.id, direction: "down" }),
      () => setNotifyPreference({ userId, appealId, notify: "NONE" }),
      () => signaturesCsv({ userId, appealId }),
      () => getSignatureForReview({ userId, appealId, signatureId: pub.id }),
      () => listLetterOrder({ userId, appealId }),
      () => listSignatures({ userId: owner.id, appealId: `missing-${uniqueSuffix()}` }),
    ];
    for (const call of calls) await expect(call()).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await auditOf(appealId)).toEqual(before.audit);
    expect(await db().signature.findMany({ where: { appealId }, orderBy: { id: "asc" } })).toEqual(before.signatures);
    expect(await db().appeal.findUniqueOrThrow({ where: { id: appealId } })).toEqual(before.appeal);
    expect(await db().appealMember.findUnique({ where: { appealId_userId: { appealId, userId } } })).toBeNull();
  });

  it("an editor may do all of it", async () => {
    const { editor, appealId } = await reviewTeam({ requireApproval: true });
    const pending = await signature(appealId, { status: "PENDING_REVIEW" });
    await expect(reviewSignatures({ userId: editor.id, appealId, ids: [pending.id], decision: "approve" })).resolves.toMatchObject({ count: 1 });
    await expect(setSignatoryOrder({ userId: editor.id, appealId, order: "MANUAL" })).resolves.toMatchObject({ changed: true });
    await expect(setNotifyPreference({ userId: editor.id, appealId, notify: "EACH" })).resolves.toEqual({ notify: "EACH" });
    await expect(signaturesCsv({ userId: editor.id, appealId })).resolves.toMatchObject({ filename: expect.any(String) });
  });
});
