import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listLetterSignatories } from "@/lib/signatures/letter-signatories";
import { listLetterOrder } from "@/lib/signatures/review/list-letter-order";
import { moveSignature } from "@/lib/signatures/review/move-signature";
import { setSignatoryOrder } from "@/lib/signatures/review/set-signatory-order";
import { auditOf, reviewTeam, signature } from "@/lib/signatures/review/review-test-fixtures";

const names = async (appealId: string) => (await listLetterSignatories({ appealId })).map((s) => s.organisation ?? s.name);

describe("listLetterSignatories", () => {
  it("lists only public signatures, hidden name, role and country as null, in the order they were confirmed", async () => {
    const { appealId } = await reviewTeam();
    await signature(appealId, { kind: "ORGANISATION", name: "Hidden Person", role: "Lawyer", organisation: "Org B", country: "AZ", showName: false, minutesAgo: 5 });
    await signature(appealId, { kind: "INDIVIDUAL", name: "Jane Doe", role: "Journalist", organisation: "", country: "GE", showCountry: false, minutesAgo: 10 });
    await signature(appealId, { kind: "ORGANISATION", name: "Shown Person", role: "", organisation: "Org A", country: null, minutesAgo: 1 });
    for (const status of ["PENDING_EMAIL", "PENDING_REVIEW", "REJECTED", "WITHDRAWN"] as const) {
      await signature(appealId, { name: `Not public ${status}`, status });
    }
    expect(await listLetterSignatories({ appealId })).toEqual([
      { kind: "individual", name: "Jane Doe", role: "Journalist", organisation: null, country: null },
      { kind: "organisation", name: null, role: null, organisation: "Org B", country: "AZ" },
      { kind: "organisation", name: "Shown Person", role: null, organisation: "Org A", country: null },
    ]);
  });

  it("leaves out signatures confirmed after `now`, and returns nothing for an unknown appeal", async () => {
    const { appealId } = await reviewTeam();
    await signature(appealId, { organisation: "Earlier", minutesAgo: 60 });
    await signature(appealId, { organisation: "Later", minutesAgo: 1 });
    const asOf = await listLetterSignatories({ appealId, now: new Date(Date.now() - 30 * 60_000) });
    expect(asOf.map((s) => s.organisation)).toEqual(["Earlier"]);
    expect(await listLetterSignatories({ appealId: "no-such-appeal" })).toEqual([]);
  });

  it("orders alphabetically by organisation, then name, with the collation of the appeal's language", async () => {
    // In Azerbaijani Ş is a letter of its own after S; in English it sorts with S.
    const az = await reviewTeam({ language: "az", signatoryOrder: "ALPHABETICAL" });
    const en = await reviewTeam({ language: "en", signatoryOrder: "ALPHABETICAL" });
    for (const { appealId } of [az, en]) {
      await signature(appealId, { kind: "ORGANISATION", organisation: "Sumqayıt Gənclər", minutesAgo: 1 });
      await signature(appealId, { kind: "ORGANISATION", organisation: "Şəki Hüquq", minutesAgo: 2 });
      await signature(appealId, { kind: "ORGANISATION", organisation: "Əli Mətbuat", minutesAgo: 3 });
      await signature(appealId, { kind: "ORGANISATION", organisation: "Elm Mərkəzi", minutesAgo: 4 });
      await signature(appealId, { kind: "INDIVIDUAL", name: "Zaur", organisation: "", minutesAgo: 5 });
      await signature(appealId, { kind: "INDIVIDUAL", name: "Bahar", organisation: "Elm Mərkəzi", minutesAgo: 6 });
      await signature(appealId, { kind: "INDIVIDUAL", name: "Aynur", organisation: "Elm Mərkəzi", minutesAgo: 7 });
    }
    expect(await names(az.appealId)).toEqual(["Elm Mərkəzi", "Elm Mərkəzi", "Elm Mərkəzi", "Əli Mətbuat", "Sumqayıt Gənclər", "Şəki Hüquq", "Zaur"]);
    expect(await names(en.appealId)).toEqual(["Elm Mərkəzi", "Elm Mərkəzi", "Elm Mərkəzi", "Əli Mətbuat", "Şəki Hüquq", "Sumqayıt Gənclər", "Zaur"]);
    // Within one organisation, by name: Aynur before Bahar.
    expect((await listLetterSignatories({ appealId: az.appealId })).filter((s) => s.kind === "individual").map((s) => s.name)).toEqual(["Aynur", "Bahar", "Zaur"]);
  });

  it("does not let a hidden name decide the alphabetical place", async () => {
    const { appealId } = await reviewTeam({ signatoryOrder: "ALPHABETICAL" });
    await signature(appealId, { kind: "ORGANISATION", name: "Aaron", organisation: "Same Org", showName: false, minutesAgo: 1 });
    await signature(appealId, { kind: "ORGANISATION", name: "Zoe", organisation: "Same Org", minutesAgo: 2 });
    // The hidden "Aaron" sorts as no name at all: before Zoe, but not because of the name.
    await signature(appealId, { kind: "ORGANISATION", name: "Mia", organisation: "Same Org", minutesAgo: 3 });
    expect((await listLetterSignatories({ appealId })).map((s) => s.name)).toEqual([null, "Mia", "Zoe"]);
  });
});

describe("manual order", () => {
  it("switching to manual starts from the current order; moves swap neighbours of the same kind", async () => {
    const { owner, editor, appealId, appeal } = await reviewTeam({ signatoryOrder: "ALPHABETICAL" });
    const c = await signature(appealId, { kind: "ORGANISATION", organisation: "C Org", minutesAgo: 3 });
    const a = await signature(appealId, { kind: "ORGANISATION", organisation: "A Org", minutesAgo: 2 });
    const person = await signature(appealId, { kind: "INDIVIDUAL", name: "B Person", organisation: "", minutesAgo: 1 });
    const b = await signature(appealId, { kind: "ORGANISATION", organisation: "B Org", minutesAgo: 0 });

    expect(await setSignatoryOrder({ userId: owner.id, appealId, order: "MANUAL" })).toEqual({ slug: appeal.slug, changed: true });
    const positions = Object.fromEntries(
      (await db().signature.findMany({ where: { appealId }, select: { id: true, position: true } })).map((s) => [s.id, s.position]),
    );
    expect([positions[a.id], positions[b.id], positions[person.id], positions[c.id]]).toEqual([0, 1, 2, 3]);
    expect(await names(appealId)).toEqual(["A Org", "B Org", "B Person", "C Org"]);

    // C moves up past the individual, next to B: organisations and individuals are listed apart.
    expect(await moveSignature({ userId: editor.id, appealId, signatureId: c.id, direction: "up" })).toEqual({ slug: appeal.slug, moved: true });
    expect((await listLetterSignatories({ appealId })).filter((s) => s.kind === "organisation").map((s) => s.organisation)).toEqual(["A Org", "C Org", "B Org"]);
    await moveSignature({ userId: editor.id, appealId, signatureId: c.id, direction: "up" });
    expect(await names(appealId)).toEqual(["C Org", "A Org", "B Person", "B Org"]);
    // The first one up, and the only individual either way, stay where they are.
    expect(await moveSignature({ userId: editor.id, appealId, signatureId: c.id, direction: "up" })).toMatchObject({ moved: false });
    expect(await moveSignature({ userId: editor.id, appealId, signatureId: person.id, direction: "down" })).toMatchObject({ moved: false });
    await moveSignature({ userId: editor.id, appealId, signatureId: a.id, direction: "down" });
    const order = await listLetterOrder({ userId: owner.id, appealId });
    expect(order.order).toBe("MANUAL");
    expect(order.items.map((i) => i.label)).toEqual(["Test Signer, C Org", "Test Signer, B Org", "B Person", "Test Signer, A Org"]);

    const actions = (await auditOf(appealId)).map((e) => e.action);
    expect(actions.filter((x) => x === "signature.moved")).toHaveLength(3);
    expect(actions).toContain("signature.order-changed");
  });

  it("lists signatures that arrive later after the ordered ones, and refuses moves outside manual order", async () => {
    const { owner, appealId } = await reviewTeam();
    const first = await signature(appealId, { organisation: "First", minutesAgo: 2 });
    const second = await signature(appealId, { organisation: "Second", minutesAgo: 1 });
    await setSignatoryOrder({ userId: owner.id, appealId, order: "MANUAL" });
    await moveSignature({ userId: owner.id, appealId, signatureId: second.id, direction: "up" });
    await signature(appealId, { organisation: "Newcomer" });
    expect(await names(appealId)).toEqual(["Second", "First", "Newcomer"]);

    await setSignatoryOrder({ userId: owner.id, appealId, order: "CHRONOLOGICAL" });
    expect(await names(appealId)).toEqual(["First", "Second", "Newcomer"]);
    await expect(moveSignature({ userId: owner.id, appealId, signatureId: first.id, direction: "down" })).rejects.toMatchObject({ code: "INVALID_STATE" });
    // Setting the same order again changes nothing and logs nothing.
    const before = await auditOf(appealId);
    expect(await setSignatoryOrder({ userId: owner.id, appealId, order: "CHRONOLOGICAL" })).toMatchObject({ changed: false });
    expect(await auditOf(appealId)).toEqual(before);
  });

  it("does not move a signature that is not public", async () => {
    const { owner, appealId } = await reviewTeam({ signatoryOrder: "MANUAL" });
    const pending = await signature(appealId, { status: "PENDING_REVIEW" });
    await expect(moveSignature({ userId: owner.id, appealId, signatureId: pending.id, direction: "up" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
