import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { encodeRgbaPng } from "./png-encoder";
import { type BuiltLetter, buildLetterInput, letterFingerprint, letterInputAt, printedLines } from "./build-letter-input";
import type { LetterPdfInput } from "./types";
import { letterAppeal, letterSignature } from "./letter-test-fixtures";

const NOW = new Date("2026-11-25T10:00:00Z");
const APP_URL = "https://undersigned.example";

async function built(appealId: string, now = NOW) {
  const letter = await buildLetterInput({ appealId, now });
  if (!letter) throw new Error("no letter");
  return letter;
}

const linesOf = (letter: BuiltLetter, kind?: "organisation" | "individual") =>
  letter.signers.filter((s) => !kind || s.kind === kind).map((s) => s.line);
const listOf = (input: LetterPdfInput) => {
  if (input.signatories.layout !== "list") throw new Error("not the list layout");
  return input.signatories;
};

describe("buildLetterInput", () => {
  it("prints public signers in the letter's order, grouped, with their privacy choices and no email", async () => {
    const { appeal } = await letterAppeal({ signatoryLayout: "LIST" });
    await letterSignature(appeal.id, { kind: "INDIVIDUAL", name: "Jane Doe", role: "Journalist", country: "GE", showCountry: false, email: "jane.private@example.org" });
    await letterSignature(appeal.id, { kind: "ORGANISATION", name: "Hidden Lawyer", role: "Lawyer", organisation: "Women Lawyers for Justice", country: "AZ", showName: false });
    await letterSignature(appeal.id, { kind: "ORGANISATION", name: "Margot Lefèvre", role: "Director", organisation: "European Centre for Civic Freedoms", country: "BE" });
    await letterSignature(appeal.id, { kind: "INDIVIDUAL", name: "Nobody Shown", organisation: "", showName: false });
    for (const status of ["PENDING_EMAIL", "PENDING_REVIEW", "REJECTED", "WITHDRAWN"] as const) {
      await letterSignature(appeal.id, { name: `Not public ${status}`, status });
    }
    const letter = await built(appeal.id);
    expect(letter.layout).toBe("list");
    expect(linesOf(letter, "organisation")).toEqual(["Women Lawyers for Justice, Azerbaijan", "European Centre for Civic Freedoms, Belgium"]);
    expect(linesOf(letter, "individual")).toEqual(["Jane Doe"]);
    // The list layout groups them: organisations first, each group in the letter's order.
    expect(printedLines(letter)).toEqual([...linesOf(letter, "organisation"), ...linesOf(letter, "individual")]);
    const input = letterInputAt(letter, NOW, null);
    expect(listOf(input).organisations.map((s) => s.line)).toEqual(linesOf(letter, "organisation"));
    expect(listOf(input).individuals.map((s) => s.line)).toEqual(["Jane Doe"]);
    const everything = JSON.stringify(input);
    for (const hidden of ["Hidden Lawyer", "Lawyer,", "Georgia", "Nobody Shown", "Not public", "@example.org"]) expect(everything).not.toContain(hidden);
  });

  it("chooses the layout: signatures up to 12 signers on AUTO, a list above, the coordinator's choice otherwise", async () => {
    const { appeal } = await letterAppeal();
    for (let i = 0; i < 12; i++) await letterSignature(appeal.id, { name: `Person ${i + 1}`, role: "Director", organisation: "Org" });
    expect((await built(appeal.id)).layout).toBe("signatures");
    expect(linesOf(await built(appeal.id))[0]).toBe("Person 1, Director, Org");
    await letterSignature(appeal.id, { name: "Person 13" });
    expect((await built(appeal.id)).layout).toBe("list");
    expect(linesOf(await built(appeal.id))[0]).toBe("Person 1, Org");
    await db().appeal.update({ where: { id: appeal.id }, data: { signatoryLayout: "SIGNATURES" } });
    expect((await built(appeal.id)).layout).toBe("signatures");
  });

  it("heads the list with the export date, or the closing date of a closed appeal, in the appeal's language", async () => {
    const { appeal } = await letterAppeal({ signatoryLayout: "LIST" });
    await letterSignature(appeal.id, { name: "Aysel", country: "AZ" });
    expect(letterInputAt(await built(appeal.id), NOW, null).signatories.heading).toBe("Signatories as of 25 November 2026");

    await db().appeal.update({ where: { id: appeal.id }, data: { status: "CLOSED", closedAt: new Date("2026-11-22T18:00:00Z") } });
    expect(letterInputAt(await built(appeal.id), NOW, null).signatories.heading).toBe("Signatories as of 22 November 2026");

    const az = await letterAppeal({ signatoryLayout: "LIST", language: "az" });
    await letterSignature(az.appeal.id, { name: "Aysel", country: "AZ" });
    const input = letterInputAt(await built(az.appeal.id), NOW, { url: "https://x.example/verify/abc", sha256: "0".repeat(64) });
    expect(input.signatories.heading).toBe("25 noyabr 2026 tarixinə imzalayanlar");
    expect(listOf(input).individuals[0]!.line).toBe("Aysel, Azərbaycan");
    expect(input.verification?.label).toBe("Bu məktubu və imzalayanları yoxlayın:");
  });

  it("prints drawn signatures in their ink in the signature layout, never beside a hidden name", async () => {
    const { appeal } = await letterAppeal();
    await letterSignature(appeal.id, { kind: "ORGANISATION", name: "Shown", organisation: "Org A", drawn: "blue" });
    await letterSignature(appeal.id, { kind: "ORGANISATION", name: "Hidden", organisation: "Org B", showName: false, drawn: "black" });
    await letterSignature(appeal.id, { name: "No drawing" });
    const letter = await built(appeal.id);
    expect(letter.signers.map((s) => [s.line, Boolean(s.signaturePng), s.ink])).toEqual([
      ["Shown, Org A", true, "blue"],
      ["Org B", false, undefined],
      ["No drawing", false, undefined],
    ]);
    await db().appeal.update({ where: { id: appeal.id }, data: { signatoryLayout: "LIST" } });
    expect((await built(appeal.id)).signers.every((s) => !s.signaturePng)).toBe(true);
  });

  it("prints the signature layout in the coordinator's order, organisations and individuals mixed; only the list groups them", async () => {
    const { appeal } = await letterAppeal({ signatoryOrder: "MANUAL", signatoryLayout: "SIGNATURES" });
    await letterSignature(appeal.id, { kind: "ORGANISATION", name: "Org Lead", organisation: "Org One", position: 2 });
    await letterSignature(appeal.id, { kind: "INDIVIDUAL", name: "First Person", position: 1 });
    await letterSignature(appeal.id, { kind: "INDIVIDUAL", name: "Third Person", position: 3 });
    await letterSignature(appeal.id, { kind: "ORGANISATION", name: "Org Rep", organisation: "Org Two", position: 4 });
    const letter = await built(appeal.id);
    const order = ["First Person", "Org Lead, Org One", "Third Person", "Org Rep, Org Two"];
    expect(printedLines(letter)).toEqual(order);
    const input = letterInputAt(letter, NOW, null);
    expect(input.signatories.layout === "signatures" && input.signatories.signers.map((s) => s.line)).toEqual(order);

    await db().appeal.update({ where: { id: appeal.id }, data: { signatoryLayout: "LIST" } });
    const list = await built(appeal.id);
    expect(printedLines(list)).toEqual(["Org One", "Org Two", "First Person", "Third Person"]);
    // A change of order is a change of what prints.
    const fingerprint = letterFingerprint(letter, APP_URL);
    await db().signature.updateMany({ where: { appealId: appeal.id, name: "First Person" }, data: { position: 5 } });
    await db().appeal.update({ where: { id: appeal.id }, data: { signatoryLayout: "SIGNATURES" } });
    expect(letterFingerprint(await built(appeal.id), APP_URL)).not.toBe(fingerprint);
  });

  it("dates a letter without a date of its own by its export, in the appeal's language, outside the signed text", async () => {
    const { appeal } = await letterAppeal({ letterDate: null });
    await letterSignature(appeal.id, { name: "Aysel" });
    const letter = await built(appeal.id);
    expect(letter.input.content.dateText).toBe("");
    expect(letterInputAt(letter, NOW, null).content).toMatchObject({ place: "Brussels, Baku,", dateText: "25 November 2026" });
    const later = await built(appeal.id, new Date("2026-12-02T10:00:00Z"));
    expect(letterInputAt(later, new Date("2026-12-02T10:00:00Z"), null).content.dateText).toBe("2 December 2026");
    expect(later.textSha256).toBe(letter.textSha256);
    expect(letterFingerprint(later, APP_URL)).toBe(letterFingerprint(letter, APP_URL));

    const az = await letterAppeal({ letterDate: null, language: "az" });
    expect(letterInputAt(await built(az.appeal.id), NOW, null).content.dateText).toBe("25 noyabr 2026");
    // A letter dated by its coordinator keeps that date.
    const dated = await letterAppeal();
    expect(letterInputAt(await built(dated.appeal.id), NOW, null).content.dateText).toBe("20 November 2026");
  });

  it("sets logos in order, page size, draft flag and metadata", async () => {
    const { appeal } = await letterAppeal({ status: "DRAFT", pageSize: "LETTER", summary: "Two organisations ask for the reporters' release." });
    const png = (shade: number) => new Uint8Array(encodeRgbaPng(20, 10, new Uint8Array(20 * 10 * 4).fill(shade)));
    await db().appealLogo.create({ data: { appealId: appeal.id, position: 1, mimeType: "image/png", data: png(200), width: 20, height: 10 } });
    await db().appealLogo.create({ data: { appealId: appeal.id, position: 0, mimeType: "image/png", data: png(100), width: 20, height: 10 } });
    let letter = await built(appeal.id);
    expect(letter.input.draft).toBe(true);
    expect(letter.input.pageSize).toBe("LETTER");
    expect(letter.version).toBeNull();
    expect(letter.logos).toHaveLength(2);
    expect(letter.logos[0]!.data.equals(Buffer.from(png(100)))).toBe(true);
    expect(letter.input.metadata).toEqual({
      title: appeal.title,
      subject: "Two organisations ask for the reporters' release.",
      author: "Undersigned",
      language: "en",
    });
    for (const org of ["Org One", "Org Two", "Org One", "Org Three", "Org Four"]) {
      await letterSignature(appeal.id, { kind: "ORGANISATION", name: "Someone", organisation: org });
    }
    letter = await built(appeal.id);
    expect(letter.input.metadata.author).toBe("Org One; Org Two; Org Three");
    expect(letterInputAt(letter, NOW, null).metadata.creationDate).toEqual(NOW);
    // Named organisers are the author, whoever signed first.
    await db().appeal.update({ where: { id: appeal.id }, data: { organisers: "FIDH\nWomen Lawyers for Justice\n FIDH " } });
    expect((await built(appeal.id)).input.metadata.author).toBe("FIDH; Women Lawyers for Justice");
  });

  it("fingerprints what prints: the same letter the same on any day, anything printed changing it", async () => {
    const { appeal } = await letterAppeal();
    await letterSignature(appeal.id, { name: "First" });
    const first = letterFingerprint(await built(appeal.id), APP_URL);
    expect(letterFingerprint(await built(appeal.id, new Date(NOW.getTime() + 86_400_000)), APP_URL)).toBe(first);
    expect(letterFingerprint(await built(appeal.id), "https://elsewhere.example")).not.toBe(first);

    const second = await letterSignature(appeal.id, { name: "Second" });
    const withSecond = letterFingerprint(await built(appeal.id), APP_URL);
    expect(withSecond).not.toBe(first);
    await db().signature.update({ where: { id: second.id }, data: { showCountry: false, country: "FR" } });
    expect(letterFingerprint(await built(appeal.id), APP_URL)).toBe(withSecond);
    await db().signature.update({ where: { id: second.id }, data: { showCountry: true } });
    expect(letterFingerprint(await built(appeal.id), APP_URL)).not.toBe(withSecond);
  });
});
