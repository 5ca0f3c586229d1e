import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { decodeCursor } from "@/lib/api/cursor";
import { getApiAppeal } from "@/lib/api/get-api-appeal";
import { listApiAppeals } from "@/lib/api/list-api-appeals";
import { postSignature } from "@/lib/api/post-signature";
import { signatoriesPage } from "@/lib/api/signatories-page";
import { recordTextVersion } from "@/lib/appeals/text-versions";
import { createAppeal, createSignature, uniqueSuffix } from "@/lib/factories";

// The API's data functions against a real database; the HTTP contract itself is tested in e2e/api.spec.ts.

async function publishedAppeal(data: Parameters<typeof createAppeal>[0] = {}) {
  const appeal = await createAppeal({ status: "OPEN", ...data });
  await db().$transaction((tx) => recordTextVersion(tx, appeal, null));
  return appeal;
}

const at = (iso: string) => new Date(iso);

describe("signatoriesPage", () => {
  it("walks the letter's order page by page, privacy applied, without duplicates when someone confirms mid-walk", async () => {
    const appeal = await publishedAppeal();
    for (let i = 1; i <= 5; i++) {
      await createSignature({
        appealId: appeal.id, name: `Signer ${i}`, role: "Editor", country: "FR", confirmedAt: at(`2026-01-0${i}T10:00:00Z`),
        showName: i !== 2, showCountry: i !== 3, email: `s${i}-${uniqueSuffix()}@example.org`,
      });
    }
    await createSignature({ appealId: appeal.id, name: "Pending", status: "PENDING_EMAIL" });
    await createSignature({ appealId: appeal.id, name: "Withdrawn", status: "WITHDRAWN", confirmedAt: at("2026-01-01T09:00:00Z") });

    const now = at("2026-02-01T00:00:00Z");
    const first = (await signatoriesPage({ slug: appeal.slug, limit: 2, now }))!;
    expect(first.signatories).toEqual([
      { kind: "individual", name: "Signer 1", role: "Editor", organisation: null, country: "FR" },
      { kind: "individual", name: null, role: null, organisation: null, country: "FR" },
    ]);
    // Someone confirms after the walk began: they are not on this walk's pages.
    await createSignature({ appealId: appeal.id, name: "Late", confirmedAt: at("2026-02-01T00:00:01Z") });
    const second = (await signatoriesPage({ slug: appeal.slug, limit: 2, cursor: decodeCursor(first.nextCursor!)!, now: at("2026-02-02T00:00:00Z") }))!;
    expect(second.signatories.map((s) => s.name)).toEqual(["Signer 3", "Signer 4"]);
    expect(second.signatories[0]!.country).toBeNull();
    const third = (await signatoriesPage({ slug: appeal.slug, limit: 2, cursor: decodeCursor(second.nextCursor!)!, now: at("2026-02-02T00:00:00Z") }))!;
    expect(third).toEqual({ signatories: [expect.objectContaining({ name: "Signer 5" })], nextCursor: null });
    // A new walk sees them.
    expect((await signatoriesPage({ slug: appeal.slug, limit: 50, now: at("2026-02-02T00:00:00Z") }))!.signatories).toHaveLength(6);
    expect(JSON.stringify([first, second, third])).not.toContain("@example.org");
  });

  it("follows the appeal's chosen order", async () => {
    const appeal = await publishedAppeal({ signatoryOrder: "ALPHABETICAL" });
    for (const name of ["Zeynep", "Anna", "Mehmet"]) await createSignature({ appealId: appeal.id, name });
    const page = (await signatoriesPage({ slug: appeal.slug, limit: 10 }))!;
    expect(page.signatories.map((s) => s.name)).toEqual(["Anna", "Mehmet", "Zeynep"]);
  });

  it("is null for a draft or an unknown appeal", async () => {
    const draft = await createAppeal();
    await createSignature({ appealId: draft.id });
    expect(await signatoriesPage({ slug: draft.slug, limit: 10 })).toBeNull();
    expect(await signatoriesPage({ slug: `no-such-${uniqueSuffix()}`, limit: 10 })).toBeNull();
  });
});

describe("getApiAppeal and listApiAppeals", () => {
  it("count public signatures only, and leave drafts out", async () => {
    const open = await publishedAppeal({ publicPdf: true });
    await createSignature({ appealId: open.id, kind: "ORGANISATION", organisation: "Press Club" });
    await createSignature({ appealId: open.id });
    await createSignature({ appealId: open.id, status: "PENDING_EMAIL" });
    await createSignature({ appealId: open.id, status: "REJECTED" });
    const closed = await publishedAppeal({ status: "CLOSED" });
    const draft = await createAppeal();

    const detail = (await getApiAppeal({ slug: open.slug }))!;
    const version = await db().textVersion.findFirstOrThrow({ where: { appealId: open.id } });
    expect(detail).toMatchObject({
      status: "open",
      counts: { organisations: 1, individuals: 1, total: 2 },
      textVersion: 1,
      textSha256: version.sha256,
      pdfUrl: expect.stringMatching(new RegExp(`^https?://.+/a/${open.slug}/letter\\.pdf$`)),
    });
    expect((await getApiAppeal({ slug: closed.slug }))!.pdfUrl).toBeNull();
    expect(await getApiAppeal({ slug: draft.slug })).toBeNull();

    const list = await listApiAppeals();
    const slugs = list.map((a) => a.slug);
    expect(slugs).toContain(open.slug);
    expect(slugs).toContain(closed.slug);
    expect(slugs).not.toContain(draft.slug);
    expect(list.find((a) => a.slug === open.slug)!.counts).toEqual({ organisations: 1, individuals: 1, total: 2 });
    expect(list.find((a) => a.slug === closed.slug)!.status).toBe("closed");
  });

  it("report an appeal whose deadline has passed as closed", async () => {
    const appeal = await publishedAppeal({ deadline: new Date(Date.now() - 60_000) });
    expect((await listApiAppeals()).find((a) => a.slug === appeal.slug)!.status).toBe("closed");
    expect((await getApiAppeal({ slug: appeal.slug }))!.status).toBe("closed");
  });
});

describe("postSignature", () => {
  const request = (body: string, ip = `ip-${uniqueSuffix()}`) =>
    new Request("http://localhost/api/v1/appeals/x/signatures", { method: "POST", body, headers: { "content-type": "application/json", "x-forwarded-for": ip } });
  const body = (overrides: Record<string, unknown> = {}) =>
    JSON.stringify({ kind: "individual", name: "Jane Doe", email: `jane-${uniqueSuffix()}@example.org`, consent: true, ...overrides });

  it("answers 202 and stores a pending signature with a confirmation email", async () => {
    const appeal = await publishedAppeal();
    const email = `api-${uniqueSuffix()}@example.org`;
    const res = await postSignature({ request: request(body({ email, organisation: "Free Press Club", show: { name: false } })), slug: appeal.slug });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ status: "check-your-inbox" });
    const row = await db().signature.findFirstOrThrow({ where: { appealId: appeal.id } });
    expect(row).toMatchObject({ status: "PENDING_EMAIL", showName: false, showCountry: true, organisation: "Free Press Club" });
    expect(await db().outboxMessage.count({ where: { to: email } })).toBe(1);
  });

  it("maps failures to 400, 404, 409 and 422", async () => {
    const appeal = await publishedAppeal({ drawnSignature: "REQUIRED" });
    const closed = await publishedAppeal({ status: "CLOSED" });
    const draft = await createAppeal();
    const status = async (slug: string, text: string) => (await postSignature({ request: request(text), slug })).status;
    for (const text of ["not json", "[1]"]) {
      const bad = await postSignature({ request: request(text), slug: appeal.slug });
      expect(bad.status).toBe(400);
      const message = "Send a JSON object with Content-Type: application/json.";
      expect(await bad.json()).toEqual({ error: "invalid_body", message, errors: { body: [message] } });
    }
    expect(await status(draft.slug, body())).toBe(404);
    expect(await status(closed.slug, body())).toBe(409);
    const res = await postSignature({ request: request(body()), slug: appeal.slug });
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ errors: { signatureImage: ["Draw your signature in the box."] } });
  });
});
