import { describe, expect, it } from "vitest";
import { composeSignatoryLine, defaultLayout, type SignatoryParts } from "./signatory-line";

const maria: SignatoryParts = {
  kind: "organisation",
  name: "Maria Novák",
  role: "Director",
  organisation: "Free Press Watch",
  countryName: "Belgium",
  showName: true,
  showCountry: true,
};

const individual: SignatoryParts = {
  kind: "individual",
  name: "Rəşad Əliyev",
  role: "",
  organisation: "",
  countryName: "Azerbaijan",
  showName: true,
  showCountry: true,
};

describe("composeSignatoryLine", () => {
  it("prints name, role, organisation and country in each layout", () => {
    expect(composeSignatoryLine(maria, "signatures")).toBe("Maria Novák, Director, Free Press Watch (Belgium)");
    expect(composeSignatoryLine(maria, "list")).toBe("Free Press Watch, Belgium");
    expect(composeSignatoryLine({ ...individual, organisation: "Baku University" }, "list")).toBe(
      "Rəşad Əliyev, Baku University, Azerbaijan",
    );
  });

  it("shows a signer who asked not to be named as their organisation only", () => {
    const hidden = { ...maria, showName: false };
    expect(composeSignatoryLine(hidden, "signatures")).toBe("Free Press Watch (Belgium)");
    expect(composeSignatoryLine(hidden, "list")).toBe("Free Press Watch, Belgium");
    const affiliated = { ...individual, organisation: "Baku University", role: "Lecturer", showName: false };
    expect(composeSignatoryLine(affiliated, "signatures")).toBe("Baku University (Azerbaijan)");
    expect(composeSignatoryLine(affiliated, "list")).toBe("Baku University, Azerbaijan");
  });

  it("leaves hidden or unknown countries out", () => {
    expect(composeSignatoryLine({ ...maria, showCountry: false }, "signatures")).toBe(
      "Maria Novák, Director, Free Press Watch",
    );
    expect(composeSignatoryLine({ ...individual, countryName: null }, "list")).toBe("Rəşad Əliyev");
    expect(composeSignatoryLine({ ...individual, showCountry: false }, "signatures")).toBe("Rəşad Əliyev");
  });

  it("skips empty parts without stray commas or spaces", () => {
    expect(composeSignatoryLine({ ...maria, role: "  ", organisation: "" }, "signatures")).toBe(
      "Maria Novák (Belgium)",
    );
    expect(composeSignatoryLine({ ...individual, name: " Jean  Dupont, ", countryName: " " }, "list")).toBe(
      "Jean Dupont",
    );
    expect(composeSignatoryLine({ ...individual, role: "Journalist" }, "signatures")).toBe(
      "Rəşad Əliyev, Journalist (Azerbaijan)",
    );
  });

  it("returns null when nothing about the signer may be printed", () => {
    expect(composeSignatoryLine({ ...individual, showName: false }, "list")).toBeNull();
    expect(composeSignatoryLine({ ...individual, showName: false }, "signatures")).toBeNull();
  });
});

describe("defaultLayout", () => {
  it("uses signatures up to 12 signers and the list above", () => {
    expect(defaultLayout(1)).toBe("signatures");
    expect(defaultLayout(12)).toBe("signatures");
    expect(defaultLayout(13)).toBe("list");
    expect(defaultLayout(1000)).toBe("list");
  });
});
