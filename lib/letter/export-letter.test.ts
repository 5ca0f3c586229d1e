import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { createUser } from "@/lib/factories";
import { absoluteUrl } from "@/lib/urls";
import { exportLetter } from "./export-letter";
import { findLetterAppeal } from "./find-letter-appeal";
import { getLetterVerification } from "./get-letter-verification";
import { inspectPdf, readingText } from "./inspect-pdf";
import { LETTER_FIELDS, letterAppeal, letterSignature, manySignatures } from "./letter-test-fixtures";
import { parseLetterSnapshot } from "./letter-snapshot";
import { encodeRgbaPng } from "./png-encoder";
import { UnsupportedLetterError } from "./unsupported-letter-error";

const allText = (pages: { text: string }[]) => readingText(pages.map((p) => p.text).join("\n"));

function expectInOrder(text: string, parts: string[]) {
  let from = 0;
  for (const part of parts) {
    const at = text.indexOf(part, from);
    expect(at, `"${part}" after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + part.length;
  }
}

const pageNumbers = (pages: { text: string }[]) => pages.map((p) => /(\d+) \/ (\d+)\s*$/.exec(p.text.trim())?.[0] ?? null);

async function snapshotOf(code: string) {
  const row = await db().letterExport.findUniqueOrThrow({ where: { code } });
  return parseLetterSnapshot(row.snapshot)!;
}

const exportsOf = (appealId: string) => db().letterExport.count({ where: { appealId } });
const auditsOf = (appealId: string) => db().auditEvent.findMany({ where: { appealId, action: "letter.exported" } });

describe("exportLetter: what the PDF prints", () => {
  it("prints every block in order, Azerbaijani letters intact, no Markdown, nothing hidden and no email", async () => {
    const { appeal, owner } = await letterAppeal();
    const emails = ["margot.lefevre@example.org", "hidden.lawyer@example.org", "ilkin@example.org"];
    await letterSignature(appeal.id, { kind: "ORGANISATION", name: "Margot Lefèvre", role: "Director", organisation: "European Centre for Civic Freedoms", country: "BE", email: emails[0], drawn: "blue" });
    await letterSignature(appeal.id, { kind: "ORGANISATION", name: "Aytən Qasımova", role: "Coordinator", organisation: "Women Lawyers for Justice", country: "AZ", showName: false, email: emails[1], drawn: "black" });
    await letterSignature(appeal.id, { kind: "INDIVIDUAL", name: "İlkin Şükürov", role: "Human-rights defender", country: "AZ", showCountry: false, email: emails[2] });

    const letter = await exportLetter({ appealId: appeal.id, actorId: owner.id });
    expect(letter.pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(letter.code).toMatch(/^[a-z2-9]{16}$/);
    expect(letter.filename).toBe(`${appeal.slug}-${letter.exportedAt.toISOString().slice(0, 10)}.pdf`);
    const { pages, info, links } = await inspectPdf(letter.pdf);
    const text = allText(pages);
    const version = await db().textVersion.findFirstOrThrow({ where: { appealId: appeal.id } });
    expectInOrder(text, [
      "M. Étienne DUMONTEL President of the Republic 12 Avenue de la Constitution 1000 Capital City",
      "Brussels, Baku, 20 November 2026",
      appeal.title,
      "Dear President Dumontel,",
      "We write about the reporters Günay Əliyeva and İlkin Şükürov, detained since March in Gəncə and Şəki.",
      "We therefore call on you to:",
      "1. Release them immediately;",
      "2. Drop the charges against them.",
      "as our report explains.",
      "Sincerely,",
      "Margot Lefèvre, Director, European Centre for Civic Freedoms (Belgium)",
      "Women Lawyers for Justice (Azerbaijan)",
      "İlkin Şükürov, Human-rights defender",
      `Verify this letter and its signatories: ${absoluteUrl(`/verify/${letter.code}`)}`,
      `SHA-256 ${version.sha256.slice(0, 16)}`,
    ]);
    expect(text).not.toMatch(/\*\*|\]\(|<\/?\w+>|(^|\s)\*\S/);
    for (const hidden of ["Aytən", "Qasımova", "Coordinator", "İlkin Şükürov, Human-rights defender (", "Azerbaijan)\nİlkin"]) {
      expect(text).not.toContain(hidden);
    }
    const raw = letter.pdf.toString("latin1");
    for (const email of emails) {
      expect(text).not.toContain(email);
      expect(raw).not.toContain(email);
      expect(JSON.stringify(info)).not.toContain(email);
    }
    expect(info).toMatchObject({ Title: appeal.title, Author: "European Centre for Civic Freedoms; Women Lawyers for Justice", Language: "en" });
    expect(links).toEqual(["https://example.org/report", absoluteUrl(`/verify/${letter.code}`)]);
  });

  it("keeps every Azerbaijani letter in an appeal written in Azerbaijani", async () => {
    const { appeal, owner } = await letterAppeal({
      language: "az",
      signatoryLayout: "LIST",
      title: "Açıq məktub: Əliyeva, Şükürov və digər jurnalistləri azad edin",
      salutation: "Hörmətli Prezident,",
      body: "Biz, aşağıda imza atan təşkilatlar, ƏDALƏT, İSTİNTAQ və ŞƏFFAFLIQ tələb edirik: ğ ı İ ş ç ö ü ə Ə.",
      closing: "Hörmətlə,",
    });
    await letterSignature(appeal.id, { name: "Gülnarə Hüseynova", country: "AZ" });
    const { pages } = await inspectPdf((await exportLetter({ appealId: appeal.id, actorId: owner.id })).pdf);
    const text = allText(pages);
    expectInOrder(text, [
      "Açıq məktub: Əliyeva, Şükürov və digər jurnalistləri azad edin",
      "Hörmətli Prezident,",
      "ƏDALƏT, İSTİNTAQ və ŞƏFFAFLIQ tələb edirik: ğ ı İ ş ç ö ü ə Ə.",
      "Hörmətlə,",
      "tarixinə imzalayanlar",
      "Fərdi şəxslər",
      "Gülnarə Hüseynova, Azərbaycan",
      "Bu məktubu və imzalayanları yoxlayın:",
    ]);
  });

  it.each([
    // A short body: three signature blocks and the verification footer fit on page one.
    { count: 3, layout: "signatures", minPages: 1, maxPages: 1 },
    // 40 lines of 14 pt after the letter: onto a second page.
    { count: 40, layout: "list", minPages: 2, maxPages: 2 },
    // About 50 lines of 14 pt a page after the letter: 1,000 lines and two group headings, 21 pages.
    { count: 1000, layout: "list", minPages: 20, maxPages: 22 },
  ])("numbers the pages of a letter with $count signers ($layout layout)", async ({ count, layout, minPages, maxPages }) => {
    const { appeal, owner } = await letterAppeal();
    const emails = await manySignatures(appeal.id, count);
    const letter = await exportLetter({ appealId: appeal.id, actorId: owner.id });
    const snapshot = await snapshotOf(letter.code!);
    expect(snapshot.layout).toBe(layout);
    const { pages } = await inspectPdf(letter.pdf);
    expect(pages.length).toBeGreaterThanOrEqual(minPages);
    expect(pages.length).toBeLessThanOrEqual(maxPages);
    expect(pageNumbers(pages)).toEqual(pages.length === 1 ? [null] : pages.map((_, i) => `${i + 1} / ${pages.length}`));
    const text = allText(pages);
    expect(snapshot.signatories).toHaveLength(count);
    expectInOrder(text, [...snapshot.signatories, `SHA-256 ${snapshot.textSha256.slice(0, 16)}`]);
    for (const email of emails.slice(0, 50)) expect(text).not.toContain(email);
    expect(text).not.toContain("@example.org");
  });

  it("embeds one image per shown signer's drawn signature, plus the QR code and the logos", async () => {
    const { appeal, owner } = await letterAppeal();
    const logo = new Uint8Array(encodeRgbaPng(60, 30, new Uint8Array(60 * 30 * 4).fill(150)));
    for (const position of [0, 1]) {
      await db().appealLogo.create({ data: { appealId: appeal.id, position, mimeType: "image/png", data: logo, width: 60, height: 30 } });
    }
    await letterSignature(appeal.id, { kind: "ORGANISATION", name: "Ink Blue", organisation: "Org A", drawn: "blue" });
    await letterSignature(appeal.id, { kind: "ORGANISATION", name: "Ink Black", organisation: "Org B", drawn: "black" });
    await letterSignature(appeal.id, { kind: "ORGANISATION", name: "Hidden Ink", organisation: "Org C", drawn: "black", showName: false });
    await letterSignature(appeal.id, { name: "No Ink" });
    const letter = await exportLetter({ appealId: appeal.id, actorId: owner.id });
    const { pages } = await inspectPdf(letter.pdf);
    const images = pages.flatMap((p) => p.images);
    expect(images.filter((i) => i.width === 600 && i.height === 200)).toHaveLength(2);
    expect(images.filter((i) => i.width === 60 && i.height === 30)).toHaveLength(2);
    expect(pages.at(-1)!.images.filter((i) => i.width === i.height)).toHaveLength(1);
    expect(images).toHaveLength(2 + 2 + 1);
    expect(allText(pages)).not.toContain("Hidden Ink");
    expect((await snapshotOf(letter.code!)).logos).toBe(2);
  });

  it("refuses characters it cannot print with a typed error, and records nothing", async () => {
    const { appeal, owner } = await letterAppeal();
    await letterSignature(appeal.id, { name: "王小明" });
    const error = await exportLetter({ appealId: appeal.id, actorId: owner.id }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedLetterError);
    expect(error).toMatchObject({ code: "MISSING_GLYPHS", characters: ["王", "小", "明"] });
    expect(await exportsOf(appeal.id)).toBe(0);
    expect(await auditsOf(appeal.id)).toHaveLength(0);
  });
});

describe("exportLetter: exports and verification", () => {
  it("watermarks a draft and gives it neither a verification block nor an export", async () => {
    const { appeal, owner } = await letterAppeal({ status: "DRAFT" });
    await letterSignature(appeal.id, { name: "Early Bird" });
    const letter = await exportLetter({ appealId: appeal.id, actorId: owner.id });
    expect(letter).toMatchObject({ draft: true, code: null, reused: false });
    const text = allText((await inspectPdf(letter.pdf)).pages);
    expect(text).toContain("DRAFT");
    expect(text).toContain("Early Bird");
    expect(text).not.toContain("Verify this letter");
    expect(text).not.toContain("SHA-256");
    expect(await exportsOf(appeal.id)).toBe(0);
    expect(await db().auditEvent.count({ where: { appealId: appeal.id } })).toBe(0);
  });

  it("stores a snapshot equal to the PDF's signatory lines, and the verification page shows it", async () => {
    const { appeal, owner } = await letterAppeal({ signatoryLayout: "LIST" });
    await letterSignature(appeal.id, { kind: "ORGANISATION", name: "Hidden", organisation: "Org Hidden Name", country: "AZ", showName: false });
    await letterSignature(appeal.id, { name: "Rəşad Məmmədli", country: "AZ", showCountry: false });
    await letterSignature(appeal.id, { name: "Zuzana Dvořáková", country: "CZ" });
    const letter = await exportLetter({ appealId: appeal.id, actorId: owner.id });
    const snapshot = await snapshotOf(letter.code!);
    const version = await db().textVersion.findFirstOrThrow({ where: { appealId: appeal.id } });
    expect(snapshot).toMatchObject({
      format: 1,
      appealTitle: appeal.title,
      slug: appeal.slug,
      textVersion: 1,
      textSha256: version.sha256,
      exportedAt: letter.exportedAt.toISOString(),
      layout: "list",
      pageSize: "A4",
      heading: `Signatories as of ${new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" }).format(letter.exportedAt)}`,
      signatories: ["Org Hidden Name, Azerbaijan", "Rəşad Məmmədli", "Zuzana Dvořáková, Czech Republic"],
      organisations: 1,
      logos: 0,
    });
    const text = allText((await inspectPdf(letter.pdf)).pages);
    expectInOrder(text, [snapshot.heading, "Organisations", snapshot.signatories[0]!, "Individuals", ...snapshot.signatories.slice(1)]);
    expect(JSON.stringify(snapshot)).not.toMatch(/Hidden,|@example\.org/);

    const verification = await getLetterVerification({ code: letter.code!.toUpperCase() });
    expect(verification).toMatchObject({
      code: letter.code,
      snapshot,
      appealSlug: appeal.slug,
      changedSince: { text: false, signatories: false, currentVersion: 1 },
    });
    const [audit] = await auditsOf(appeal.id);
    expect(audit).toMatchObject({ actorId: owner.id, details: { code: letter.code, version: 1, signatories: 3, layout: "list" } });
  });

  it("reuses the export of an unchanged letter from its file; a change makes a new code, the old one still verifies", async () => {
    const { appeal, owner } = await letterAppeal();
    await letterSignature(appeal.id, { name: "First Signer", role: "Journalist" });
    const first = await exportLetter({ appealId: appeal.id, actorId: owner.id });
    const file = path.resolve(env.DATA_DIR, "exports", `${first.code}.pdf`);
    expect(fs.readFileSync(file).equals(first.pdf)).toBe(true);

    const again = await exportLetter({ appealId: appeal.id, actorId: null, now: new Date(Date.now() + 3_600_000) });
    expect(again).toMatchObject({ code: first.code, reused: true, exportedAt: first.exportedAt, filename: first.filename });
    expect(again.pdf.equals(first.pdf)).toBe(true);
    // Without its file (another server, a cleaned disk) the same PDF is rendered again, same code and date.
    fs.rmSync(file);
    const rebuilt = await exportLetter({ appealId: appeal.id });
    expect(rebuilt).toMatchObject({ code: first.code, reused: true });
    expect(allText((await inspectPdf(rebuilt.pdf)).pages)).toBe(allText((await inspectPdf(first.pdf)).pages));
    expect(fs.existsSync(file)).toBe(true);
    expect(await exportsOf(appeal.id)).toBe(1);
    expect(await auditsOf(appeal.id)).toHaveLength(1);

    await letterSignature(appeal.id, { name: "Second Signer" });
    const second = await exportLetter({ appealId: appeal.id });
    expect(second.code).not.toBe(first.code);
    expect(second.reused).toBe(false);
    expect(await exportsOf(appeal.id)).toBe(2);
    const audits = await auditsOf(appeal.id);
    expect(audits.map((a) => [a.actorId, (a.details as { code: string }).code])).toEqual([
      [owner.id, first.code],
      [null, second.code],
    ]);
    expect(allText((await inspectPdf(second.pdf)).pages)).toContain("Second Signer");

    const old = await getLetterVerification({ code: first.code! });
    expect(old!.snapshot.signatories).toEqual(["First Signer, Journalist"]);
    expect(old!.changedSince).toEqual({ text: false, signatories: true, currentVersion: 1 });
    const current = await getLetterVerification({ code: second.code! });
    expect(current!.snapshot.signatories).toEqual(["First Signer, Journalist", "Second Signer"]);
    expect(current!.changedSince.signatories).toBe(false);
  });

  it("gives one export to simultaneous downloads of a new letter", async () => {
    const { appeal } = await letterAppeal();
    await letterSignature(appeal.id, { name: "Only Signer" });
    const results = await Promise.all([1, 2, 3].map(() => exportLetter({ appealId: appeal.id })));
    expect(new Set(results.map((r) => r.code)).size).toBe(1);
    expect(await exportsOf(appeal.id)).toBe(1);
  });

  it("notes a text changed after the export, and says nothing for unknown or malformed codes", async () => {
    const { appeal, owner } = await letterAppeal();
    const letter = await exportLetter({ appealId: appeal.id, actorId: owner.id });
    const updated = await db().appeal.update({ where: { id: appeal.id }, data: { body: `${LETTER_FIELDS.body}\n\nOne more paragraph.` } });
    const { recordTextVersion } = await import("@/lib/appeals/text-versions");
    await db().$transaction((tx) => recordTextVersion(tx, updated, owner.id));
    const verification = await getLetterVerification({ code: letter.code! });
    expect(verification!.snapshot.textVersion).toBe(1);
    expect(verification!.changedSince).toEqual({ text: true, signatories: false, currentVersion: 2 });

    const next = await exportLetter({ appealId: appeal.id, actorId: owner.id });
    expect((await snapshotOf(next.code!)).textVersion).toBe(2);

    expect(await getLetterVerification({ code: "abcdefghijkmnpqr" })).toBeNull();
    expect(await getLetterVerification({ code: "../../etc/passwd" })).toBeNull();
    expect(await getLetterVerification({ code: letter.code!.slice(0, 15) + "0" })).toBeNull();
  });
});

describe("findLetterAppeal", () => {
  it("lets coordinators have any letter, the public only a published one with a public PDF", async () => {
    const outsider = await createUser();
    const draft = await letterAppeal({ status: "DRAFT" });
    const closed = await letterAppeal({ status: "CLOSED", closedAt: new Date() });
    const privatePdf = await letterAppeal({ publicPdf: false });

    expect(await findLetterAppeal({ slug: draft.appeal.slug, userId: null })).toBeNull();
    expect(await findLetterAppeal({ slug: draft.appeal.slug, userId: outsider.id })).toBeNull();
    expect(await findLetterAppeal({ slug: draft.appeal.slug, userId: draft.owner.id })).toEqual({ appealId: draft.appeal.id, coordinator: true });

    expect(await findLetterAppeal({ slug: privatePdf.appeal.slug, userId: null })).toBeNull();
    expect(await findLetterAppeal({ slug: privatePdf.appeal.slug, userId: outsider.id })).toBeNull();
    expect(await findLetterAppeal({ slug: privatePdf.appeal.slug, userId: privatePdf.owner.id })).toMatchObject({ coordinator: true });

    expect(await findLetterAppeal({ slug: closed.appeal.slug, userId: null })).toEqual({ appealId: closed.appeal.id, coordinator: false });
    expect(await findLetterAppeal({ slug: closed.appeal.slug, userId: outsider.id })).toMatchObject({ coordinator: false });
    expect(await findLetterAppeal({ slug: "no-such-appeal", userId: null })).toBeNull();
  });
});
