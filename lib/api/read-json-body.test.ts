import { describe, expect, it } from "vitest";
import { parseJsonObject, readJsonBody, readText } from "@/lib/api/read-json-body";

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request("http://localhost/api", { method: "POST", body, headers, duplex: "half" } as RequestInit);

/** A body that declares no length, sent in chunks, like Transfer-Encoding: chunked. */
function chunked(chunks: number, size: number) {
  let sent = 0;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent++ >= chunks) return controller.close();
      controller.enqueue(new Uint8Array(size).fill(0x20));
    },
    cancel() {
      cancelled = true;
    },
  });
  return { stream, sent: () => sent, cancelled: () => cancelled };
}

describe("readJsonBody", () => {
  it("reads a JSON object", async () => {
    expect(await readJsonBody(post(JSON.stringify({ name: "Aysel Əhmədova" })))).toEqual({ ok: true, body: { name: "Aysel Əhmədova" } });
  });

  it("refuses a declared length over the limit without reading the body", async () => {
    const request = post("{}", { "content-length": String(2 * 1024 * 1024) });
    expect(await readJsonBody(request, 1024)).toEqual({ ok: false, reason: "too_large" });
    expect(request.bodyUsed).toBe(false);
  });

  it("accepts a body of exactly the limit and refuses one byte more", async () => {
    const fits = JSON.stringify({ a: "x".repeat(1000 - 8) });
    expect(fits).toHaveLength(1000);
    expect((await readJsonBody(post(fits), 1000)).ok).toBe(true);
    expect(await readJsonBody(post(JSON.stringify({ a: "x".repeat(1000 - 7) })), 1000)).toEqual({ ok: false, reason: "too_large" });
  });

  it("counts bytes, not characters", async () => {
    // 400 characters, 800 bytes in UTF-8
    expect(await readJsonBody(post(JSON.stringify({ a: "ə".repeat(400) })), 600)).toEqual({ ok: false, reason: "too_large" });
  });

  it("stops reading a body without a length as soon as it passes the limit", async () => {
    const body = chunked(1000, 1024);
    expect(await readText(body.stream, 10 * 1024)).toBe("too_large");
    expect(body.sent()).toBeLessThan(20);
    expect(body.cancelled()).toBe(true);
  });

  it("says which bodies are not JSON objects", async () => {
    expect(await readJsonBody(post("name=x"))).toEqual({ ok: false, reason: "not_json" });
    expect(await readJsonBody(post(""))).toEqual({ ok: false, reason: "not_json" });
    expect(await readJsonBody(post(new Uint8Array([0x7b, 0xff, 0x7d])))).toEqual({ ok: false, reason: "not_json" });
    for (const text of ["[]", "null", "42", '"text"', "true"]) expect(parseJsonObject(text)).toEqual({ ok: false, reason: "not_object" });
  });

  it("reads no body as empty text", async () => {
    expect(await readText(null, 10)).toBe("");
  });
});
