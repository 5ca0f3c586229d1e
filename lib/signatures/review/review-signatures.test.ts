import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { reviewSignatures } from "@/lib/signatures/review/review-signatures";
import { auditOf, reviewTeam, signature, statusOf } from "@/lib/signatures/review/review-test-fixtures";

// Lets one test make the audit write fail, to prove that a decision is all or nothing.
vi.mock("@/lib/audit/record-audit", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/audit/record-audit")>();
  return { recordAudit: vi.fn(actual.recordAudit) };
});

describe("reviewSignatures", () => {
  it("approves many awaiting review at once, with one audit entry holding ids and the count, never an email", async () => {
    const { editor, appealId, appeal } = await reviewTeam({ requireApproval: true });
    const a = await signature(appealId, { status: "PENDING_REVIEW", email: "a-review@example.org" });
    const b = await signature(appealId, { status: "PENDING_REVIEW" });
    const c = await signature(appealId, { status: "PENDING_REVIEW" });
    const result = await reviewSignatures({ userId: editor.id, appealId, ids: [a.id, b.id, a.id], decision: "approve" });
    expect(result).toEqual({ slug: appeal.slug, count: 2, skipped: 0, publicChanged: true });
    expect(await statusOf(a.id)).toBe("PUBLIC");
    expect(await statusOf(b.id)).toBe("PUBLIC");
    expect(await statusOf(c.id)).toBe("PENDING_REVIEW");
    const reviewed = await db().signature.findUniqueOrThrow({ where: { id: a.id } });
    expect(reviewed.reviewedAt).toBeInstanceOf(Date);
    const audit = (await auditOf(appealId)).at(-1)!;
    expect(audit).toEqual({ action: "signature.approved", actorId: editor.id, details: { count: 2, signatureIds: [a.id, b.id].sort() } });
    expect(JSON.stringify(audit)).not.toContain("@");
  });

  it("rejects awaiting and public signatures together, and says whether public output changed", async () => {
    const { owner, appealId } = await reviewTeam();
    const pending = await signature(appealId, { status: "PENDING_REVIEW" });
    const pub = await signature(appealId, { status: "PUBLIC" });
    const result = await reviewSignatures({ userId: owner.id, appealId, ids: [pending.id, pub.id], decision: "reject" });
    expect(result).toMatchObject({ count: 2, skipped: 0, publicChanged: true });
    expect(await statusOf(pending.id)).toBe("REJECTED");
    expect(await statusOf(pub.id)).toBe("REJECTED");
    expect((await auditOf(appealId)).at(-1)).toMatchObject({ action: "signature.rejected", details: { count: 2 } });

    const other = await signature(appealId, { status: "PENDING_REVIEW" });
    expect(await reviewSignatures({ userId: owner.id, appealId, ids: [other.id], decision: "reject" })).toMatchObject({ count: 1, publicChanged: false });
  });

  it("moves only along the allowed transitions and skips the rest, other appeals' signatures included", async () => {
    const { owner, appealId } = await reviewTeam();
    const elsewhere = await reviewTeam();
    const rows = {
      email: await signature(appealId, { status: "PENDING_EMAIL" }),
      pub: await signature(appealId, { status: "PUBLIC" }),
      rejected: await signature(appealId, { status: "REJECTED" }),
      withdrawn: await signature(appealId, { status: "WITHDRAWN" }),
      foreign: await signature(elsewhere.appealId, { status: "PENDING_REVIEW" }),
    };
    const ids = Object.values(rows).map((r) => r.id);
    const before = await auditOf(appealId);

    const approved = await reviewSignatures({ userId: owner.id, appealId, ids, decision: "approve" });
    expect(approved).toMatchObject({ count: 0, skipped: 5, publicChanged: false });
    expect(await auditOf(appealId)).toEqual(before);

    const rejected = await reviewSignatures({ userId: owner.id, appealId, ids, decision: "reject" });
    expect(rejected).toMatchObject({ count: 1, skipped: 4, publicChanged: true });
    expect(await statusOf(rows.email.id)).toBe("PENDING_EMAIL");
    expect(await statusOf(rows.pub.id)).toBe("REJECTED");
    expect(await statusOf(rows.rejected.id)).toBe("REJECTED");
    expect(await statusOf(rows.withdrawn.id)).toBe("WITHDRAWN");
    expect(await statusOf(rows.foreign.id)).toBe("PENDING_REVIEW");
    // A rejected signature cannot be approved back.
    expect(await reviewSignatures({ userId: owner.id, appealId, ids: [rows.pub.id], decision: "approve" })).toMatchObject({ count: 0 });
  });

  it("is one transaction: when the audit entry cannot be written, no signature changes", async () => {
    const { owner, appealId } = await reviewTeam({ requireApproval: true });
    const a = await signature(appealId, { status: "PENDING_REVIEW" });
    const b = await signature(appealId, { status: "PENDING_REVIEW" });
    vi.mocked(recordAudit).mockRejectedValueOnce(new Error("disk full"));
    await expect(reviewSignatures({ userId: owner.id, appealId, ids: [a.id, b.id], decision: "approve" })).rejects.toThrow("disk full");
    expect(await statusOf(a.id)).toBe("PENDING_REVIEW");
    expect(await statusOf(b.id)).toBe("PENDING_REVIEW");
  });

  it("appends newly approved signatures to a manual order", async () => {
    const { owner, appealId } = await reviewTeam({ requireApproval: true, signatoryOrder: "MANUAL" });
    await signature(appealId, { status: "PUBLIC", position: 0 });
    await signature(appealId, { status: "PUBLIC", position: 1 });
    const late = await signature(appealId, { status: "PENDING_REVIEW" });
    await reviewSignatures({ userId: owner.id, appealId, ids: [late.id], decision: "approve" });
    expect((await db().signature.findUniqueOrThrow({ where: { id: late.id } })).position).toBe(2);
  });
});
