import { describe, expect, it } from "vitest";
import { normalizeEmail } from "@/lib/signatures/normalize-email";

describe("normalizeEmail", () => {
  it("ignores case everywhere", () => {
    expect(normalizeEmail(" A.B@Example.ORG ")).toBe("a.b@example.org");
  });

  it("keeps dots and plus-tags where the provider does not ignore them: those are other mailboxes", () => {
    expect(normalizeEmail("a.b@example.org")).toBe("a.b@example.org");
    expect(normalizeEmail("a.b@example.org")).not.toBe(normalizeEmail("ab@example.org"));
    expect(normalizeEmail("a+x@example.org")).toBe("a+x@example.org");
    expect(normalizeEmail("a+x@example.org")).not.toBe(normalizeEmail("a@example.org"));
  });

  it("removes dots and plus-tags for Gmail, and treats googlemail.com as gmail.com", () => {
    expect(normalizeEmail("Ali.Veli+petition@gmail.com")).toBe("aliveli@gmail.com");
    expect(normalizeEmail("ali.veli@googlemail.com")).toBe("aliveli@gmail.com");
    expect(normalizeEmail("a.l.i.veli+x+y@GoogleMail.com")).toBe(normalizeEmail("aliveli@gmail.com"));
  });

  it("removes plus-tags but keeps dots where the provider ignores only tags", () => {
    expect(normalizeEmail("a.b+news@outlook.com")).toBe("a.b@outlook.com");
    expect(normalizeEmail("a.b@outlook.com")).not.toBe(normalizeEmail("ab@outlook.com"));
  });
});
