import { afterEach, describe, expect, it, vi } from "vitest";
import { redactEmails } from "@/lib/email/redact";
import { describeError, logError } from "@/lib/log-error";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("redactEmails", () => {
  it.each([
    ["550 5.1.1 <ana.k@example.org>: Recipient address rejected", "550 5.1.1 <[address]>: Recipient address rejected"],
    ["to ana+appeals@mail.example.org failed", "to [address] failed"],
    // A sign-in link carries the address URL-encoded.
    [
      "https://appeals.example.org/api/auth/callback/email?token=abc&email=ana.k%40example.org",
      "https://appeals.example.org/api/auth/callback/email?token=abc&email=[address]",
    ],
    ["email=ANA%40EXAMPLE.ORG&next=1", "email=[address]&next=1"],
    // Encoded twice (a link inside a callbackUrl).
    ["callbackUrl=x%3Femail%3Dana%2540example.org", "callbackUrl=[address]"],
    ["a%2Bb%40example.org", "[address]"],
  ])("redacts %s", (text, expected) => {
    expect(redactEmails(text)).toBe(expected);
  });

  it("leaves text without an address alone", () => {
    const text = "connect ECONNREFUSED 127.0.0.1:2525 (retry in 30 s, 50% done)";
    expect(redactEmails(text)).toBe(text);
  });
});

describe("describeError and logError", () => {
  it("keeps the message of an ordinary error, redacted and capped", () => {
    expect(describeError(new Error("rejected ana@example.org"))).toBe("rejected [address]");
    expect(describeError("plain ana%40example.org")).toBe("plain [address]");
    expect(describeError(new Error("x".repeat(2000)))).toHaveLength(500);
  });

  it("keeps only the name, code and reason of a Prisma error, whose message quotes the query's values", () => {
    const err = Object.assign(
      new Error(
        'Invalid `db().signature.create()` invocation:\n\n{\n  data: {\n    name: "Hidden Name",\n    email: "ana@example.org"\n  }\n}\n\nUnique constraint failed on the fields: (`emailNormalized`)',
      ),
      { name: "PrismaClientKnownRequestError", code: "P2002" },
    );
    expect(describeError(err)).toBe("PrismaClientKnownRequestError P2002: Unique constraint failed on the fields: (`emailNormalized`)");
  });

  it("logs the context and the redacted message, never the stack", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const err = new Error("could not mail ana@example.org");
    logError("[digest] coordinator 42", err);
    logError("[start] warm-up failed", err, "warn");
    expect(error).toHaveBeenCalledWith("[digest] coordinator 42: could not mail [address]");
    expect(warn).toHaveBeenCalledWith("[start] warm-up failed: could not mail [address]");
    expect(JSON.stringify([...error.mock.calls, ...warn.mock.calls])).not.toContain("    at ");
  });
});
