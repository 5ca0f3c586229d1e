import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createAppeal, createUser } from "@/lib/factories";
import { AUDIT_PAGE_SIZE, listAuditEvents } from "@/lib/audit/list-audit";
import { describeAuditEvent } from "@/lib/audit/describe-audit-event";

async function appealWithEditor() {
  const owner = await createUser({ name: "Olga Owner" });
  const editor = await createUser();
  const appeal = await createAppeal({ ownerId: owner.id });
  await db().appealMember.create({ data: { appealId: appeal.id, userId: editor.id, role: "EDITOR" } });
  return { owner, editor, appeal, appealId: appeal.id };
}

describe("listAuditEvents", () => {
  it("pages newest first, 50 at a time, without gaps or repeats, even for events at the same instant", async () => {
    const { owner, editor, appealId } = await appealWithEditor();
    const base = Date.UTC(2026, 0, 1);
    // 120 events; every third shares its instant with the one before, to exercise the tie-break.
    const data = Array.from({ length: 120 }, (_, i) => ({
      appealId,
      actorId: i % 2 ? owner.id : editor.id,
      action: "appeal.edited",
      details: { n: i },
      createdAt: new Date(base + (i - (i % 3 === 2 ? 1 : 0)) * 1000),
    }));
    await db().auditEvent.createMany({ data });

    const pages = [];
    let cursor: string | undefined;
    do {
      const page = await listAuditEvents({ userId: editor.id, appealId, cursor });
      pages.push(page.events);
      cursor = page.nextCursor ?? undefined;
    } while (cursor && pages.length < 10);

    expect(pages.map((p) => p.length)).toEqual([AUDIT_PAGE_SIZE, AUDIT_PAGE_SIZE, 20]);
    const all = pages.flat();
    expect(new Set(all.map((e) => e.id)).size).toBe(120);
    for (let i = 1; i < all.length; i++) {
      const [a, b] = [all[i - 1]!, all[i]!];
      const newerOrTie = a.createdAt > b.createdAt || (a.createdAt.getTime() === b.createdAt.getTime() && a.id > b.id);
      expect(newerOrTie).toBe(true);
    }
    expect((all[0]!.details as { n: number }).n).toBe(119);
    expect((all.at(-1)!.details as { n: number }).n).toBe(0);
  });

  it("names the actor by name, else email, and 'automatic' when the app acted by itself", async () => {
    const { owner, editor, appealId } = await appealWithEditor();
    const t = Date.now();
    await db().auditEvent.createMany({
      data: [
        { appealId, actorId: owner.id, action: "appeal.created", createdAt: new Date(t - 3000) },
        { appealId, actorId: editor.id, action: "appeal.edited", details: { version: 2 }, createdAt: new Date(t - 2000) },
        { appealId, actorId: null, action: "appeal.closed", details: { reason: "deadline" }, createdAt: new Date(t - 1000) },
      ],
    });
    const { appeal, events, nextCursor } = await listAuditEvents({ userId: owner.id, appealId });
    expect(appeal.id).toBe(appealId);
    expect(nextCursor).toBeNull();
    expect(events.map((e) => [e.action, e.actorLabel])).toEqual([
      ["appeal.closed", "automatic"],
      ["appeal.edited", editor.email],
      ["appeal.created", "Olga Owner"],
    ]);
    expect(events[0]!.actor).toBeNull();
    expect(events[1]!.actor).toEqual({ email: editor.email, name: null });
  });

  it("shows only this appeal's events, and a cursor from another appeal starts from the newest", async () => {
    const { owner, appealId } = await appealWithEditor();
    const other = await createAppeal({ ownerId: owner.id });
    await db().auditEvent.create({ data: { appealId, actorId: owner.id, action: "appeal.created" } });
    const foreign = await db().auditEvent.create({ data: { appealId: other.id, actorId: owner.id, action: "appeal.archived" } });
    const first = await listAuditEvents({ userId: owner.id, appealId });
    expect(first.events.map((e) => e.action)).toEqual(["appeal.created"]);
    const withForeignCursor = await listAuditEvents({ userId: owner.id, appealId, cursor: foreign.id });
    expect(withForeignCursor.events.map((e) => e.id)).toEqual(first.events.map((e) => e.id));
  });

  it("is NOT_FOUND for a non-member and for an unknown appeal", async () => {
    const { appealId } = await appealWithEditor();
    const stranger = await createUser();
    await createAppeal({ ownerId: stranger.id });
    await expect(listAuditEvents({ userId: stranger.id, appealId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listAuditEvents({ userId: stranger.id, appealId: "no-such-appeal" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("describeAuditEvent", () => {
  it.each([
    ["appeal.created", null, "Created the appeal"],
    ["appeal.edited", {}, "Edited the text"],
    ["appeal.edited", { version: 3 }, "Edited the text (version 3)"],
    ["appeal.edited", { fields: ["body", "publicPdf"], version: 4 }, "Edited the text (version 4)"],
    ["appeal.edited", { fields: ["title"] }, "Edited the text"],
    ["appeal.edited", { fields: ["publicPdf", "deadline", "slug"] }, "Changed the settings"],
    ["appeal.published", { version: 1, sha256: "abc" }, "Published (version 1)"],
    ["appeal.closed", { reason: "by hand" }, "Closed"],
    ["appeal.closed", { reason: "deadline", deadline: "2026-01-01T00:00:00.000Z" }, "Closed automatically at the deadline"],
    ["appeal.reopened", null, "Reopened for signatures"],
    ["appeal.archived", null, "Archived"],
    ["appeal.restored", null, "Restored from the archive"],
    ["member.invited", { email: "ana@example.org", role: "EDITOR" }, "Invited ana@example.org as editor"],
    ["member.removed", { email: "ana@example.org", role: "EDITOR", left: false }, "Removed ana@example.org"],
    ["member.removed", { email: "ana@example.org", role: "EDITOR", left: true }, "Left the appeal"],
    ["member.ownership-transferred", { email: "ana@example.org" }, "Made ana@example.org the owner"],
    ["signature.approved", { count: 3 }, "Approved 3 signatures"],
    ["signature.rejected", null, "Rejected 1 signature"],
    ["letter.exported", { code: "X", version: 2, signatories: 40 }, "Exported the signed letter with 40 signatories (version 2)"],
    ["signature.edited", { fields: ["name", "country"] }, "Corrected a signature (name, country)"],
    ["signature.future-thing", {}, "Signature future thing"],
    ["member.invited", "not an object", "Invited a coordinator as editor"],
  ])("%s %j → %s", (action, details, label) => {
    expect(describeAuditEvent(action, details)).toBe(label);
  });
});
