import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { closeExpiredAppeals } from "@/lib/appeals/deadline";
import { appealFormDefaults } from "@/lib/appeals/form-defaults";
import { closeAppeal, publishAppeal } from "@/lib/appeals/lifecycle";
import { createAppeal as saveNewAppeal, STALE_FORM_MESSAGE, updateAppeal } from "@/lib/appeals/save-appeal";
import { describeAuditEvent } from "@/lib/audit/describe-audit-event";
import { appealFormInput, createAppeal, createSignature, createUser } from "@/lib/factories";
import { appealEditSchema, appealFormSchema, deadlineLocalValue } from "@/lib/schemas/appeal";


/** What the editor submits for a new appeal. */
const newForm = (overrides: Record<string, string> = {}) => appealFormSchema.parse({ ...appealFormInput, ...overrides });

/** What the editor of a saved appeal submits: the stored values as the form shows them, then edits. */
async function editForm(appealId: string, overrides: Record<string, string> = {}) {
  const appeal = await db().appeal.findUniqueOrThrow({ where: { id: appealId } });
  return appealEditSchema.parse({ ...appealFormDefaults(appeal), ...overrides });
}

const stored = (id: string) => db().appeal.findUniqueOrThrow({ where: { id } });
const edits = (appealId: string) => db().auditEvent.findMany({ where: { appealId, action: "appeal.edited" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });

async function publishedAppeal(overrides: Record<string, string> = {}) {
  const owner = await createUser();
  const saved = await saveNewAppeal({ userId: owner.id, values: newForm(overrides) });
  if (!saved.ok) throw new Error("not saved");
  await publishAppeal({ userId: owner.id, appealId: saved.appealId });
  return { owner, appealId: saved.appealId, slug: saved.slug };
}

describe("a deadline in the past", () => {
  it("is kept when unchanged: an appeal closed at its deadline can still be edited", async () => {
    const owner = await createUser();
    const deadline = new Date(Date.now() - 3_600_000 - 17_123); // seconds and milliseconds, as the background loop may see
    const { id: appealId } = await createAppeal({ ownerId: owner.id, status: "OPEN", deadline, deadlineTimeZone: "Europe/Paris" });
    await closeExpiredAppeals(appealId);
    expect((await stored(appealId)).status).toBe("CLOSED");

    const values = await editForm(appealId, { publicPdf: "on" });
    expect(await updateAppeal({ userId: owner.id, appealId, values })).toMatchObject({ ok: true, changed: true });
    const after = await stored(appealId);
    expect(after.publicPdf).toBe(true);
    // The stored instant is left as it was, not rounded to the minute the form shows.
    expect(after.deadline).toEqual(deadline);
    expect((await edits(appealId)).at(-1)!.details).toEqual({ fields: ["publicPdf"] });
  });

  it("is refused beside the field when new or moved, and for a new appeal", async () => {
    const owner = await createUser();
    const { id: appealId } = await createAppeal({ ownerId: owner.id, deadline: new Date(Date.now() - 86_400_000), deadlineTimeZone: "UTC" });
    const moved = deadlineLocalValue(new Date(Date.now() - 3_600_000), "UTC");
    const result = await updateAppeal({ userId: owner.id, appealId, values: await editForm(appealId, { deadline: moved }) });
    expect(result).toEqual({ ok: false, fieldErrors: { deadline: ["The deadline must be in the future."] } });

    const { id: none } = await createAppeal({ ownerId: owner.id });
    const added = await updateAppeal({ userId: owner.id, appealId: none, values: await editForm(none, { deadline: moved, deadlineTimeZone: "UTC" }) });
    expect(added).toEqual({ ok: false, fieldErrors: { deadline: ["The deadline must be in the future."] } });

    const parsed = appealFormSchema.safeParse({ ...appealFormInput, deadline: moved, deadlineTimeZone: "UTC" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues).toContainEqual(expect.objectContaining({ path: ["deadline"], message: "The deadline must be in the future." }));
    // A future one is fine anywhere.
    const future = deadlineLocalValue(new Date(Date.now() + 86_400_000), "UTC");
    expect(await updateAppeal({ userId: owner.id, appealId, values: await editForm(appealId, { deadline: future }) })).toMatchObject({ ok: true });
  });
});

describe("concurrent saves", () => {
  it("the second of two saves from editors opened at the same time is refused, keeping the first", async () => {
    const { owner, appealId } = await publishedAppeal();
    const editor = await createUser();
    await db().appealMember.create({ data: { appealId, userId: editor.id, role: "EDITOR" } });
    const opened = (await stored(appealId)).updatedAt;

    const results = await Promise.all([
      updateAppeal({ userId: owner.id, appealId, values: await editForm(appealId, { body: "The owner's words." }), expectedUpdatedAt: opened }),
      updateAppeal({ userId: editor.id, appealId, values: await editForm(appealId, { body: "The editor's words." }), expectedUpdatedAt: opened }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, conflict: STALE_FORM_MESSAGE }]);
    expect(STALE_FORM_MESSAGE).toBe("This appeal was changed by someone else since you opened it; reload to see their changes.");
    const versions = await db().textVersion.findMany({ where: { appealId }, orderBy: { version: "asc" } });
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    const winner = results.findIndex((r) => r.ok);
    expect((await stored(appealId)).body).toBe(winner === 0 ? "The owner's words." : "The editor's words.");

    // Reloaded, the editor sees the new updatedAt and can save.
    const reloaded = (await stored(appealId)).updatedAt;
    expect(await updateAppeal({ userId: editor.id, appealId, values: await editForm(appealId, { body: "Agreed words." }), expectedUpdatedAt: reloaded })).toMatchObject({ ok: true, newVersion: 3 });
  });

  it("saves racing without the form's timestamp still make one version each, never a duplicate", async () => {
    const { owner, appealId } = await publishedAppeal();
    const results = await Promise.all(
      ["First.", "Second.", "Third."].map(async (body) => updateAppeal({ userId: owner.id, appealId, values: await editForm(appealId, { body }) })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const versions = await db().textVersion.findMany({ where: { appealId }, orderBy: { version: "asc" } });
    expect(versions.map((v) => v.version)).toEqual([1, 2, 3, 4]);
  });
});

describe("editing a closed appeal's text", () => {
  it("makes a new version without asking earlier signers to reconfirm", async () => {
    const { owner, appealId } = await publishedAppeal();
    const v1 = await db().textVersion.findFirstOrThrow({ where: { appealId } });
    const signature = await createSignature({ appealId, signedVersionId: v1.id, confirmedVersionId: v1.id });
    await closeAppeal({ userId: owner.id, appealId });

    const unconfirmed = await updateAppeal({ userId: owner.id, appealId, values: await editForm(appealId, { body: "A typo fixed." }) });
    expect(unconfirmed).toEqual({ ok: false, needsConfirmation: { signatures: 1, version: 1, reconfirm: false } });
    const saved = await updateAppeal({ userId: owner.id, appealId, values: await editForm(appealId, { body: "A typo fixed.", confirmNewVersion: "on" }) });
    expect(saved).toMatchObject({ ok: true, newVersion: 2 });
    expect(await db().outboxMessage.count({ where: { to: signature.email } })).toBe(0);
    expect(await db().token.count({ where: { signatureId: signature.id, purpose: "RECONFIRM_SIGNATURE" } })).toBe(0);
  });

  it("on an open appeal, still asks them", async () => {
    const { owner, appealId } = await publishedAppeal();
    const v1 = await db().textVersion.findFirstOrThrow({ where: { appealId } });
    const signature = await createSignature({ appealId, signedVersionId: v1.id, confirmedVersionId: v1.id });
    await updateAppeal({ userId: owner.id, appealId, values: await editForm(appealId, { body: "A typo fixed.", confirmNewVersion: "on" }) });
    expect(await db().token.count({ where: { signatureId: signature.id, purpose: "RECONFIRM_SIGNATURE" } })).toBe(1);
  });
});

describe("the audit entry of a save", () => {
  it("is skipped when nothing changed, names the fields, and says settings or text", async () => {
    const { owner, appealId } = await publishedAppeal();
    const before = await stored(appealId);

    expect(await updateAppeal({ userId: owner.id, appealId, values: await editForm(appealId) })).toMatchObject({ ok: true, changed: false, newVersion: null });
    expect(await edits(appealId)).toEqual([]);
    expect((await stored(appealId)).updatedAt).toEqual(before.updatedAt);

    await updateAppeal({ userId: owner.id, appealId, values: await editForm(appealId, { publicPdf: "on", summary: "Short." }) });
    await updateAppeal({ userId: owner.id, appealId, values: await editForm(appealId, { salutation: "Dear Madam President," }) });
    const [settings, text] = await edits(appealId);
    expect(settings!.details).toEqual({ fields: ["summary", "publicPdf"] });
    expect(describeAuditEvent(settings!.action, settings!.details)).toBe("Changed the settings");
    expect(text!.details).toEqual({ fields: ["salutation"], version: 2 });
    expect(describeAuditEvent(text!.action, text!.details)).toBe("Edited the text (version 2)");
  });
});

describe("the language tag", () => {
  it("is stored canonical, and 'und' is refused", async () => {
    expect(newForm({ language: "EN-us" }).language).toBe("en-US");
    expect(newForm({ language: " pt-br " }).language).toBe("pt-BR");
    const owner = await createUser();
    const saved = await saveNewAppeal({ userId: owner.id, values: newForm({ language: "AZ-latn" }) });
    if (!saved.ok) throw new Error("not saved");
    expect((await stored(saved.appealId)).language).toBe("az-Latn");

    for (const language of ["und", "UND-Latn"]) {
      const parsed = appealFormSchema.safeParse({ ...appealFormInput, language });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues).toEqual([expect.objectContaining({ path: ["language"], message: expect.stringContaining("undetermined") })]);
    }
  });
});

describe("clearing the web address", () => {
  it("makes it from the title again on a draft, and keeps it once published", async () => {
    const owner = await createUser();
    const saved = await saveNewAppeal({ userId: owner.id, values: newForm({ slug: `first-address-${owner.id}` }) });
    if (!saved.ok) throw new Error("not saved");
    const title = `Open letter: Release Günay ${owner.id}`;
    const draft = await updateAppeal({ userId: owner.id, appealId: saved.appealId, values: await editForm(saved.appealId, { slug: "", title }) });
    expect(draft).toMatchObject({ ok: true, slug: `release-guenay-${owner.id}`, previousSlug: `first-address-${owner.id}` });
    expect((await stored(saved.appealId)).slug).toBe(`release-guenay-${owner.id}`);

    const { owner: publisher, appealId, slug } = await publishedAppeal({ slug: `shared-address-${owner.id}` });
    const published = await updateAppeal({ userId: publisher.id, appealId, values: await editForm(appealId, { slug: "", title: "Another title" }) });
    expect(published).toMatchObject({ ok: true, slug });
    expect((await stored(appealId)).slug).toBe(slug);
  });
});

describe("raw HTML in the letter", () => {
  it("is a field error on the body, found by the letter's Markdown parser", () => {
    const message = "HTML is not allowed; use Markdown";
    for (const body of ["<script>alert(1)</script>", "Dear all,\n\n<div>block</div>", "We ask <b>you</b> to act.", '<img src=x onerror="x()">', "An <!-- aside --> comment"]) {
      const parsed = appealFormSchema.safeParse({ ...appealFormInput, body });
      expect(parsed.success, body).toBe(false);
      expect(parsed.error?.issues, body).toEqual([expect.objectContaining({ path: ["body"], message: expect.stringContaining(message) })]);
    }
    // Code, autolinks and a lone "<" are not HTML.
    for (const body of ["Write `<b>` to embolden.", "See <https://example.org/report>.", "Fewer than 3 < 5 people.", "Code:\n\n    <div>indented</div>"]) {
      expect(appealFormSchema.safeParse({ ...appealFormInput, body }).success, body).toBe(true);
    }
  });
});
