import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { updateAppeal } from "@/lib/appeals/save-appeal";
import { recordTextVersion } from "@/lib/appeals/text-versions";
import { createAppeal, createUser, uniqueSuffix } from "@/lib/factories";
import { appealFormSchema } from "@/lib/schemas/appeal";
import { signatureInputSchema, type SignatureInput } from "@/lib/schemas/signature";
import { confirmSignature } from "@/lib/signatures/confirm-signature";
import { describeExpiredLink, resendConfirmation } from "@/lib/signatures/resend-confirmation";
import { submitSignature } from "@/lib/signatures/submit-signature";
import { hashToken } from "@/lib/signatures/tokens";
import { lookupWithdrawal, withdrawSignature } from "@/lib/signatures/withdraw-signature";

const input = (overrides: Record<string, unknown> = {}): SignatureInput =>
  signatureInputSchema.parse({ kind: "individual", name: "Leyla Məmmədova", email: `leyla.${uniqueSuffix()}@example.org`, consent: true, ...overrides });

async function openAppeal(data: Parameters<typeof createAppeal>[0] = {}) {
  const appeal = await createAppeal({ status: "OPEN", ...data });
  await db().$transaction((tx) => recordTextVersion(tx, appeal, null));
  return appeal;
}

const tokenFrom = (text: string) => text.match(/\/s\/(?:confirm|withdraw)\/([A-Za-z0-9_-]+)/)![1]!;
const mailsTo = (to: string) => db().outboxMessage.findMany({ where: { to }, orderBy: { createdAt: "asc" } });
const lastMail = async (to: string, subject: RegExp) => (await mailsTo(to)).filter((m) => subject.test(m.subject)).at(-1)!;
const sign = (slug: string, data: SignatureInput) => submitSignature({ slug, input: data, ip: `ip-${uniqueSuffix()}` });
const expire = (token: string) => db().token.update({ where: { tokenHash: hashToken(token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
const signedVersionOf = async (appealId: string) =>
  (await db().signature.findFirstOrThrow({ where: { appealId }, include: { signedVersion: true, confirmedVersion: true } }));

/** A public signature on version 1, by someone who confirmed their email. */
async function confirmedSigner() {
  const owner = await createUser();
  const appeal = await openAppeal({ ownerId: owner.id, body: "We call on you to release the journalists." });
  const data = input();
  await sign(appeal.slug, data);
  expect(await confirmSignature({ token: tokenFrom((await mailsTo(data.email))[0]!.text) })).toMatchObject({ state: "CONFIRMED" });
  const edit = (body: string) =>
    updateAppeal({
      userId: owner.id, appealId: appeal.id,
      values: appealFormSchema.parse({
        title: appeal.title, slug: appeal.slug, summary: "", recipient: "", place: "", letterDate: "", salutation: "", body, closing: "",
        language: "en", allowOrganisations: "on", allowIndividuals: "on", drawnSignature: "OPTIONAL", pageSize: "A4", signatoryLayout: "AUTO",
        deadline: "", deadlineTimeZone: "", confirmNewVersion: "on",
      }),
    });
  const reconfirmToken = async () => tokenFrom((await lastMail(data.email, /The text you signed has changed/)).text);
  return { appeal, data, edit, reconfirmToken };
}

describe("a reconfirm link", () => {
  it("confirms the version its email showed: once the text changed again it moves nobody, and the newer email shows every change since signing", async () => {
    const { appeal, data, edit, reconfirmToken } = await confirmedSigner();
    expect(await edit("We call on you to release all the journalists.")).toMatchObject({ ok: true, newVersion: 2 });
    const forVersion2 = await reconfirmToken();
    expect(await edit("We call on you to release all the journalists now.")).toMatchObject({ ok: true, newVersion: 3 });
    const forVersion3 = await reconfirmToken();
    expect(forVersion3).not.toBe(forVersion2);
    // The signer never confirmed version 2: the email for version 3 shows both changes.
    expect((await lastMail(data.email, /The text you signed has changed/)).text).toMatch(/release \{\+all \+\}the journalists \{\+now\+\}\./);

    expect(await confirmSignature({ token: forVersion2 })).toEqual({ state: "EXPIRED", slug: appeal.slug });
    expect((await signedVersionOf(appeal.id)).signedVersion!.version).toBe(1);
    expect(await describeExpiredLink({ token: forVersion2 })).toEqual({
      kind: "reconfirm", slug: appeal.slug, signedVersion: 1, reason: "superseded", canResend: true,
    });

    expect(await confirmSignature({ token: forVersion3 })).toMatchObject({ state: "CONFIRMED" });
    const after = await signedVersionOf(appeal.id);
    expect([after.signedVersion!.version, after.confirmedVersion!.version]).toEqual([3, 3]);
    expect(await describeExpiredLink({ token: forVersion2 })).toMatchObject({ kind: "reconfirm", reason: "current", canResend: false });
  });

  it("moves nobody when a newer version was written without retiring it", async () => {
    const { appeal, edit, reconfirmToken } = await confirmedSigner();
    await edit("We call on you to release all the journalists.");
    const forVersion2 = await reconfirmToken();
    // A version recorded by another path (the letter export records one if the text lacks it).
    const changed = await db().appeal.update({ where: { id: appeal.id }, data: { body: "Something else entirely." } });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await db().$transaction((tx) => recordTextVersion(tx, changed, null))).version.version).toBe(3);
    expect(await confirmSignature({ token: forVersion2 })).toEqual({ state: "EXPIRED", slug: appeal.slug });
    expect((await signedVersionOf(appeal.id)).signedVersion!.version).toBe(1);
  });

  it("that expired says the signature stands on the version signed, and can be sent again for the current text", async () => {
    const { appeal, data, edit, reconfirmToken } = await confirmedSigner();
    await edit("We call on you to release all the journalists.");
    const old = await reconfirmToken();
    await expire(old);
    expect(await confirmSignature({ token: old })).toEqual({ state: "EXPIRED", slug: appeal.slug });
    expect(await describeExpiredLink({ token: old })).toEqual({ kind: "reconfirm", slug: appeal.slug, signedVersion: 1, reason: "expired", canResend: true });
    expect((await signedVersionOf(appeal.id)).status).toBe("PUBLIC");

    expect(await resendConfirmation({ token: old })).toEqual({ slug: appeal.slug });
    const fresh = await reconfirmToken();
    expect(fresh).not.toBe(old);
    expect((await lastMail(data.email, /The text you signed has changed/)).text).toMatch(/release \{\+all \+\}the journalists/);
    expect(await confirmSignature({ token: fresh })).toMatchObject({ state: "CONFIRMED" });
    expect((await signedVersionOf(appeal.id)).signedVersion!.version).toBe(2);
  });

  it("opened after the appeal closed leaves the earlier signature standing, and says so", async () => {
    const { appeal, edit, reconfirmToken } = await confirmedSigner();
    await edit("We call on you to release all the journalists.");
    const token = await reconfirmToken();
    await db().appeal.update({ where: { id: appeal.id }, data: { status: "CLOSED", closedAt: new Date() } });
    expect(await confirmSignature({ token })).toEqual({ state: "EXPIRED", slug: appeal.slug });
    expect(await describeExpiredLink({ token })).toEqual({ kind: "reconfirm", slug: appeal.slug, signedVersion: 1, reason: "closed", canResend: false });
    expect(await resendConfirmation({ token })).toBeNull();
    const row = await signedVersionOf(appeal.id);
    expect([row.status, row.signedVersion!.version]).toEqual(["PUBLIC", 1]);
  });
});

describe("a confirmation link", () => {
  it("that was replaced or expired answers 'already confirmed' once the signature is confirmed", async () => {
    const appeal = await openAppeal();
    const data = input();
    await sign(appeal.slug, data);
    const first = tokenFrom((await mailsTo(data.email))[0]!.text);
    await expire(first);
    expect(await confirmSignature({ token: first })).toEqual({ state: "EXPIRED", slug: appeal.slug });
    expect(await describeExpiredLink({ token: first })).toEqual({ kind: "confirm" });
    await resendConfirmation({ token: first });
    const second = tokenFrom((await mailsTo(data.email))[1]!.text);
    expect(await confirmSignature({ token: second })).toMatchObject({ state: "CONFIRMED" });
    expect(await confirmSignature({ token: first })).toEqual({ state: "ALREADY_CONFIRMED", slug: appeal.slug });
    expect(await describeExpiredLink({ token: first })).toEqual({ kind: "confirmed", slug: appeal.slug });
  });

  it("is refused once the deadline has passed, by the same rule as signing, and the appeal closes", async () => {
    const appeal = await openAppeal({ deadline: new Date(Date.now() + 3_600_000) });
    const data = input();
    await sign(appeal.slug, data);
    const token = tokenFrom((await mailsTo(data.email))[0]!.text);
    await db().appeal.update({ where: { id: appeal.id }, data: { deadline: new Date(Date.now() - 1000) } });
    expect(await confirmSignature({ token })).toEqual({ state: "CLOSED", slug: appeal.slug });
    expect((await db().signature.findFirstOrThrow({ where: { appealId: appeal.id } })).status).toBe("PENDING_EMAIL");
    expect((await db().appeal.findUniqueOrThrow({ where: { id: appeal.id } })).status).toBe("CLOSED");
    expect(await describeExpiredLink({ token })).toEqual({ kind: "closed", slug: appeal.slug });
    expect(await resendConfirmation({ token })).toBeNull();
  });

  it("of one appeal confirms and withdraws only its own signature, never the same person's on another appeal", async () => {
    const [a, b] = [await openAppeal(), await openAppeal()];
    const data = input();
    await sign(a.slug, data);
    await sign(b.slug, data);
    const [forA, forB] = (await mailsTo(data.email)).map((m) => tokenFrom(m.text));
    const status = async () => Object.fromEntries(
      (await db().signature.findMany({ where: { appealId: { in: [a.id, b.id] } } })).map((s) => [s.appealId === a.id ? "a" : "b", s.status]),
    );
    expect(await confirmSignature({ token: forA! })).toMatchObject({ state: "CONFIRMED", slug: a.slug });
    expect(await status()).toEqual({ a: "PUBLIC", b: "PENDING_EMAIL" });
    expect(await confirmSignature({ token: forB! })).toMatchObject({ state: "CONFIRMED", slug: b.slug });

    const withdrawA = tokenFrom((await mailsTo(data.email)).find((m) => m.subject.includes(a.title) && /is confirmed/.test(m.subject))!.text);
    expect(await lookupWithdrawal({ token: withdrawA })).toMatchObject({ state: "READY", slug: a.slug });
    expect(await withdrawSignature({ token: withdrawA })).toMatchObject({ state: "DONE", slug: a.slug });
    expect(await status()).toEqual({ a: "WITHDRAWN", b: "PUBLIC" });
    expect((await db().token.findMany({ where: { signature: { appealId: b.id }, usedAt: null } })).length).toBeGreaterThan(0);
  });
});
