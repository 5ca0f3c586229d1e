import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { getAppealForMember } from "@/lib/appeals/access";
import { closeExpiredAppeals } from "@/lib/appeals/deadline";
import { canonicalLetterText, letterTextOf, letterTextSha256 } from "@/lib/appeals/letter-text";
import { archiveAppeal, closeAppeal, deleteAppeal, publishAppeal, reopenAppeal, restoreAppeal } from "@/lib/appeals/lifecycle";
import { createAppeal as saveNewAppeal, updateAppeal } from "@/lib/appeals/save-appeal";
import { getAppealOverview } from "@/lib/appeals/get-appeal-overview";
import { listMyAppeals } from "@/lib/appeals/list-my-appeals";
import { appealFormInput, createAppeal, createSignature, createUser } from "@/lib/factories";
import { appealFormSchema } from "@/lib/schemas/appeal";
import { isAppError } from "@/lib/errors";

const form = (overrides: Record<string, string> = {}) => appealFormSchema.parse({ ...appealFormInput, ...overrides });

async function expectCode(promise: Promise<unknown>, code: string) {
  await expect(promise).rejects.toSatisfy((err: unknown) => isAppError(err) && err.code === code);
}

describe("text versions", () => {
  it("the canonical text and its hash are fixed: the same on every database and machine", () => {
    const text = letterTextOf({
      language: "az",
      title: "Açıq məktub",
      recipient: "Cənab Prezident\r\nBakı",
      place: "Bakı,",
      letterDate: new Date("2026-11-20T00:00:00Z"),
      salutation: "Hörmətli Prezident,",
      body: "Biz çağırırıq.",
      closing: "Hörmətlə,",
    });
    expect(canonicalLetterText(text)).toBe(
      '{"language":"az","title":"Açıq məktub","recipient":"Cənab Prezident\\nBakı","place":"Bakı,","letterDate":"2026-11-20","salutation":"Hörmətli Prezident,","body":"Biz çağırırıq.","closing":"Hörmətlə,"}',
    );
    expect(letterTextSha256(text)).toBe(letterTextSha256({ ...text }));
    expect(letterTextSha256(text)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("publishing stores version 1 with the hash of the stored text, read back identically from the database", async () => {
    const owner = await createUser();
    const saved = await saveNewAppeal({ userId: owner.id, values: form() });
    if (!saved.ok) throw new Error("not saved");
    const { version } = await publishAppeal({ userId: owner.id, appealId: saved.appealId });
    expect(version).toBe(1);
    const appeal = await db().appeal.findUniqueOrThrow({ where: { id: saved.appealId }, include: { versions: true } });
    expect(appeal.versions).toHaveLength(1);
    expect(appeal.versions[0]!.sha256).toBe(letterTextSha256(letterTextOf(appeal)));
    // A constant: this run on PGlite and the run on PostgreSQL must both arrive at it.
    expect(appeal.versions[0]!.sha256).toBe("b1a20833da23b5f00b300f2301c49a2d2e46cd96a5c4b4aaa98c768ca9c10475");
    expect(appeal.versions[0]!.content).toEqual(letterTextOf(appeal));
  });

  it("an edit of the printed text after signatures needs confirmation, then makes version 2; settings alone do not", async () => {
    const owner = await createUser();
    const saved = await saveNewAppeal({ userId: owner.id, values: form() });
    if (!saved.ok) throw new Error("not saved");
    const appealId = saved.appealId;
    await publishAppeal({ userId: owner.id, appealId });
    const v1 = await db().textVersion.findFirstOrThrow({ where: { appealId } });
    await createSignature({ appealId, signedVersionId: v1.id });

    const settingsOnly = await updateAppeal({ userId: owner.id, appealId, values: form({ requireApproval: "on" }) });
    expect(settingsOnly).toMatchObject({ ok: true, newVersion: null });

    const unconfirmed = await updateAppeal({ userId: owner.id, appealId, values: form({ body: "A typo fixed." }) });
    expect(unconfirmed).toEqual({ ok: false, needsConfirmation: { signatures: 1, version: 1, reconfirm: true } });
    expect((await db().appeal.findUniqueOrThrow({ where: { id: appealId } })).body).toContain("We call on you");

    const confirmed = await updateAppeal({ userId: owner.id, appealId, values: form({ body: "A typo fixed.", confirmNewVersion: "on" }) });
    expect(confirmed).toMatchObject({ ok: true, newVersion: 2 });
    const signature = await db().signature.findFirstOrThrow({ where: { appealId } });
    expect(signature.signedVersionId).toBe(v1.id);
    const audit = await db().auditEvent.findMany({ where: { appealId, action: "appeal.edited" } });
    expect(audit.map((a) => a.details)).toContainEqual({ fields: ["body", "requireApproval"], version: 2 });
  });
});

describe("slugs", () => {
  it("are made from the title, unique, and a taken one typed by hand is a field error", async () => {
    const owner = await createUser();
    const first = await saveNewAppeal({ userId: owner.id, values: form({ title: `Open letter: Günay Əliyeva ${owner.id}` }) });
    const second = await saveNewAppeal({ userId: owner.id, values: form({ title: `Open letter: Günay Əliyeva ${owner.id}` }) });
    if (!first.ok || !second.ok) throw new Error("not saved");
    expect(first.slug).toMatch(/^guenay-aliyeva-/);
    expect(second.slug).toBe(`${first.slug}-2`);
    const taken = await saveNewAppeal({ userId: owner.id, values: form({ slug: first.slug }) });
    expect(taken).toEqual({ ok: false, fieldErrors: { slug: [expect.stringContaining("already uses")] } });
  });
});

describe("lifecycle", () => {
  it("draft → open → closed → open, archive only when not open, every step audited", async () => {
    const owner = await createUser();
    const { id: appealId } = await createAppeal({ ownerId: owner.id });
    const args = { userId: owner.id, appealId };
    await expectCode(closeAppeal(args), "INVALID_STATE");
    await publishAppeal(args);
    await expectCode(publishAppeal(args), "INVALID_STATE");
    await expectCode(archiveAppeal(args), "INVALID_STATE");
    await closeAppeal(args);
    await reopenAppeal(args);
    await closeAppeal(args);
    await archiveAppeal(args);
    await expectCode(reopenAppeal(args), "INVALID_STATE");
    expect(await listMyAppeals({ userId: owner.id })).toHaveLength(0);
    expect(await listMyAppeals({ userId: owner.id, archived: true })).toHaveLength(1);
    await restoreAppeal(args);
    const actions = (await db().auditEvent.findMany({ where: { appealId }, orderBy: { createdAt: "asc" } })).map((e) => [e.action, e.actorId]);
    expect(actions).toEqual([
      ["appeal.published", owner.id],
      ["appeal.closed", owner.id],
      ["appeal.reopened", owner.id],
      ["appeal.closed", owner.id],
      ["appeal.archived", owner.id],
      ["appeal.restored", owner.id],
    ]);
  });

  it("an archived draft cannot be published: it would be open yet hidden from the dashboard", async () => {
    const owner = await createUser();
    const { id: appealId } = await createAppeal({ ownerId: owner.id });
    const args = { userId: owner.id, appealId };
    await archiveAppeal(args);
    await expect(publishAppeal(args)).rejects.toSatisfy(
      (err: unknown) => isAppError(err, "INVALID_STATE") && /restore the appeal from the archive/i.test(err.message),
    );
    expect(await db().appeal.findUniqueOrThrow({ where: { id: appealId } })).toMatchObject({ status: "DRAFT", publishedAt: null });
    expect(await db().textVersion.count({ where: { appealId } })).toBe(0);
    await restoreAppeal(args);
    await publishAppeal(args);
    expect((await listMyAppeals({ userId: owner.id }))[0]).toMatchObject({ id: appealId, status: "OPEN" });
  });

  it("a passed deadline closes the appeal, recorded as automatic", async () => {
    const owner = await createUser();
    const { id: appealId } = await createAppeal({ ownerId: owner.id, status: "OPEN", deadline: new Date(Date.now() - 1000) });
    const { id: future } = await createAppeal({ ownerId: owner.id, status: "OPEN", deadline: new Date(Date.now() + 3_600_000) });
    expect(await closeExpiredAppeals()).toBeGreaterThanOrEqual(1);
    expect((await db().appeal.findUniqueOrThrow({ where: { id: appealId } })).status).toBe("CLOSED");
    expect((await db().appeal.findUniqueOrThrow({ where: { id: future } })).status).toBe("OPEN");
    const event = await db().auditEvent.findFirstOrThrow({ where: { appealId } });
    expect(event).toMatchObject({ action: "appeal.closed", actorId: null, details: { reason: "deadline" } });
    await expectCode(reopenAppeal({ userId: owner.id, appealId }), "INVALID_STATE");
  });
});

describe("closing at the deadline expires the public pages", () => {
  const globals = globalThis as { __incrementalCache?: unknown };
  afterEach(() => {
    delete globals.__incrementalCache;
  });

  it("outside any request (the background loop), on Next's process cache, with the tags a close by hand expires", async () => {
    const revalidateTag = vi.fn(async (_tags: string[]) => {});
    globals.__incrementalCache = { revalidateTag };
    const owner = await createUser();
    const { id: appealId, slug } = await createAppeal({ ownerId: owner.id, status: "OPEN", deadline: new Date(Date.now() - 1000) });
    await closeExpiredAppeals();
    const expired = revalidateTag.mock.calls.map(([tags]) => tags);
    expect(expired).toContainEqual(expect.arrayContaining([`appeal:${slug}`, "public-appeals"]));

    revalidateTag.mockClear();
    await closeExpiredAppeals(appealId);
    expect(revalidateTag).not.toHaveBeenCalled();
  });

  it("and does not fail when there is no cache to expire", async () => {
    const owner = await createUser();
    const { id: appealId } = await createAppeal({ ownerId: owner.id, status: "OPEN", deadline: new Date(Date.now() - 1000) });
    expect(await closeExpiredAppeals(appealId)).toBe(1);
  });
});

describe("authorisation", () => {
  it("a non-member gets NOT_FOUND from every function; an editor may edit but not delete", async () => {
    const owner = await createUser();
    const editor = await createUser();
    const stranger = await createUser();
    const { id: appealId } = await createAppeal({ ownerId: owner.id });
    await db().appealMember.create({ data: { appealId, userId: editor.id, role: "EDITOR" } });

    const strangerArgs = { userId: stranger.id, appealId };
    for (const call of [
      () => getAppealForMember(strangerArgs),
      () => getAppealOverview(strangerArgs),
      () => updateAppeal({ ...strangerArgs, values: form() }),
      () => publishAppeal(strangerArgs),
      () => closeAppeal(strangerArgs),
      () => reopenAppeal(strangerArgs),
      () => archiveAppeal(strangerArgs),
      () => restoreAppeal(strangerArgs),
      () => deleteAppeal(strangerArgs),
    ]) {
      await expectCode(call(), "NOT_FOUND");
    }
    expect(await listMyAppeals({ userId: stranger.id })).toEqual([]);

    expect(await updateAppeal({ userId: editor.id, appealId, values: form({ title: "Edited by the editor" }) })).toMatchObject({ ok: true });
    await expectCode(deleteAppeal({ userId: editor.id, appealId }), "FORBIDDEN");
    await deleteAppeal({ userId: owner.id, appealId });
    expect(await db().appeal.findUnique({ where: { id: appealId } })).toBeNull();
  });
});
