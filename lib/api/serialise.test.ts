import { describe, expect, it } from "vitest";
import { countsOf, serialiseAppeal, serialiseAppealSummary, serialiseSignatory } from "@/lib/api/serialise";
import { letterTextOf, letterTextSha256 } from "@/lib/appeals/letter-text";

const appeal = {
  id: "internal-id",
  slug: "free-the-reporters",
  title: "Open letter: Free the reporters",
  status: "OPEN" as const,
  language: "en",
  deadline: new Date("2026-12-01T17:00:00.000Z"),
  recipient: "M. Étienne DUMONTEL\r\nPresident  ",
  place: "Brussels",
  letterDate: new Date("2026-11-20T00:00:00.000Z"),
  salutation: "Dear President,",
  body: "We call on you to act.\r\n\r\n1. **Release** them.",
  closing: "Sincerely,",
  publicPdf: true,
};

describe("serialiseAppeal", () => {
  it("gives exactly the v1 fields, the letter as it was hashed", () => {
    const json = serialiseAppeal(appeal, {
      url: "https://undersigned.example/a/free-the-reporters",
      pdfUrl: "https://undersigned.example/a/free-the-reporters/letter.pdf",
      counts: { organisations: 2, individuals: 3, total: 5 },
      latestVersion: { version: 2, sha256: "ab".repeat(32) },
    });
    expect(json).toEqual({
      slug: "free-the-reporters",
      title: "Open letter: Free the reporters",
      status: "open",
      language: "en",
      deadline: "2026-12-01T17:00:00.000Z",
      url: "https://undersigned.example/a/free-the-reporters",
      pdfUrl: "https://undersigned.example/a/free-the-reporters/letter.pdf",
      counts: { organisations: 2, individuals: 3, total: 5 },
      textVersion: 2,
      textSha256: "ab".repeat(32),
      letter: {
        recipient: "M. Étienne DUMONTEL\nPresident",
        place: "Brussels",
        date: "2026-11-20",
        subject: "Open letter: Free the reporters",
        salutation: "Dear President,",
        body: "We call on you to act.\n\n1. **Release** them.",
        closing: "Sincerely,",
      },
    });
  });

  it("lets a partner recompute the text's SHA-256 from the letter it receives", () => {
    const { letter, language } = serialiseAppeal(appeal, { url: "u", pdfUrl: null, counts: countsOf([]), latestVersion: null });
    const recomputed = letterTextSha256({
      language, title: letter.subject, recipient: letter.recipient, place: letter.place, letterDate: letter.date,
      salutation: letter.salutation, body: letter.body, closing: letter.closing,
    });
    expect(recomputed).toBe(letterTextSha256(letterTextOf(appeal)));
  });

  it("writes null for what is not set, and closed for a closed appeal", () => {
    const json = serialiseAppeal({ ...appeal, status: "CLOSED", deadline: null, letterDate: null }, { url: "u", pdfUrl: null, counts: countsOf([]), latestVersion: null });
    expect(json).toMatchObject({ status: "closed", deadline: null, pdfUrl: null, textVersion: null, textSha256: null, letter: { date: null } });
  });
});

it("serialiseAppealSummary picks the list's five fields", () => {
  expect(serialiseAppealSummary(appeal, "https://x/a/free-the-reporters", { organisations: 0, individuals: 1, total: 1 })).toEqual({
    slug: "free-the-reporters",
    title: "Open letter: Free the reporters",
    status: "open",
    url: "https://x/a/free-the-reporters",
    counts: { organisations: 0, individuals: 1, total: 1 },
  });
});

it("countsOf adds organisations and individuals", () => {
  expect(countsOf([{ kind: "INDIVIDUAL", count: 4 }, { kind: "ORGANISATION", count: 2 }])).toEqual({ organisations: 2, individuals: 4, total: 6 });
  expect(countsOf([])).toEqual({ organisations: 0, individuals: 0, total: 0 });
});

describe("serialiseSignatory", () => {
  it("keeps the five public fields and nothing else", () => {
    const row = { kind: "organisation" as const, name: "Aysel Əhmədova", role: "Director", organisation: "Baku Press Club", country: "az", email: "aysel@example.org", id: "x" };
    expect(serialiseSignatory(row)).toEqual({ kind: "organisation", name: "Aysel Əhmədova", role: "Director", organisation: "Baku Press Club", country: "AZ" });
  });

  it("never shows a role without a name, and writes empty fields as null", () => {
    expect(serialiseSignatory({ kind: "individual", name: null, role: "Editor", organisation: "  ", country: null })).toEqual({
      kind: "individual", name: null, role: null, organisation: null, country: null,
    });
  });
});
