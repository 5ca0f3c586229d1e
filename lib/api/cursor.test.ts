import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, pageOf } from "@/lib/api/cursor";

describe("page cursors", () => {
  it("round-trip an offset and a snapshot time through an opaque URL-safe string", () => {
    const cursor = encodeCursor({ offset: 50, asOf: 1_767_225_600_123 });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual({ offset: 50, asOf: 1_767_225_600_123 });
  });

  it("refuse anything the API did not hand out", () => {
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
    for (const bad of [
      "",
      "not a cursor",
      "%%%",
      "x".repeat(201),
      Buffer.from("not json").toString("base64url"),
      b64(null),
      b64([1, 2]),
      b64({ o: 0, t: 1 }),
      b64({ o: -5, t: 1 }),
      b64({ o: 1.5, t: 1 }),
      b64({ o: "10", t: 1 }),
      b64({ o: 10 }),
      b64({ o: 10, t: -1 }),
    ]) {
      expect(decodeCursor(bad), bad).toBeNull();
    }
  });
});

describe("pageOf", () => {
  const all = Array.from({ length: 7 }, (_, i) => i);

  it("slices the list and points at the next slice, then ends with null", () => {
    const first = pageOf(all, { offset: 0, limit: 3, asOf: 42 });
    expect(first.items).toEqual([0, 1, 2]);
    expect(decodeCursor(first.nextCursor!)).toEqual({ offset: 3, asOf: 42 });
    const last = pageOf(all, { offset: 6, limit: 3, asOf: 42 });
    expect(last).toEqual({ items: [6], nextCursor: null });
  });

  it("gives no cursor when the page ends exactly at the end, and an empty page past it", () => {
    expect(pageOf(all, { offset: 4, limit: 3, asOf: 1 }).nextCursor).toBeNull();
    expect(pageOf(all, { offset: 40, limit: 3, asOf: 1 })).toEqual({ items: [], nextCursor: null });
    expect(pageOf([], { offset: 0, limit: 50, asOf: 1 })).toEqual({ items: [], nextCursor: null });
  });
});
