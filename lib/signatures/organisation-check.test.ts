import { describe, expect, it } from "vitest";
import { organisationCheck } from "@/lib/signatures/organisation-check";

const verified = (email: string, website: string | null) => organisationCheck({ email, website, kind: "organisation" }).domainVerified;

describe("organisationCheck", () => {
  it("verifies an address at the website's registrable domain, its subdomains included", () => {
    expect(verified("press@fidh.org", "https://fidh.org/")).toBe(true);
    expect(verified("press@fidh.org", "https://www.fidh.org/en")).toBe(true);
    expect(verified("press@mail.fidh.org", "https://fidh.org/")).toBe(true);
    expect(verified("press@FIDH.org", "https://www.fidh.org/")).toBe(true);
    expect(verified("press@amnesty.org.uk", "https://www.amnesty.org.uk/")).toBe(true);
    expect(verified("press@notfidh.org", "https://fidh.org/")).toBe(false);
    expect(verified("press@fidh.org.evil.com", "https://fidh.org/")).toBe(false);
    expect(verified("press@fidh.org", null)).toBe(false);
  });

  it("never verifies through a public suffix: website co.uk verifies no *.co.uk address", () => {
    expect(verified("someone@anything.co.uk", "https://co.uk/")).toBe(false);
    expect(verified("someone@co.uk", "https://co.uk/")).toBe(false);
    expect(verified("someone@other.co.uk", "https://bbc.co.uk/")).toBe(false);
    expect(verified("someone@news.bbc.co.uk", "https://bbc.co.uk/")).toBe(true);
    // Sites on a hosting suffix are each their own domain.
    expect(verified("someone@other.github.io", "https://ours.github.io/")).toBe(false);
  });

  it("never verifies a free-mail address, even when the website is the provider's", () => {
    expect(organisationCheck({ email: "activist@gmail.com", website: "https://gmail.com/", kind: "organisation" })).toEqual({ domainVerified: false, freeMail: true });
    expect(organisationCheck({ email: "activist@gmail.com", website: "https://mail.google.com/", kind: "individual" })).toEqual({ domainVerified: false, freeMail: false });
    expect(verified("activist@yahoo.com", "https://www.yahoo.com/")).toBe(false);
  });
});
