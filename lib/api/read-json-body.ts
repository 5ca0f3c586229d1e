import "server-only";

/** The largest request body the API reads: a drawn signature (at most ~700 KB as base64) and the fields. */
export const MAX_BODY_BYTES = 1024 * 1024;

export type JsonBodyResult =
  | { ok: true; body: Record<string, unknown> }
  | { ok: false; reason: "too_large" | "not_json" | "not_object" };

/**
 * Reads a request body as a JSON object without ever holding more than `maxBytes` of it: the
 * declared Content-Length is checked first, and the stream is cut off as soon as it passes the
 * limit (a chunked body declares no length).
 */
export async function readJsonBody(request: Request, maxBytes = MAX_BODY_BYTES): Promise<JsonBodyResult> {
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes) return { ok: false, reason: "too_large" };

  const text = await readText(request.body, maxBytes);
  if (text === "too_large") return { ok: false, reason: "too_large" };
  if (text === null) return { ok: false, reason: "not_json" };
  return parseJsonObject(text);
}

/** The stream as UTF-8 text; "too_large" past the limit, null when it is not valid UTF-8. */
export async function readText(stream: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<string | "too_large" | null> {
  if (!stream) return "";
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return "too_large";
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export function parseJsonObject(text: string): JsonBodyResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: "not_json" };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { ok: false, reason: "not_object" };
  return { ok: true, body: value as Record<string, unknown> };
}
