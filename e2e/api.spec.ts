import http from "node:http";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { E2E } from "./support/ports";
import { expect, firstLink, test } from "./support/fixtures";

// The public JSON API v1 (docs/api.md), over HTTP against the production build.

type Appeal = { id: string; slug: string; title: string };
type Signatory = { kind: string; name: string | null; role: string | null; organisation: string | null; country: string | null };
type SignatoriesPage = { signatories: Signatory[]; nextCursor: string | null };

// Each test signs from its own address, so that the per-IP limit (shared by every spec that runs
// at the same time) is never what a test hits. The app reads the client address from X-Forwarded-For.
const uniqueIp = () => `2001:db8::${Math.floor(Math.random() * 0xffff).toString(16)}:${Math.floor(Math.random() * 0xffff).toString(16)}`;

const signer = (email: string, overrides: Record<string, unknown> = {}) => ({
  kind: "individual",
  name: "Jane Doe",
  role: "Journalist",
  organisation: "",
  country: "FR",
  email,
  website: null,
  show: { name: true, country: true },
  consent: true,
  ...overrides,
});

function sign(request: APIRequestContext, slug: string, body: unknown, ip: string, headers: Record<string, string> = {}) {
  return request.post(`/api/v1/appeals/${slug}/signatures`, {
    data: typeof body === "string" ? body : JSON.stringify(body),
    headers: { "content-type": "application/json", "x-forwarded-for": ip, ...headers },
  });
}

function expectApiHeaders(res: APIResponse, cache: "public" | "no-store") {
  const headers = res.headers();
  expect(headers["content-type"]).toBe("application/json; charset=utf-8");
  expect(headers["access-control-allow-origin"]).toBe("*");
  if (cache === "public") expect(headers["cache-control"]).toMatch(/^public, .*s-maxage=\d+/);
  else expect(headers["cache-control"]).toBe("no-store");
}

async function allSignatories(request: APIRequestContext, slug: string): Promise<Signatory[]> {
  const res = await request.get(`/api/v1/appeals/${slug}/signatories`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as SignatoriesPage).signatories;
}

test("GET /api/v1/appeals lists open and closed appeals with their public counts, never drafts", async ({ request, hook }) => {
  const open = await hook<Appeal>("create-appeal", { status: "OPEN" });
  const closed = await hook<Appeal>("create-appeal", { status: "CLOSED" });
  const draft = await hook<Appeal>("create-appeal", { status: "DRAFT" });
  await hook("create-signatures", { appealId: open.id, count: 3 }); // one organisation, two individuals
  await hook("create-signatures", { appealId: draft.id, count: 2 });

  const res = await request.get("/api/v1/appeals");
  expect(res.status()).toBe(200);
  expectApiHeaders(res, "public");
  const { appeals } = (await res.json()) as { appeals: Record<string, unknown>[] };
  expect(appeals.find((a) => a.slug === open.slug)).toEqual({
    slug: open.slug,
    title: open.title,
    status: "open",
    url: `${E2E.appUrl}/a/${open.slug}`,
    counts: { organisations: 1, individuals: 2, total: 3 },
  });
  expect(appeals.find((a) => a.slug === closed.slug)).toMatchObject({ status: "closed", counts: { organisations: 0, individuals: 0, total: 0 } });
  expect(appeals.find((a) => a.slug === draft.slug)).toBeUndefined();
});

test("GET /api/v1/appeals/{slug} gives the letter, its version and hash; 404 for drafts and unknown slugs", async ({ request, hook }) => {
  const appeal = await hook<Appeal>("create-appeal", { status: "OPEN", publicPdf: true });
  await hook("set-deadline", { appealId: appeal.id, deadline: "2099-06-30T17:00:00.000Z" });
  await hook("create-signatures", { appealId: appeal.id, count: 4 });
  const stored = await hook<{ versions: { version: number; sha256: string }[] }>("get-appeal", { appealId: appeal.id });

  const res = await request.get(`/api/v1/appeals/${appeal.slug}`);
  expect(res.status()).toBe(200);
  expectApiHeaders(res, "public");
  expect(await res.json()).toEqual({
    slug: appeal.slug,
    title: appeal.title,
    status: "open",
    language: "en",
    deadline: "2099-06-30T17:00:00.000Z",
    url: `${E2E.appUrl}/a/${appeal.slug}`,
    pdfUrl: `${E2E.appUrl}/a/${appeal.slug}/letter.pdf`,
    counts: { organisations: 2, individuals: 2, total: 4 },
    textVersion: 1,
    textSha256: stored.versions[0]!.sha256,
    letter: {
      recipient: "",
      place: "",
      date: null,
      subject: appeal.title,
      salutation: "",
      body: "We, the undersigned organisations, call on you to act.",
      closing: "",
    },
  });

  const closed = await hook<Appeal>("create-appeal", { status: "CLOSED" });
  expect(await (await request.get(`/api/v1/appeals/${closed.slug}`)).json()).toMatchObject({ status: "closed", pdfUrl: null, deadline: null });

  const draft = await hook<Appeal>("create-appeal", { status: "DRAFT" });
  for (const slug of [draft.slug, "no-such-appeal-anywhere", "Not_A_Slug"]) {
    for (const path of [`/api/v1/appeals/${slug}`, `/api/v1/appeals/${slug}/signatories`]) {
      const missing = await request.get(path);
      expect(missing.status(), path).toBe(404);
      expectApiHeaders(missing, "no-store");
      expect(await missing.json()).toEqual({ error: "not_found" });
    }
  }
});

test("CORS: GET answers allow any origin, and every route answers the preflight", async ({ request, hook }) => {
  const appeal = await hook<Appeal>("create-appeal", { status: "OPEN" });
  const origin = { Origin: "https://partner.example" };
  for (const path of ["/api/v1/appeals", `/api/v1/appeals/${appeal.slug}`, `/api/v1/appeals/${appeal.slug}/signatories`]) {
    const get = await request.get(path, { headers: origin });
    expect(get.headers()["access-control-allow-origin"], path).toBe("*");
    const preflight = await request.fetch(path, {
      method: "OPTIONS",
      headers: { ...origin, "Access-Control-Request-Method": "GET" },
    });
    expect(preflight.status(), path).toBe(204);
    expect(preflight.headers()["access-control-allow-origin"]).toBe("*");
    expect(preflight.headers()["access-control-allow-methods"]).toContain("GET");
  }
  const preflight = await request.fetch(`/api/v1/appeals/${appeal.slug}/signatures`, {
    method: "OPTIONS",
    headers: { ...origin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type" },
  });
  expect(preflight.status()).toBe(204);
  expect(preflight.headers()).toMatchObject({
    "access-control-allow-origin": "*",
    "access-control-allow-methods": expect.stringContaining("POST"),
    "access-control-allow-headers": expect.stringMatching(/content-type/i),
  });

  // A method a route does not serve is a JSON 405 that says which ones it does.
  const wrong = await request.post("/api/v1/appeals", { data: {} });
  expect(wrong.status()).toBe(405);
  expectApiHeaders(wrong, "no-store");
  expect(wrong.headers()["allow"]).toBe("GET, OPTIONS");
  expect(await wrong.json()).toEqual({ error: "method_not_allowed" });
});

test("a sign-on through the API sends the confirmation email, answers the same every time, and lists the signer as they chose", async ({ request, hook, mail, uniqueEmail }) => {
  const appeal = await hook<Appeal>("create-appeal", { status: "OPEN" });
  const email = uniqueEmail("api-signer");
  const ip = uniqueIp();
  const body = signer(email, { name: "Leyla Məmmədova", organisation: "Baku Press Club", country: "az", show: { name: false, country: false } });

  const first = await sign(request, appeal.slug, body, ip, { Origin: "https://partner.example" });
  expect(first.status()).toBe(202);
  expectApiHeaders(first, "no-store");
  const firstText = await first.text();
  expect(JSON.parse(firstText)).toEqual({ status: "check-your-inbox" });

  const confirm = await mail.waitFor(email, { subject: /Confirm your signature/ });
  // Not listed until confirmed.
  expect(await allSignatories(request, appeal.slug)).toEqual([]);

  // Signing again before confirming: the same answer, byte for byte.
  const again = await sign(request, appeal.slug, body, ip);
  expect(again.status()).toBe(202);
  expect(await again.text()).toBe(firstText);

  const opened = await request.get(firstLink(confirm), { maxRedirects: 0 });
  expect(opened.status()).toBe(303);
  expect(opened.headers()["location"]).toContain(`/a/${appeal.slug}/confirmed`);

  expect(await allSignatories(request, appeal.slug)).toEqual([
    { kind: "individual", name: null, role: null, organisation: "Baku Press Club", country: null },
  ]);

  // And once more after confirming: still the same answer (the address gets an "already signed" email).
  const before = await mail.count(email);
  const afterConfirm = await sign(request, appeal.slug, body, ip);
  expect(afterConfirm.status()).toBe(202);
  expect(await afterConfirm.text()).toBe(firstText);
  await mail.waitFor(email, { subject: /You have already signed/, after: before });
  const rows = await hook<unknown[]>("signatures-of", { appealId: appeal.id });
  expect(rows).toHaveLength(1);
});

test("no API answer ever contains a signer's email address", async ({ request, hook, mail }) => {
  const appeal = await hook<Appeal>("create-appeal", { status: "OPEN" });
  const local = `Distinctive.Quiet.${Date.now().toString(36)}`;
  const email = `${local}@example.org`;
  const ip = uniqueIp();
  const answers: string[] = [];

  const signed = await sign(request, appeal.slug, signer(email, { kind: "organisation", name: "Quiet Signer", organisation: "Quiet Org", website: "quiet.example.org" }), ip);
  expect(signed.status()).toBe(202);
  answers.push(await signed.text());
  await request.get(firstLink(await mail.waitFor(email, { subject: /Confirm your signature/ })), { maxRedirects: 0 });
  const invalid = await sign(request, appeal.slug, signer(email, { country: "XX" }), ip);
  expect(invalid.status()).toBe(422);
  answers.push(await invalid.text());

  for (const path of ["/api/v1/appeals", `/api/v1/appeals/${appeal.slug}`, `/api/v1/appeals/${appeal.slug}/signatories`, `/api/v1/appeals/${appeal.slug}/signatories?limit=1`]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    answers.push(await res.text());
  }
  expect(answers[answers.length - 1]).toContain("Quiet Signer");
  for (const text of answers) {
    expect(text.toLowerCase()).not.toContain(email.toLowerCase());
    expect(text.toLowerCase()).not.toContain(local.toLowerCase());
  }
});

test("POST answers 422 with the fields that are wrong", async ({ request, hook, uniqueEmail }) => {
  const appeal = await hook<Appeal>("create-appeal", { status: "OPEN", drawnSignature: "OPTIONAL", allowOrganisations: false });
  const ip = uniqueIp();
  const errorsOf = async (body: unknown) => {
    const res = await sign(request, appeal.slug, body, ip);
    expect(res.status()).toBe(422);
    expectApiHeaders(res, "no-store");
    const json = (await res.json()) as { errors: Record<string, string[]> };
    expect(Object.keys(json)).toEqual(["errors"]);
    for (const messages of Object.values(json.errors)) expect(messages.every((m) => typeof m === "string" && m.length > 0)).toBe(true);
    return json.errors;
  };

  expect(await errorsOf(signer(uniqueEmail("c"), { country: "XX" }))).toEqual({ country: ["Choose a country from the list."] });
  expect(Object.keys(await errorsOf(signer(uniqueEmail("c"), { consent: undefined })))).toEqual(["consent"]);
  expect(Object.keys(await errorsOf(signer(uniqueEmail("c"), { consent: false })))).toEqual(["consent"]);
  expect(await errorsOf(signer(uniqueEmail("i"), { signatureImage: "data:image/jpeg;base64,/9j/4AAQSkZJRgABAQ==" }))).toEqual({
    signatureImage: ["The signature must be a PNG image."],
  });
  expect(Object.keys(await errorsOf(signer(uniqueEmail("i"), { signatureImage: `data:image/png;base64,${Buffer.from("GIF89a not a png at all").toString("base64")}` })))).toEqual(["signatureImage"]);
  expect(Object.keys(await errorsOf(signer(uniqueEmail("s"), { show: { name: "no", country: null } }))).sort()).toEqual(["show.country", "show.name"]);
  expect(Object.keys(await errorsOf(signer(uniqueEmail("s"), { show: "nothing" })))).toEqual(["show"]);
  expect(Object.keys(await errorsOf({ consent: true })).sort()).toEqual(["email", "kind", "name"]);
  expect(Object.keys(await errorsOf(signer("not-an-email")))).toEqual(["email"]);
  // The appeal's own rules, checked by the same code as the form.
  expect(Object.keys(await errorsOf(signer(uniqueEmail("k"), { kind: "organisation", organisation: "Press Club" })))).toEqual(["kind"]);

  const required = await hook<Appeal>("create-appeal", { status: "OPEN", drawnSignature: "REQUIRED" });
  const res = await sign(request, required.slug, signer(uniqueEmail("r")), ip);
  expect(res.status()).toBe(422);
  expect(await res.json()).toEqual({ errors: { signatureImage: ["Draw your signature in the box."] } });
  expect(await hook<unknown[]>("signatures-of", { appealId: appeal.id })).toHaveLength(0);
});

test("POST answers 400 for a body that is not a JSON object, 404 for a draft or unknown appeal, 409 when closed", async ({ request, hook, uniqueEmail }) => {
  const appeal = await hook<Appeal>("create-appeal", { status: "OPEN" });
  const ip = uniqueIp();
  for (const body of ["name=Jane", "{\"kind\":", "[]", "null", "42"]) {
    const res = await sign(request, appeal.slug, body, ip);
    expect(res.status(), body).toBe(400);
    expectApiHeaders(res, "no-store");
    expect(await res.json()).toMatchObject({ error: "invalid_body" });
  }

  const draft = await hook<Appeal>("create-appeal", { status: "DRAFT" });
  for (const slug of [draft.slug, "no-such-appeal-anywhere"]) {
    const res = await sign(request, slug, signer(uniqueEmail("nf")), ip);
    expect(res.status()).toBe(404);
    expect(await res.json()).toEqual({ error: "not_found" });
  }

  const closed = await hook<Appeal>("create-appeal", { status: "CLOSED" });
  const expired = await hook<Appeal>("create-appeal", { status: "OPEN" });
  await hook("set-deadline", { appealId: expired.id, deadline: new Date(Date.now() - 60_000).toISOString() });
  for (const slug of [closed.slug, expired.slug]) {
    const res = await sign(request, slug, signer(uniqueEmail("late")), ip);
    expect(res.status()).toBe(409);
    expectApiHeaders(res, "no-store");
    expect(await res.json()).toMatchObject({ error: "appeal_closed" });
  }
  expect(await (await request.get(`/api/v1/appeals/${expired.slug}`)).json()).toMatchObject({ status: "closed" });
});

test("POST answers 413 for a body over 1 MB, declared or not", async ({ request, hook, uniqueEmail }) => {
  const appeal = await hook<Appeal>("create-appeal", { status: "OPEN" });
  const huge = JSON.stringify(signer(uniqueEmail("big"), { name: "x".repeat(2 * 1024 * 1024) }));
  const res = await sign(request, appeal.slug, huge, uniqueIp());
  expect(res.status()).toBe(413);
  expectApiHeaders(res, "no-store");
  expect(await res.json()).toMatchObject({ error: "payload_too_large" });

  // Sent in chunks without a Content-Length: cut off while reading. On a connection of its own,
  // since the server may close it without reading the rest.
  const chunked = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(
      `${E2E.appUrl}/api/v1/appeals/${appeal.slug}/signatures`,
      { method: "POST", agent: false, headers: { "content-type": "application/json", "x-forwarded-for": uniqueIp(), "transfer-encoding": "chunked" } },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
    const chunk = "x".repeat(64 * 1024);
    let sent = 0;
    const write = () => {
      while (sent < 32) {
        sent++;
        if (!req.write(chunk)) return req.once("drain", write);
      }
      req.end();
    };
    write();
  });
  expect(chunked.status).toBe(413);
  expect(JSON.parse(chunked.body)).toMatchObject({ error: "payload_too_large" });
});

test("POST answers 429 with Retry-After past the per-email limit", async ({ request, hook, uniqueEmail }) => {
  const appeal = await hook<Appeal>("create-appeal", { status: "OPEN" });
  const email = uniqueEmail("eager");
  const ip = uniqueIp();
  // RATE_LIMIT_PER_EMAIL is 5 per window by default.
  for (let i = 0; i < 5; i++) expect((await sign(request, appeal.slug, signer(email), ip)).status()).toBe(202);
  const limited = await sign(request, appeal.slug, signer(email), ip);
  expect(limited.status()).toBe(429);
  expectApiHeaders(limited, "no-store");
  const retryAfter = limited.headers()["retry-after"] ?? "";
  expect(retryAfter).toMatch(/^[1-9]\d*$/);
  expect(Number(retryAfter)).toBeLessThanOrEqual(10 * 60);
  expect(limited.headers()["access-control-expose-headers"]).toMatch(/retry-after/i);
  const text = await limited.text();
  expect(JSON.parse(text)).toMatchObject({ error: "rate_limited", message: expect.any(String) });
  expect(text.toLowerCase()).not.toContain(email.toLowerCase());
});

test("signatories come in pages: every signer exactly once, in the letter's order", async ({ request, hook }) => {
  const appeal = await hook<Appeal>("create-appeal", { status: "OPEN" });
  await hook("create-signatures", { appealId: appeal.id, count: 120 });
  const expected = Array.from({ length: 120 }, (_, i) => `Signer ${String(i + 1).padStart(3, "0")}`);

  const names: (string | null)[] = [];
  const sizes: number[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 10; guard++) {
    const res: APIResponse = await request.get(`/api/v1/appeals/${appeal.slug}/signatories`, { params: cursor ? { cursor } : {} });
    expect(res.status()).toBe(200);
    expectApiHeaders(res, "public");
    const page = (await res.json()) as SignatoriesPage;
    sizes.push(page.signatories.length);
    names.push(...page.signatories.map((s) => s.name));
    cursor = page.nextCursor;
    if (cursor === null) break;
  }
  expect(sizes).toEqual([50, 50, 20]);
  expect(names).toEqual(expected);

  const first = (await (await request.get(`/api/v1/appeals/${appeal.slug}/signatories?limit=3`)).json()) as SignatoriesPage;
  expect(first.signatories).toEqual([
    { kind: "organisation", name: "Signer 001", role: null, organisation: "Organisation 1", country: null },
    { kind: "individual", name: "Signer 002", role: null, organisation: null, country: null },
    { kind: "individual", name: "Signer 003", role: null, organisation: null, country: null },
  ]);
  expect(first.nextCursor).toEqual(expect.any(String));

  // Above 100 the page size is clamped, not refused.
  const clamped = (await (await request.get(`/api/v1/appeals/${appeal.slug}/signatories?limit=500`)).json()) as SignatoriesPage;
  expect(clamped.signatories).toHaveLength(100);

  for (const query of ["limit=0", "limit=-1", "limit=abc", "limit=2.5", "cursor=bm9wZQ", "cursor=%7B%7D"]) {
    const bad = await request.get(`/api/v1/appeals/${appeal.slug}/signatories?${query}`);
    expect(bad.status(), query).toBe(400);
    expectApiHeaders(bad, "no-store");
    const json = (await bad.json()) as { error: string; errors: Record<string, string[]> };
    expect(json.error).toBe("invalid_parameters");
    expect(Object.keys(json.errors)).toEqual([query.split("=")[0]]);
  }
});
