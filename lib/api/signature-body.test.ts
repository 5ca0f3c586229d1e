import { describe, expect, it } from "vitest";
import { parseSignatureBody } from "@/lib/api/signature-body";

const valid = {
  kind: "individual",
  name: "Jane Doe",
  role: "Journalist",
  organisation: "Free Press Club",
  country: "fr",
  email: "jane@example.org",
  website: null,
  show: { name: false, country: true },
  consent: true,
};

describe("parseSignatureBody", () => {
  it("maps the API body onto the form's input", () => {
    const parsed = parseSignatureBody(valid);
    expect(parsed).toEqual({
      ok: true,
      input: expect.objectContaining({ kind: "individual", name: "Jane Doe", country: "FR", email: "jane@example.org", website: null, showName: false, showCountry: true, signatureImage: "", ink: "black" }),
    });
  });

  it("shows name and country when show is left out, and treats null optional fields as absent", () => {
    const parsed = parseSignatureBody({ kind: "individual", name: "Jane", email: "jane@example.org", consent: true, role: null, organisation: null, country: null, signatureImage: null });
    expect(parsed.ok && parsed.input).toMatchObject({ showName: true, showCountry: true, role: "", organisation: "", country: "" });
  });

  it("keys errors by the API's field names", () => {
    const parsed = parseSignatureBody({ ...valid, country: "XX", consent: false, show: { name: "no", country: null } });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(Object.keys(parsed.errors).sort()).toEqual(["consent", "country", "show.country", "show.name"]);
    expect(parsed.errors.country).toEqual(["Choose a country from the list."]);
  });

  it("refuses an individual who hides their name without an organisation to show instead", () => {
    for (const organisation of ["", "   ", null]) {
      const parsed = parseSignatureBody({ ...valid, organisation });
      expect(parsed).toEqual({ ok: false, errors: { "show.name": ["To hide your name, give the organisation to show instead."] } });
    }
    expect(parseSignatureBody({ ...valid, organisation: "", show: { name: true, country: true } }).ok).toBe(true);
    // An organisation needs its name either way, and hears only that.
    expect(parseSignatureBody({ ...valid, kind: "organisation", organisation: "" })).toEqual({
      ok: false, errors: { organisation: ["Enter the name of the organisation you sign for."] },
    });
  });

  it("refuses a show that is not an object, along with the other errors", () => {
    const parsed = parseSignatureBody({ ...valid, name: "", show: "hide-all" });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(Object.keys(parsed.errors).sort()).toEqual(["name", "show"]);
  });

  it("ignores unknown fields and cannot be told to skip consent", () => {
    const parsed = parseSignatureBody({ ...valid, consent: undefined, showName: false, status: "PUBLIC" });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(Object.keys(parsed.errors)).toEqual(["consent"]);
  });

  it("never echoes the email address in an error", () => {
    const parsed = parseSignatureBody({ ...valid, email: "not-an-email@@example.org" });
    expect(JSON.stringify(parsed)).not.toContain("not-an-email");
  });
});
