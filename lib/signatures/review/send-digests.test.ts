import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createAppeal, createUser } from "@/lib/factories";
import { sendDueDigests } from "@/lib/signatures/review/send-digests";
import { setNotifyPreference } from "@/lib/signatures/review/set-notify-preference";
import { reviewTeam, signature } from "@/lib/signatures/review/review-test-fixtures";

const HOUR = 3_600_000;
const mailsTo = (email: string) => db().outboxMessage.findMany({ where: { to: email }, orderBy: { createdAt: "asc" } });

describe("sendDueDigests", () => {
  it("sends one email per coordinator per day with counts per appeal, even when run twice at once", async () => {
    const { owner, editor, appealId, appeal } = await reviewTeam({ requireApproval: true });
    const second = await createAppeal({ ownerId: owner.id, status: "OPEN", title: `Second appeal ${appealId}` });
    const signerEmail = `digest-signer-${appealId}@example.org`;
    await signature(appealId, { name: "Secret Signer", email: signerEmail, status: "PENDING_REVIEW", minutesAgo: 10 });
    await signature(appealId, { name: "Public Signer", minutesAgo: 5 });
    await signature(second.id, { name: "Other Signer", minutesAgo: 5 });
    // Neither added by hand nor unconfirmed signatures are news.
    await signature(appealId, { name: "By Hand", addedByCoordinator: true, minutesAgo: 5 });
    await signature(appealId, { name: "Unconfirmed", status: "PENDING_EMAIL" });
    // Membership rows predate the signatures, as in life.
    await db().appealMember.updateMany({ where: { appealId: { in: [appealId, second.id] } }, data: { createdAt: new Date(Date.now() - 2 * HOUR) } });

    await Promise.all([sendDueDigests(), sendDueDigests()]);

    const ownerMails = await mailsTo(owner.email);
    expect(ownerMails).toHaveLength(1);
    const mail = ownerMails[0]!;
    expect(mail.subject).toBe("Daily digest: 3 new signatures");
    expect(mail.text).toContain(`“${appeal.title}”: 2 new signatures, 1 signature awaits your review.`);
    expect(mail.text).toContain(`“${second.title}”: 1 new signature.`);
    expect(mail.text).toContain(`/dashboard/appeals/${appealId}/signatures?status=PENDING_REVIEW`);
    for (const secret of ["Secret Signer", "Public Signer", signerEmail, "By Hand"]) {
      expect(mail.text).not.toContain(secret);
      expect(mail.html).not.toContain(secret);
    }
    const editorMails = await mailsTo(editor.email);
    expect(editorMails).toHaveLength(1);
    expect(editorMails[0]!.text).not.toContain(second.title);

    // Later the same day: new signatures, but no second digest.
    await signature(appealId, { name: "Later Signer" });
    await sendDueDigests({ now: new Date(Date.now() + 2 * HOUR) });
    expect(await mailsTo(owner.email)).toHaveLength(1);

    // The next day: a digest with what came since the last one only.
    await sendDueDigests({ now: new Date(Date.now() + 25 * HOUR) });
    const next = await mailsTo(owner.email);
    expect(next).toHaveLength(2);
    expect(next[1]!.subject).toBe("Daily digest: 1 new signature");
    expect(next[1]!.text).not.toContain(second.title);
  });

  it("sends nothing without news, to coordinators who chose each signature or none, or to non-members", async () => {
    const { owner, editor, appealId } = await reviewTeam();
    const quiet = await reviewTeam();
    const outsider = await createUser();
    await db().appealMember.updateMany({ where: { appealId }, data: { createdAt: new Date(Date.now() - HOUR) } });
    await setNotifyPreference({ userId: owner.id, appealId, notify: "EACH" });
    await setNotifyPreference({ userId: editor.id, appealId, notify: "NONE" });
    await signature(appealId, { name: "Someone" });
    await sendDueDigests();
    for (const email of [owner.email, editor.email, quiet.owner.email, outsider.email]) expect(await mailsTo(email)).toHaveLength(0);
    expect(await db().appealMember.findMany({ where: { appealId }, select: { lastDigestAt: true } })).toEqual([{ lastDigestAt: null }, { lastDigestAt: null }]);
  });
});
