import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { recordTextVersion } from "@/lib/appeals/text-versions";
import { createAppeal, uniqueSuffix } from "@/lib/factories";
import { signatureInputSchema, type SignatureInput } from "@/lib/schemas/signature";
import { confirmSignature } from "@/lib/signatures/confirm-signature";
import { submitSignature } from "@/lib/signatures/submit-signature";

const input = (overrides: Record<string, unknown> = {}): SignatureInput =>
  signatureInputSchema.parse({ kind: "individual", name: "Leyla Məmmədova", role: "Journalist", country: "AZ", consent: true, ...overrides });

async function openAppeal() {
  const appeal = await createAppeal({ status: "OPEN" });
  await db().$transaction((tx) => recordTextVersion(tx, appeal, null));
  return appeal;
}

const tokenFrom = (text: string) => text.match(/\/s\/confirm\/([A-Za-z0-9_-]+)/)![1]!;
const confirmMails = async (to: string) =>
  (await db().outboxMessage.findMany({ where: { to: { equals: to, mode: "insensitive" } }, orderBy: { createdAt: "asc" } })).filter((m) => /Confirm your signature/.test(m.subject));
const sign = (slug: string, data: SignatureInput) => submitSignature({ slug, input: data, ip: `ip-${uniqueSuffix()}` });

describe("signing again while the first sign-on awaits its email", () => {
  it("with other details replaces the link at once: the first link cannot confirm details its holder did not type", async () => {
    const appeal = await openAppeal();
    const email = `twice.${uniqueSuffix()}@example.org`;
    await sign(appeal.slug, input({ email }));
    await sign(appeal.slug, input({ email, name: "Someone Else", role: "", showCountry: false }));
    const mails = await confirmMails(email);
    expect(mails).toHaveLength(2);
    const [first, second] = mails.map((m) => tokenFrom(m.text));
    expect(mails[1]!.text).toContain("Dear Someone Else");

    expect(await confirmSignature({ token: first! })).toMatchObject({ state: "EXPIRED" });
    expect((await db().signature.findFirstOrThrow({ where: { appealId: appeal.id } })).status).toBe("PENDING_EMAIL");
    expect(await confirmSignature({ token: second! })).toMatchObject({ state: "CONFIRMED" });
    expect(await db().signature.findFirstOrThrow({ where: { appealId: appeal.id } })).toMatchObject({
      status: "PUBLIC", name: "Someone Else", role: "", showCountry: false,
    });
  });

  it("with the same details within a minute sends nothing more, and the first link still works", async () => {
    const appeal = await openAppeal();
    const email = `again.${uniqueSuffix()}@example.org`;
    await sign(appeal.slug, input({ email }));
    await sign(appeal.slug, input({ email }));
    // The address typed in other case is the same person with the same details.
    await sign(appeal.slug, input({ email: email.toUpperCase() }));
    const mails = await confirmMails(email);
    expect(mails).toHaveLength(1);
    expect(await confirmSignature({ token: tokenFrom(mails[0]!.text) })).toMatchObject({ state: "CONFIRMED" });
  });
});
