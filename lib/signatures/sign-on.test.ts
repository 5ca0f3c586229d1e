import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { confirmSignature } from "@/lib/signatures/confirm-signature";
import { submitSignature } from "@/lib/signatures/submit-signature";
import { lookupWithdrawal, withdrawSignature } from "@/lib/signatures/withdraw-signature";
import { normalizeEmail } from "@/lib/signatures/normalize-email";
import { organisationCheck } from "@/lib/signatures/organisation-check";
import { pngDimensions, processSignatureImage } from "@/lib/signatures/signature-image";
import { updateAppeal } from "@/lib/appeals/save-appeal";
import { recordTextVersion } from "@/lib/appeals/text-versions";
import { createAppeal, createUser, uniqueSuffix } from "@/lib/factories";
import { signatureInputSchema, type SignatureInput } from "@/lib/schemas/signature";
import { appealFormSchema } from "@/lib/schemas/appeal";
import { isAppError } from "@/lib/errors";
import { dataUrl, strokePng } from "@/lib/test-utils/png";

const input = (overrides: Record<string, unknown> = {}): SignatureInput =>
  signatureInputSchema.parse({
    kind: "individual", name: "Leyla Məmmədova", role: "Journalist", organisation: "", country: "AZ",
    email: `leyla.${uniqueSuffix()}@example.org`, consent: true, ...overrides,
  });

async function openAppeal(data: Record<string, unknown> = {}) {
  const appeal = await createAppeal({ status: "OPEN", ...data });
  await db().$transaction((tx) => recordTextVersion(tx, appeal, null));
  return appeal;
}

const tokenFrom = (text: string) => text.match(/\/s\/(?:confirm|withdraw)\/([A-Za-z0-9_-]+)/)![1]!;
const mailsTo = (to: string) => db().outboxMessage.findMany({ where: { to }, orderBy: { createdAt: "asc" } });

describe("submitting a signature", () => {
  it("stores it pending with one confirmation email; confirming makes it public and sends a withdraw link", async () => {
    const appeal = await openAppeal();
    const data = input();
    expect(await submitSignature({ slug: appeal.slug, input: data, ip: `ip-${uniqueSuffix()}` })).toEqual({ ok: true });
    const row = await db().signature.findFirstOrThrow({ where: { appealId: appeal.id } });
    expect(row.status).toBe("PENDING_EMAIL");
    const [mail] = await mailsTo(data.email);
    expect(mail!.subject).toMatch(/Confirm your signature/);
    const token = tokenFrom(mail!.text);
    const stored = await db().token.findFirstOrThrow({ where: { signatureId: row.id } });
    expect(stored.tokenHash).not.toContain(token);

    expect(await confirmSignature({ token })).toMatchObject({ state: "CONFIRMED", pendingReview: false });
    expect((await db().signature.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("PUBLIC");
    expect(await confirmSignature({ token })).toMatchObject({ state: "ALREADY_CONFIRMED" });
    expect(await confirmSignature({ token: "forged-token-0000000000" })).toEqual({ state: "INVALID" });
    const mails = await mailsTo(data.email);
    expect(mails.map((m) => m.subject)).toEqual([expect.stringMatching(/Confirm/), expect.stringMatching(/is confirmed/)]);
  });

  it("waits for a coordinator when the appeal requires approval", async () => {
    const appeal = await openAppeal({ requireApproval: true });
    const data = input();
    await submitSignature({ slug: appeal.slug, input: data, ip: `ip-${uniqueSuffix()}` });
    const [mail] = await mailsTo(data.email);
    expect(await confirmSignature({ token: tokenFrom(mail!.text) })).toMatchObject({ state: "CONFIRMED", pendingReview: true });
    expect((await db().signature.findFirstOrThrow({ where: { appealId: appeal.id } })).status).toBe("PENDING_REVIEW");
  });

  it("keeps one signature per person: case, dots and plus-tags, and five submissions at the same moment", async () => {
    const appeal = await openAppeal();
    const local = `ali.veli.${uniqueSuffix()}`;
    const variants = [`${local}@gmail.com`, `${local.toUpperCase()}@Gmail.com`, `${local.replace(/\./g, "")}+petition@googlemail.com`];
    for (const email of variants) await submitSignature({ slug: appeal.slug, input: input({ email }), ip: `ip-${uniqueSuffix()}` });
    const burst = `burst.${uniqueSuffix()}@example.org`;
    const results = await Promise.all(
      Array.from({ length: 5 }, () => submitSignature({ slug: appeal.slug, input: input({ email: burst }), ip: `ip-${uniqueSuffix()}` })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const rows = await db().signature.findMany({ where: { appealId: appeal.id } });
    expect(rows.map((r) => r.emailNormalized).sort()).toEqual([normalizeEmail(burst), `${local.replace(/\./g, "")}@gmail.com`].sort());
    expect(await mailsTo(burst)).toHaveLength(1);
  });

  it("refuses a closed or draft appeal, and a kind or missing signature the appeal does not accept", async () => {
    const closed = await createAppeal({ status: "CLOSED" });
    const draft = await createAppeal({ status: "DRAFT" });
    await expect(submitSignature({ slug: closed.slug, input: input(), ip: "x" })).rejects.toSatisfy((e) => isAppError(e, "CONFLICT"));
    await expect(submitSignature({ slug: draft.slug, input: input(), ip: "x" })).rejects.toSatisfy((e) => isAppError(e, "NOT_FOUND"));
    const orgsOnly = await openAppeal({ allowIndividuals: false, drawnSignature: "REQUIRED" });
    const result = await submitSignature({ slug: orgsOnly.slug, input: input(), ip: "x" });
    expect(result).toEqual({ ok: false, fieldErrors: { kind: [expect.any(String)], signatureImage: ["Draw your signature in the box."] } });
    expect(await db().signature.count({ where: { appealId: { in: [closed.id, draft.id, orgsOnly.id] } } })).toBe(0);
  });

  it("rate-limits one address per email, with the time to wait", async () => {
    const appeal = await openAppeal();
    const email = `limit.${uniqueSuffix()}@example.org`;
    for (let i = 0; i < 5; i++) await submitSignature({ slug: appeal.slug, input: input({ email }), ip: `ip-${uniqueSuffix()}` });
    await expect(submitSignature({ slug: appeal.slug, input: input({ email }), ip: `ip-${uniqueSuffix()}` })).rejects.toSatisfy(
      (e) => isAppError(e, "RATE_LIMITED") && (e as unknown as { retryAfterSeconds: number }).retryAfterSeconds > 0,
    );
  });
});

describe("withdrawing", () => {
  it("needs the button (the page changes nothing), then erases the signer's details and logs no personal data", async () => {
    const appeal = await openAppeal();
    const data = input({ organisation: "Free Voices", kind: "organisation" });
    await submitSignature({ slug: appeal.slug, input: data, ip: `ip-${uniqueSuffix()}` });
    await confirmSignature({ token: tokenFrom((await mailsTo(data.email))[0]!.text) });
    const withdrawToken = tokenFrom((await mailsTo(data.email))[1]!.text);
    expect(await lookupWithdrawal({ token: withdrawToken })).toMatchObject({ state: "READY" });
    expect((await db().signature.findFirstOrThrow({ where: { appealId: appeal.id } })).status).toBe("PUBLIC");
    expect(await withdrawSignature({ token: withdrawToken })).toMatchObject({ state: "DONE" });
    const row = await db().signature.findFirstOrThrow({ where: { appealId: appeal.id } });
    expect(row).toMatchObject({ status: "WITHDRAWN", name: "", email: "", organisation: "", country: null, signatureImage: null });
    const audit = await db().auditEvent.findMany({ where: { appealId: appeal.id } });
    expect(JSON.stringify(audit)).not.toMatch(/Leyla|Free Voices|@example/);
    expect(await withdrawSignature({ token: withdrawToken })).toMatchObject({ state: "DONE" });
  });
});

describe("reconfirmation after the text changes", () => {
  it("emails earlier signers the difference and a link that moves them to the new version", async () => {
    const owner = await createUser();
    const appeal = await openAppeal({ ownerId: owner.id, body: "We call on you to release the journalists." });
    const data = input();
    await submitSignature({ slug: appeal.slug, input: data, ip: `ip-${uniqueSuffix()}` });
    await confirmSignature({ token: tokenFrom((await mailsTo(data.email))[0]!.text) });
    const values = appealFormSchema.parse({
      title: appeal.title, slug: appeal.slug, summary: "", recipient: "", place: "", letterDate: "", salutation: "",
      body: "We call on you to release all the journalists.", closing: "", language: "en", allowOrganisations: "on",
      allowIndividuals: "on", drawnSignature: "OPTIONAL", pageSize: "A4", signatoryLayout: "AUTO", deadline: "",
      deadlineTimeZone: "", confirmNewVersion: "on",
    });
    expect(await updateAppeal({ userId: owner.id, appealId: appeal.id, values })).toMatchObject({ ok: true, newVersion: 2 });
    const mail = (await mailsTo(data.email)).find((m) => m.subject.startsWith("The text you signed has changed"))!;
    expect(mail.text).toMatch(/release \{\+all \+\}the journalists/);
    const sig = await db().signature.findFirstOrThrow({ where: { appealId: appeal.id }, include: { signedVersion: true } });
    expect(sig.signedVersion!.version).toBe(1);
    expect(await confirmSignature({ token: tokenFrom(mail.text) })).toMatchObject({ state: "CONFIRMED" });
    const after = await db().signature.findFirstOrThrow({ where: { appealId: appeal.id }, include: { signedVersion: true } });
    expect(after.signedVersion!.version).toBe(2);
  });
});

describe("signature images", () => {
  it("are re-encoded small, and anything that is not a sane PNG is refused before decoding", async () => {
    const big = await strokePng(1800, 600);
    const out = await processSignatureImage(dataUrl(big));
    expect(pngDimensions(out)!.width).toBeLessThanOrEqual(600);
    expect(pngDimensions(out)!.height).toBeLessThanOrEqual(200);
    expect(out.length).toBeLessThan(big.length);
    await expect(processSignatureImage("data:image/jpeg;base64,/9j/4AAQ")).rejects.toThrow("PNG");
    await expect(processSignatureImage(dataUrl(Buffer.from("GIF89a not a png at all, just text")))).rejects.toThrow("PNG");
    // A header claiming 100000×100000 pixels: refused from the header alone.
    const bomb = Buffer.from(big);
    bomb.writeUInt32BE(100_000, 16);
    bomb.writeUInt32BE(100_000, 20);
    await expect(processSignatureImage(dataUrl(bomb))).rejects.toThrow("pixels");
    await expect(processSignatureImage(`data:image/png;base64,${"A".repeat(800_000)}`)).rejects.toThrow("too large");
    const blank = await (await import("sharp")).default({ create: { width: 600, height: 200, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer();
    await expect(processSignatureImage(dataUrl(blank))).rejects.toThrow("empty");
  });
});

describe("organisation check", () => {
  it("marks an address at the website's domain or a subdomain as verified, and flags free mail for organisations", () => {
    expect(organisationCheck({ email: "a@fidh.org", website: "https://www.fidh.org/en", kind: "organisation" })).toEqual({ domainVerified: true, freeMail: false });
    expect(organisationCheck({ email: "a@mail.fidh.org", website: "https://fidh.org", kind: "organisation" }).domainVerified).toBe(true);
    expect(organisationCheck({ email: "a@notfidh.org", website: "https://fidh.org", kind: "organisation" }).domainVerified).toBe(false);
    expect(organisationCheck({ email: "a@gmail.com", website: "https://fidh.org", kind: "organisation" })).toEqual({ domainVerified: false, freeMail: true });
    expect(organisationCheck({ email: "a@gmail.com", website: null, kind: "individual" }).freeMail).toBe(false);
  });
});
