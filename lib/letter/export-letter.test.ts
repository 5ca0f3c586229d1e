import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { createUser } from "@/lib/factories";
import { absoluteUrl } from "@/lib/urls";
import { exportLetter, PUBLIC_REUSE_MS } from "./export-letter";
import { findLetterAppeal } from "./find-letter-appeal";
import { getLetterVerification } from "./get-letter-verification";
import { inspectPdf, readingText } from "./inspect-pdf";
import { LETTER_FIELDS, letterAppeal, letterSignature, manySignatures } from "./letter-test-fixtures";
import { parseLetterSnapshot } from "./letter-snapshot";
import { encodeRgbaPng } from "./png-encoder";
import { issueToken } from "@/lib/signatures/tokens";
import { withdrawSignature } from "@/lib/signatures/withdraw-signature";
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

const exportFile = (code: string) => path.resolve(env.DATA_DIR, "exports", `${code}.pdf`);
/** Withdraws a signature the way its signer does, through the link of their confirmation email. */
async function withdraw(appealId: string, signatureId: string) {
  const token = await db().$transaction((tx) =>
    issueToken(tx, { purpose: "WITHDRAW_SIGNATURE", appealId, signatureId, expiresAt: new Date(Date.now() + 86_400_000) }),
  );
  expect(await withdrawSignature({ token })).toMatchObject({ state: "DONE" });
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
    expect(text).toContain("Draft");
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
      format: 2,
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
    // Each line is tied to its signature and the choices it was printed with (never shown).
    const signatures = await db().signature.findMany({ where: { appealId: appeal.id }, orderBy: { confirmedAt: "asc" } });
    expect(snapshot.signers).toEqual([
      { id: signatures[0]!.id, showName: false, showCountry: true },
      { id: signatures[1]!.id, showName: true, showCountry: false },
      { id: signatures[2]!.id, showName: true, showCountry: true },
    ]);
    const text = allText((await inspectPdf(letter.pdf)).pages);
    expectInOrder(text, [snapshot.heading, "Organisations", snapshot.signatories[0]!, "Individuals", ...snapshot.signatories.slice(1)]);
    expect(JSON.stringify(snapshot)).not.toMatch(/Hidden,|@example\.org/);

    const verification = await getLetterVerification({ code: letter.code!.toUpperCase() });
    const { signers: _ids, ...printed } = snapshot;
    expect(verification).toMatchObject({
      code: letter.code,
      snapshot: printed,
      appealSlug: appeal.slug,
      takenBack: 0,
      changedSince: { text: false, signatories: false, currentVersion: 1 },
    });
    expect(verification!.snapshot).not.toHaveProperty("signers");
    expect(JSON.stringify(verification)).not.toContain(signatures[0]!.id);
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
    const second = await exportLetter({ appealId: appeal.id, now: new Date(Date.now() + PUBLIC_REUSE_MS + 1000) });
    expect(second.code).not.toBe(first.code);
    expect(second.reused).toBe(false);
    expect(await exportsOf(appeal.id)).toBe(2);
    const audits = await auditsOf(appeal.id);
    expect(audits.map((a) => [a.actorId, (a.details as { code: string }).code])).toEqual([
      [owner.id, first.code],
      [null, second.code],
    ]);
    expect(allText((await inspectPdf(second.pdf)).pages)).toContain("Second Signer");
    // The first export is superseded: its file goes (it is never served again).
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.existsSync(exportFile(second.code!))).toBe(true);

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

describe("exportLetter: public downloads of a changing letter", () => {
  it("serves the public the latest export while it is under 5 minutes old, coordinators the current letter", async () => {
    const { appeal, owner } = await letterAppeal();
    await letterSignature(appeal.id, { name: "First Signer" });
    const t0 = new Date();
    const first = await exportLetter({ appealId: appeal.id, now: t0 });
    await letterSignature(appeal.id, { name: "Second Signer" });

    // Four minutes later the letter has changed, but a public download is the first export again.
    const soon = await exportLetter({ appealId: appeal.id, now: new Date(t0.getTime() + 4 * 60_000) });
    expect(soon).toMatchObject({ code: first.code, reused: true, exportedAt: first.exportedAt });
    expect(soon.pdf.equals(first.pdf)).toBe(true);
    expect(await exportsOf(appeal.id)).toBe(1);

    // A coordinator gets the letter as it stands, and that makes it the latest export.
    const current = await exportLetter({ appealId: appeal.id, actorId: owner.id, now: new Date(t0.getTime() + 4 * 60_000 + 1) });
    expect(current.code).not.toBe(first.code);
    expect(allText((await inspectPdf(current.pdf)).pages)).toContain("Second Signer");
    expect(fs.existsSync(exportFile(first.code!))).toBe(false);
    expect(await exportLetter({ appealId: appeal.id, now: new Date(t0.getTime() + 5 * 60_000) })).toMatchObject({ code: current.code });

    // More than 5 minutes after the latest export, the public gets the current letter too.
    await letterSignature(appeal.id, { name: "Third Signer" });
    const later = await exportLetter({ appealId: appeal.id, now: new Date(t0.getTime() + 4 * 60_000 + 1 + PUBLIC_REUSE_MS + 1) });
    expect(later.code).not.toBe(current.code);
    expect(allText((await inspectPdf(later.pdf)).pages)).toContain("Third Signer");
    expect(await exportsOf(appeal.id)).toBe(3);
    // Every code still verifies, each by its own snapshot.
    expect((await getLetterVerification({ code: first.code! }))!.snapshot.signatories).toEqual(["First Signer"]);
  });

  it("never serves a recent export that lists a signer who has withdrawn or hidden their name since", async () => {
    const { appeal } = await letterAppeal();
    const hiding = await letterSignature(appeal.id, { name: "Hiding Signer", organisation: "Hiding Org" });
    const leaving = await letterSignature(appeal.id, { name: "Leaving Signer", role: "Lawyer" });
    await letterSignature(appeal.id, { name: "Staying Signer" });
    const first = await exportLetter({ appealId: appeal.id });
    expectInOrder(allText((await inspectPdf(first.pdf)).pages), ["Hiding Signer, Hiding Org", "Leaving Signer, Lawyer", "Staying Signer"]);

    await db().signature.update({ where: { id: hiding.id }, data: { showName: false } });
    const next = await exportLetter({ appealId: appeal.id });
    expect(next.code).not.toBe(first.code);
    const nextText = allText((await inspectPdf(next.pdf)).pages);
    expect(nextText).not.toContain("Hiding Signer");
    expectInOrder(nextText, ["Hiding Org", "Leaving Signer, Lawyer"]);

    await withdraw(appeal.id, leaving.id);
    const after = await exportLetter({ appealId: appeal.id });
    expect(after.code).not.toBe(next.code);
    expect(allText((await inspectPdf(after.pdf)).pages)).not.toContain("Leaving Signer");
  });

  it("serves the current letter when the recent export's file is gone (a superseded export cannot be rendered again)", async () => {
    const { appeal } = await letterAppeal();
    await letterSignature(appeal.id, { name: "First Signer" });
    const first = await exportLetter({ appealId: appeal.id });
    await letterSignature(appeal.id, { name: "Second Signer" });
    fs.rmSync(exportFile(first.code!));
    const next = await exportLetter({ appealId: appeal.id });
    expect(next.code).not.toBe(first.code);
    expect(allText((await inspectPdf(next.pdf)).pages)).toContain("Second Signer");
  });
});

describe("getLetterVerification: signers who take back what the PDF printed", () => {
  it("shows a withdrawn signer as [withdrawn] and a since-hidden name or country without it, keeping the count", async () => {
    const { appeal, owner } = await letterAppeal({ signatoryLayout: "LIST" });
    const withdrawing = await letterSignature(appeal.id, { name: "Nadia Withdrawing", country: "AZ" });
    const hidingName = await letterSignature(appeal.id, { kind: "ORGANISATION", name: "Hidden Later", organisation: "Org Stays", country: "FR", showName: true });
    const hidingCountry = await letterSignature(appeal.id, { name: "Kamal Private", country: "AZ" });
    const showingMore = await letterSignature(appeal.id, { name: "Shy Person", organisation: "Shy Org", country: "PL", showCountry: false });
    await letterSignature(appeal.id, { name: "Unchanged Person", country: "CZ" });
    const removed = await letterSignature(appeal.id, { name: "Removed Person" });
    const letter = await exportLetter({ appealId: appeal.id, actorId: owner.id });
    const printed = (await snapshotOf(letter.code!)).signatories;
    expect(printed).toEqual([
      "Org Stays, France",
      "Nadia Withdrawing, Azerbaijan",
      "Kamal Private, Azerbaijan",
      "Shy Person, Shy Org",
      "Unchanged Person, Czech Republic",
      "Removed Person",
    ]);

    await withdraw(appeal.id, withdrawing.id);
    // In the list layout an organisation prints without its representative: hiding the name changes nothing.
    await db().signature.update({ where: { id: hidingName.id }, data: { showName: false } });
    await db().signature.update({ where: { id: hidingCountry.id }, data: { showCountry: false } });
    // Showing more than the PDF printed never shows more on its verification page.
    await db().signature.update({ where: { id: showingMore.id }, data: { showCountry: true } });
    await db().signature.update({ where: { id: removed.id }, data: { status: "REJECTED" } });

    const verification = (await getLetterVerification({ code: letter.code! }))!;
    expect(verification.snapshot.signatories).toEqual([
      "Org Stays, France",
      "[withdrawn]",
      "Kamal Private",
      "Shy Person, Shy Org",
      "Unchanged Person, Czech Republic",
      "[withdrawn]",
    ]);
    expect(verification.snapshot.organisations).toBe(1);
    expect(verification.takenBack).toBe(3);
    expect(verification.changedSince.signatories).toBe(true);
    expect(JSON.stringify(verification)).not.toMatch(/Nadia|Withdrawing|Removed Person|Kamal Private, Azerbaijan/);
  });

  it("in the signature layout recomputes a since-hidden name to organisation only, or [withdrawn] when nothing is left", async () => {
    const { appeal, owner } = await letterAppeal({ signatoryLayout: "SIGNATURES" });
    const withOrg = await letterSignature(appeal.id, { name: "Rəşad Hiding", role: "Director", organisation: "Baku Press Club", country: "AZ" });
    const alone = await letterSignature(appeal.id, { name: "Alone Hiding", role: "Journalist" });
    const letter = await exportLetter({ appealId: appeal.id, actorId: owner.id });
    expect((await snapshotOf(letter.code!)).signatories).toEqual(["Rəşad Hiding, Director, Baku Press Club (Azerbaijan)", "Alone Hiding, Journalist"]);
    await db().signature.updateMany({ where: { id: { in: [withOrg.id, alone.id] } }, data: { showName: false } });
    const verification = (await getLetterVerification({ code: letter.code! }))!;
    expect(verification.snapshot.signatories).toEqual(["Baku Press Club (Azerbaijan)", "[withdrawn]"]);
    expect(verification.takenBack).toBe(2);
  });

  it("erases a withdrawn signer's line from stored snapshots and drops the cached PDFs that print it", async () => {
    const { appeal, owner } = await letterAppeal();
    const leaving = await letterSignature(appeal.id, { name: "Leaving Signer" });
    await letterSignature(appeal.id, { name: "Staying Signer" });
    const letter = await exportLetter({ appealId: appeal.id, actorId: owner.id });
    expect(fs.existsSync(exportFile(letter.code!))).toBe(true);
    const other = await letterAppeal();
    await letterSignature(other.appeal.id, { name: "Leaving Signer" });
    const unrelated = await exportLetter({ appealId: other.appeal.id, actorId: other.owner.id });

    await withdraw(appeal.id, leaving.id);
    const row = await db().letterExport.findUniqueOrThrow({ where: { code: letter.code! } });
    expect(JSON.stringify(row.snapshot)).not.toContain("Leaving Signer");
    expect(parseLetterSnapshot(row.snapshot)!.signatories).toEqual(["[withdrawn]", "Staying Signer"]);
    expect(fs.existsSync(exportFile(letter.code!))).toBe(false);
    // Another appeal's export, and its file, are left alone.
    expect((await snapshotOf(unrelated.code!)).signatories).toEqual(["Leaving Signer"]);
    expect(fs.existsSync(exportFile(unrelated.code!))).toBe(true);

    const verification = (await getLetterVerification({ code: letter.code! }))!;
    expect(verification.snapshot.signatories).toEqual(["[withdrawn]", "Staying Signer"]);
    expect(verification.takenBack).toBe(1);
  });

  it("hides, in a first-format snapshot without signature ids, every line no public signer prints today", async () => {
    const { appeal, owner } = await letterAppeal({ signatoryLayout: "LIST" });
    const leaving = await letterSignature(appeal.id, { name: "Same Name" });
    await letterSignature(appeal.id, { name: "Same Name" });
    await letterSignature(appeal.id, { name: "Other Person", country: "FR" });
    const letter = await exportLetter({ appealId: appeal.id, actorId: owner.id });
    const row = await db().letterExport.findUniqueOrThrow({ where: { code: letter.code! } });
    const { signers: _ids, ...legacy } = parseLetterSnapshot(row.snapshot)!;
    await db().letterExport.update({ where: { code: letter.code! }, data: { snapshot: { ...legacy, format: 1 } } });

    expect((await getLetterVerification({ code: letter.code! }))!.snapshot.signatories).toEqual(["Same Name", "Same Name", "Other Person, France"]);
    await withdraw(appeal.id, leaving.id);
    await db().signature.updateMany({ where: { appealId: appeal.id, name: "Other Person" }, data: { showCountry: false } });
    const verification = (await getLetterVerification({ code: letter.code! }))!;
    expect(verification.snapshot.signatories).toEqual(["Same Name", "[withdrawn]", "[withdrawn]"]);
    expect(verification.takenBack).toBe(2);
  });
});

describe("exportLetter: order and date", () => {
  it("prints signature blocks in the coordinator's order and, without a letter date, the export's date", async () => {
    const { appeal, owner } = await letterAppeal({ signatoryOrder: "MANUAL", signatoryLayout: "SIGNATURES", letterDate: null });
    await letterSignature(appeal.id, { kind: "INDIVIDUAL", name: "Individual First", position: 1 });
    await letterSignature(appeal.id, { kind: "ORGANISATION", name: "Org Second", organisation: "Second Org", position: 2 });
    await letterSignature(appeal.id, { kind: "INDIVIDUAL", name: "Individual Third", position: 3 });
    const now = new Date("2026-12-03T09:00:00Z");
    const letter = await exportLetter({ appealId: appeal.id, actorId: owner.id, now });
    const text = allText((await inspectPdf(letter.pdf)).pages);
    expectInOrder(text, ["Brussels, Baku, 3 December 2026", appeal.title, "Individual First", "Org Second, Second Org", "Individual Third"]);
    expect((await snapshotOf(letter.code!)).signatories).toEqual(["Individual First", "Org Second, Second Org", "Individual Third"]);
    const version = await db().textVersion.findFirstOrThrow({ where: { appealId: appeal.id } });
    expect(text).toContain(`SHA-256 ${version.sha256.slice(0, 16)}`);
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
