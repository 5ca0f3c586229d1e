import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { uniqueSuffix } from "@/lib/factories";
import { addSignatureByHand } from "@/lib/signatures/review/add-signature-by-hand";
import { editSignatureDisplay } from "@/lib/signatures/review/edit-signature-display";
import { listSignatures } from "@/lib/signatures/review/list-signatures";
import { auditOf, reviewTeam, signature } from "@/lib/signatures/review/review-test-fixtures";
import { recordTextVersion } from "@/lib/appeals/text-versions";

const display = { name: "Aysel Əhmədova", role: "Director", organisation: "Baku Press Club", country: "AZ", showName: true, showCountry: true };

describe("editSignatureDisplay", () => {
  it("saves the fields and logs only the names of those that changed", async () => {
    const { editor, appealId, appeal } = await reviewTeam();
    const s = await signature(appealId, { kind: "ORGANISATION", name: "Aysel Ahmedova", role: "Director", organisation: "Baku Pres Club", country: "AZ", email: `aysel-${uniqueSuffix()}@example.org` });
    const result = await editSignatureDisplay({ userId: editor.id, appealId, signatureId: s.id, ...display });
    expect(result).toEqual({ ok: true, slug: appeal.slug, changed: ["name", "organisation"], publicChanged: true });
    const saved = await db().signature.findUniqueOrThrow({ where: { id: s.id } });
    expect(saved).toMatchObject({ name: "Aysel Əhmədova", organisation: "Baku Press Club", email: s.email });
    const entry = (await auditOf(appealId)).at(-1)!;
    expect(entry).toEqual({ action: "signature.edited", actorId: editor.id, details: { signatureId: s.id, fields: ["name", "organisation"] } });
    const logged = JSON.stringify(entry);
    for (const value of ["Aysel", "Ahmedova", "Baku", "@"]) expect(logged).not.toContain(value);
  });

  it("writes nothing and logs nothing when nothing changed", async () => {
    const { owner, appealId } = await reviewTeam();
    const s = await signature(appealId, { kind: "ORGANISATION", ...display });
    const before = await auditOf(appealId);
    expect(await editSignatureDisplay({ userId: owner.id, appealId, signatureId: s.id, ...display })).toMatchObject({ ok: true, changed: [] });
    expect(await auditOf(appealId)).toEqual(before);
  });

  it("may hide a name or country but never show what the signer hid; may for signatures added by hand", async () => {
    const { owner, appealId } = await reviewTeam();
    const hidden = await signature(appealId, { kind: "ORGANISATION", ...display, showName: false, showCountry: false });
    const refused = await editSignatureDisplay({ userId: owner.id, appealId, signatureId: hidden.id, ...display });
    expect(refused).toEqual({
      ok: false,
      fieldErrors: {
        showName: ["The signer asked not to show their name. Only they can change that."],
        showCountry: ["The signer asked not to show their country. Only they can change that."],
      },
    });
    expect(await db().signature.findUniqueOrThrow({ where: { id: hidden.id } })).toMatchObject({ showName: false, showCountry: false });

    const shown = await signature(appealId, { kind: "ORGANISATION", ...display });
    expect(await editSignatureDisplay({ userId: owner.id, appealId, signatureId: shown.id, ...display, showName: false })).toMatchObject({ ok: true, changed: ["showName"] });

    const byHand = await signature(appealId, { kind: "ORGANISATION", ...display, showName: false, addedByCoordinator: true });
    expect(await editSignatureDisplay({ userId: owner.id, appealId, signatureId: byHand.id, ...display })).toMatchObject({ ok: true, changed: ["showName"] });
  });

  it("keeps an organisation's name and refuses a hidden name with nothing else to print", async () => {
    const { owner, appealId } = await reviewTeam();
    const org = await signature(appealId, { kind: "ORGANISATION", ...display });
    expect(await editSignatureDisplay({ userId: owner.id, appealId, signatureId: org.id, ...display, organisation: "" })).toMatchObject({
      ok: false,
      fieldErrors: { organisation: [expect.any(String)] },
    });
    const person = await signature(appealId, { kind: "INDIVIDUAL", name: "Jane Doe" });
    expect(await editSignatureDisplay({ userId: owner.id, appealId, signatureId: person.id, ...display, organisation: "", showName: false })).toMatchObject({
      ok: false,
      fieldErrors: { showName: [expect.any(String)] },
    });
  });

  it("does not find withdrawn signatures or signatures of another appeal", async () => {
    const { owner, appealId } = await reviewTeam();
    const other = await reviewTeam();
    const withdrawn = await signature(appealId, { status: "WITHDRAWN" });
    const foreign = await signature(other.appealId);
    for (const signatureId of [withdrawn.id, foreign.id]) {
      await expect(editSignatureDisplay({ userId: owner.id, appealId, signatureId, ...display })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });
});

describe("addSignatureByHand", () => {
  it("adds a public signature marked as added by a coordinator, on the latest version, with a placeholder address", async () => {
    const { owner, appealId, appeal } = await reviewTeam();
    // The text changed since publication: a hand-added signature is on the newest version.
    const edited = await db().appeal.update({ where: { id: appealId }, data: { body: "A new text." } });
    const { version: v2 } = await db().$transaction((tx) => recordTextVersion(tx, edited, owner.id));
    const result = await addSignatureByHand({ userId: owner.id, appealId, kind: "ORGANISATION", ...display });
    expect(result).toMatchObject({ ok: true, slug: appeal.slug, publicChanged: true });
    if (!result.ok) throw new Error("unreachable");
    const s = await db().signature.findUniqueOrThrow({ where: { id: result.signatureId } });
    expect(s).toMatchObject({
      status: "PUBLIC", addedByCoordinator: true, kind: "ORGANISATION", name: display.name, country: "AZ", email: "",
      signedVersionId: v2.id, confirmedVersionId: v2.id, domainVerified: false, position: null,
    });
    expect(s.emailNormalized).toMatch(/^manual:[0-9a-f-]{36}$/);
    expect(s.confirmedAt).toBeInstanceOf(Date);
    expect((await auditOf(appealId)).at(-1)).toEqual({ action: "signature.added", actorId: owner.id, details: { signatureId: s.id, kind: "ORGANISATION" } });

    // Two without an address do not collide.
    expect(await addSignatureByHand({ userId: owner.id, appealId, kind: "INDIVIDUAL", ...display, organisation: "" })).toMatchObject({ ok: true });
  });

  it("with an address, flags free mail for an organisation and refuses an address that already signed", async () => {
    const { owner, appealId } = await reviewTeam();
    const email = `press.club.${uniqueSuffix()}@gmail.com`;
    const added = await addSignatureByHand({ userId: owner.id, appealId, kind: "ORGANISATION", ...display, email });
    expect(added.ok).toBe(true);
    const s = await db().signature.findFirstOrThrow({ where: { appealId, email } });
    expect(s).toMatchObject({ freeMail: true, emailNormalized: email.replace(/\./g, "").replace("@gmailcom", "@gmail.com") });
    const again = await addSignatureByHand({ userId: owner.id, appealId, kind: "ORGANISATION", ...display, email: email.toUpperCase() });
    expect(again).toEqual({ ok: false, fieldErrors: { email: ["This address has already signed this appeal. Find it in the list instead."] } });
    expect(await db().signature.count({ where: { appealId } })).toBe(1);
  });

  it("takes the next position in a manual order", async () => {
    const { owner, appealId } = await reviewTeam({ signatoryOrder: "MANUAL" });
    await signature(appealId, { position: 4 });
    const added = await addSignatureByHand({ userId: owner.id, appealId, kind: "INDIVIDUAL", ...display });
    if (!added.ok) throw new Error("not added");
    expect((await db().signature.findUniqueOrThrow({ where: { id: added.signatureId } })).position).toBe(5);
  });
});

describe("listSignatures", () => {
  it("filters by status, searches name, organisation, email and country, newest first, with signed and latest version", async () => {
    const { owner, appealId, appeal } = await reviewTeam();
    const tag = uniqueSuffix();
    const old = await signature(appealId, { name: `Old ${tag}`, organisation: "Helsinki Committee", country: "NO", minutesAgo: 10, status: "PENDING_REVIEW" });
    const mid = await signature(appealId, { name: "Mid", email: `findme-${tag}@example.org`, country: "AZ", minutesAgo: 5 });
    const edited = await db().appeal.update({ where: { id: appealId }, data: { body: "Changed." } });
    const { version: v2 } = await db().$transaction((tx) => recordTextVersion(tx, edited, owner.id));
    const v1 = await db().textVersion.findFirstOrThrow({ where: { appealId, version: 1 } });
    await db().signature.update({ where: { id: mid.id }, data: { signedVersionId: v1.id, confirmedVersionId: v1.id } });
    const fresh = await signature(appealId, { name: "Fresh", signedVersionId: v2.id, confirmedVersionId: v2.id });

    const all = await listSignatures({ userId: owner.id, appealId });
    expect(all.signatures.map((s) => s.id)).toEqual([fresh.id, mid.id, old.id]);
    expect(all.counts).toMatchObject({ PUBLIC: 2, PENDING_REVIEW: 1 });
    expect(all.latestVersion).toBe(2);
    expect(all.signatures.find((s) => s.id === mid.id)!.signedVersion).toBe(1);
    expect(all.signatures.find((s) => s.id === fresh.id)!.signedVersion).toBe(2);
    expect(all.appeal).toMatchObject({ id: appealId, slug: appeal.slug });
    expect(all.viewer).toEqual({ role: "OWNER", notify: "DIGEST" });

    const ids = async (q: string, status?: "PUBLIC") => (await listSignatures({ userId: owner.id, appealId, q, status })).signatures.map((s) => s.id);
    expect(await ids(tag.toUpperCase())).toEqual([mid.id, old.id]);
    expect(await ids("helsinki")).toEqual([old.id]);
    expect(await ids(`FINDME-${tag}`)).toEqual([mid.id]);
    expect(await ids("Azerbaijan")).toEqual([mid.id]);
    expect(await ids("norway")).toEqual([old.id]);
    expect(await ids(tag, "PUBLIC")).toEqual([mid.id]);
  });

  it("pages 50 at a time with a cursor", async () => {
    const { owner, appealId } = await reviewTeam();
    await db().signature.createMany({
      data: Array.from({ length: 53 }, (_, i) => ({
        appealId, kind: "INDIVIDUAL" as const, name: `Signer ${i}`, email: `p${i}-${uniqueSuffix()}@example.org`,
        emailNormalized: `p${i}-${uniqueSuffix()}@example.org`, status: "PUBLIC" as const, createdAt: new Date(Date.now() - i * 1000),
      })),
    });
    const first = await listSignatures({ userId: owner.id, appealId });
    expect(first.signatures).toHaveLength(50);
    expect(first.signatures[0]!.name).toBe("Signer 0");
    const second = await listSignatures({ userId: owner.id, appealId, cursor: first.nextCursor! });
    expect(second.signatures.map((s) => s.name)).toEqual(["Signer 50", "Signer 51", "Signer 52"]);
    expect(second.nextCursor).toBeNull();
  });
});
