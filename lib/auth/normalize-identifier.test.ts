import { describe, expect, it } from "vitest";
import { InvalidSignInAddressError, normalizeSignInIdentifier } from "@/lib/auth/normalize-identifier";

describe("normalizeSignInIdentifier", () => {
  it("trims and lowercases one valid address", () => {
    expect(normalizeSignInIdentifier("  Ana.K@Example.ORG ")).toBe("ana.k@example.org");
    expect(normalizeSignInIdentifier("coordinator@example.org")).toBe("coordinator@example.org");
  });

  it.each([
    "a@x.org,b@y.org",
    "a@x.org, b@y.org",
    "a@x.org;b@y.org",
    "a@x.org b@y.org",
    "Ana <a@x.org>",
    '"a,b"@x.org',
    "a@b@x.org",
    "a@localhost",
    "not-an-address",
    "",
    "   ",
    `${"a".repeat(250)}@x.org`,
  ])("refuses %j without cutting it down to an address", (identifier) => {
    expect(() => normalizeSignInIdentifier(identifier)).toThrow(InvalidSignInAddressError);
  });

  it("refuses what is not a string (a body next-auth did not check)", () => {
    for (const value of [undefined, null, 42, ["a@x.org", "b@y.org"]]) expect(() => normalizeSignInIdentifier(value)).toThrow(InvalidSignInAddressError);
  });

  it("does not quote the address in its error, which next-auth logs", () => {
    try {
      normalizeSignInIdentifier("ana@x.org,bob@y.org");
      expect.unreachable();
    } catch (err) {
      expect(String((err as Error).message)).not.toMatch(/ana|bob|@/);
    }
  });
});
