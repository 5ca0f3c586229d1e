import { describe, expect, it } from "vitest";
import { parseLetterMarkdown } from "@/lib/markdown/letter-markdown";
import { drawFixtureSignature } from "./fixture-signatures";
import {
  demoDrawnSigners,
  demoLetterContent,
  demoLetterPdfInput,
  demoListSigners,
  demoSignatureSigners,
} from "./fixtures";
import { findUnsupportedCharacters } from "./fonts";
import { inspectPdf, pdftotext, readingText } from "./inspect-pdf";
import { letterLabels } from "./letter-labels";
import { encodeRgbaPng } from "./png-encoder";
import { renderLetterPdf } from "./render-letter";
import type { LetterPdfInput, Signer } from "./types";
import { UnsupportedLetterError } from "./unsupported-letter-error";

const HEADING = "Signatories as of 11 November 2024";

function listLetter(count: number, overrides: Partial<LetterPdfInput> = {}): LetterPdfInput {
  return demoLetterPdfInput({
    signatories: {
      layout: "list",
      heading: HEADING,
      groupHeadings: { organisations: "Organisations", individuals: "Individuals" },
      ...demoListSigners(count),
    },
    ...overrides,
  });
}

function signatureLetter(signers: Signer[], overrides: Partial<LetterPdfInput> = {}): LetterPdfInput {
  return demoLetterPdfInput({
    signatories: { layout: "signatures", heading: HEADING, signers },
    ...overrides,
  });
}

function expectInOrder(text: string, parts: string[]) {
  let from = 0;
  for (const part of parts) {
    const at = text.indexOf(part, from);
    expect(at, `"${part}" after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + part.length;
  }
}

function pageNumbers(pages: { text: string }[]): (string | null)[] {
  return pages.map((page) => /(\d+) \/ (\d+)\s*$/.exec(page.text.trim())?.[0] ?? null);
}

const allText = (pages: { text: string }[]) => readingText(pages.map((p) => p.text).join("\n"));

// Sentences in each language, set as the body of a letter in that language (hyphenated with its
// own rules where the `hyphen` package has some, none for Azerbaijani).
const SAMPLES: Record<string, string> = {
  az: "Biz, aşağıda imza atan təşkilatlar, həbs edilmiş jurnalistlərin və insan hüquqları müdafiəçilərinin dərhal azad edilməsini tələb edirik. İstintaq ədalətli, şəffaf və müstəqil olmalıdır; Gəncə, Şəki, Ağdam və Göyçay sakinləri də bu çağırışa qoşulur. ƏLİYEVA, QASIMLI, İSMAYILOVA, ÇƏLƏBİ, ÖZÜNÜ, ĞÜŞ.",
  cs: "Žádáme okamžité propuštění všech novinářů a obránců lidských práv; řízení musí být spravedlivé, veřejné a nezávislé. Příliš žluťoučký kůň úpěl ďábelské ódy. ČEŠTINA, ŘEHOŘ, ŠŤASTNÝ.",
  pl: "Wzywamy do natychmiastowego uwolnienia wszystkich dziennikarzy i obrońców praw człowieka, a śledztwo musi być bezstronne. Zażółć gęślą jaźń. ŁÓDŹ, ŻÓŁW, ŚWIĘTOKRZYSKIE.",
  fr: "Nous demandons la libération immédiate et inconditionnelle des journalistes et des défenseurs des droits humains ; l’enquête doit être impartiale, transparente et menée sans délai. Où êtes-vous, Ève, Noël, garçon au cœur d’œuvre ? ÇA, ÉTÉ, ÎLE.",
  ru: "Мы призываем немедленно и безоговорочно освободить всех журналистов и правозащитников. Съешь же ещё этих мягких французских булок, да выпей чаю. ЁЛКА, ЪЕЗД, ЩУКА.",
};

function languageLetter(language: string, signers: Signer[] = []): LetterPdfInput {
  return signatureLetter(signers, {
    content: {
      ...demoLetterContent,
      language,
      body: parseLetterMarkdown(`${SAMPLES[language]}\n\n${SAMPLES[language]}`),
    },
    verification: null,
  });
}

describe("renderLetterPdf: content", () => {
  it("prints every block of the letter in the order of LETTER-FORMAT.md", async () => {
    const { pages, links, info } = await inspectPdf(await renderLetterPdf(demoLetterPdfInput()));
    const text = allText(pages);
    expectInOrder(text, [
      "H.E. Mr Arman KESTREL President of the Republic of Norvania Presidential Administration 14 Independence Avenue 1001 Norvan",
      "Brussels, Paris, 11 November 2024",
      demoLetterContent.title,
      "Dear President Kestrel,",
      "We, the undersigned organisations, are writing to express our grave concern",
      "Our joint report, Silenced by Design, sets out each case in detail.",
      "We therefore respectfully call on you to:",
      "1. Release immediately and unconditionally all journalists",
      "2. Ensure that, pending their release",
      "3. Order a prompt, impartial and effective investigation",
      "4. Bring the laws on the media",
      "remain at your disposal for any further information.",
      "Sincerely,",
      "Maria Novák, Director, Free Press Watch (Belgium)",
      "Jean-Luc Marchetti, Executive Director, Civic Rights Centre (France)",
      "Verify this letter and its signatories: https://undersigned.example/v/norvania-detainees",
      "SHA-256 3f9a1c7be2d84f0a",
    ]);
    expect(text).not.toContain("3f9a1c7be2d84f0a6");
    expect(links).toEqual([
      "https://example.org/reports/silenced-by-design",
      "https://undersigned.example/v/norvania-detainees",
    ]);
    expect(info).toMatchObject({ Title: demoLetterContent.title, Author: "Free Press Watch; Civic Rights Centre" });
  });

  it("prints no Markdown markers and sets list markers apart with a hanging indent", async () => {
    const { pages } = await inspectPdf(await renderLetterPdf(demoLetterPdfInput()));
    const text = allText(pages);
    expect(text).not.toMatch(/\*\*|__|\]\(|<\/?\w+>/);
    expect(text).not.toContain("*Silenced");

    const items = pages[0]!.items.filter((item) => item.str.trim() !== "");
    const marker = items.find((item) => item.str === "1.")!;
    const first = items.find((item) => item.str.startsWith("Release immediately"))!;
    const continuation = items.find((item) => item.str.startsWith("fenders detained") || item.str.startsWith("defenders"))!;
    expect(marker, "the marker is its own text").toBeDefined();
    expect(first.y).toBeCloseTo(marker.y, 0);
    expect(first.x).toBeGreaterThan(marker.x + 8);
    expect(continuation.x, "wrapped lines align with the item text, not the marker").toBeCloseTo(first.x, 0);
    const paragraph = items.find((item) => item.str.startsWith("We therefore"))!;
    expect(marker.x).toBeGreaterThan(paragraph.x);
  });

  it("keeps a long address inside the margins, on lines of its own, still one link", async () => {
    const url = "https://example.org/reports/2024/norvania/a-very-long-path-that-goes-on/silenced-by-design-final-version.pdf";
    const body = parseLetterMarkdown(`Our full report is published at ${url} and we ask you to read it.`);
    const { pages, links } = await inspectPdf(await renderLetterPdf(demoLetterPdfInput({ content: { ...demoLetterContent, body } })));
    const rightMargin = 595.28 - (25 * 72) / 25.4;
    for (const item of pages[0]!.items) expect(item.x + item.width, item.str).toBeLessThanOrEqual(rightMargin + 0.5);
    expect(links).toContain(url);
    const text = pages[0]!.text;
    expect(text).toContain("published at\nhttps://example.org/");
    expect(text.slice(text.indexOf("https://example.org/reports")).replace(/\n/g, "")).toContain(`${url} and we ask`);
  });

  it.each(Object.keys(SAMPLES))("copies %s text exactly as printed", async (language) => {
    const { pages } = await inspectPdf(await renderLetterPdf(languageLetter(language)));
    expect(allText(pages)).toContain(`${SAMPLES[language]} ${SAMPLES[language]}`);
  });

  it("keeps every letter in the text of a second, different PDF rendered after one with accents", async () => {
    const accented = demoListSigners(60);
    await renderLetterPdf(languageLetter("az", [{ line: "Rəşad Dojčinović Ğülşən İçöz Łódź Żółć Ёж" }]));
    await renderLetterPdf(listLetter(60, { content: { ...demoLetterContent, body: parseLetterMarkdown(SAMPLES.cs!) } }));

    const plain = "Ivan Dojcinovic, Gregory Ignatius, Isaac Cohen, Sergei Lozinski, Zygmunt Nowak";
    const second = await inspectPdf(
      await renderLetterPdf(
        signatureLetter([{ line: plain }, ...accented.individuals.slice(0, 4)], {
          content: { ...demoLetterContent, language: "fr", body: parseLetterMarkdown(`${SAMPLES.fr}\n\n${SAMPLES.pl}`) },
        }),
      ),
    );
    const text = allText(second.pages);
    expect(text).toContain(plain);
    expect(text).toContain(`${SAMPLES.fr} ${SAMPLES.pl}`);
    for (const signer of accented.individuals.slice(0, 4)) expect(text).toContain(signer.line);
    expect(text).toContain(demoLetterContent.title);
  });

  it("draws a Draft watermark on every page of a draft only", async () => {
    const draft = await inspectPdf(await renderLetterPdf(listLetter(120, { draft: true })));
    expect(draft.pages.length).toBeGreaterThan(2);
    for (const page of draft.pages) expect(page.items.map((item) => item.str)).toContain("Draft");
    const final = await inspectPdf(await renderLetterPdf(demoLetterPdfInput()));
    expect(allText(final.pages)).not.toMatch(/draft/i);
  });
});

describe("renderLetterPdf: pages", () => {
  it("gives a one-page letter no page number", async () => {
    const short = demoLetterPdfInput({
      content: { ...demoLetterContent, body: parseLetterMarkdown("We ask you to release them.") },
      signatories: { layout: "signatures", heading: HEADING, signers: [demoSignatureSigners[0]!] },
    });
    const { pages } = await inspectPdf(await renderLetterPdf(short));
    expect(pages).toHaveLength(1);
    expect(pageNumbers(pages)).toEqual([null]);
    expect(pages[0]!.text).not.toMatch(/\d\s*\/\s*\d/);
  });

  it("prints a letter whose optional parts are empty", async () => {
    const bare = demoLetterPdfInput({
      content: { ...demoLetterContent, recipient: "", place: "", salutation: "", closing: "", body: [] },
      signatories: { layout: "list", heading: HEADING, organisations: [], individuals: [] },
      verification: null,
    });
    const { pages } = await inspectPdf(await renderLetterPdf(bare));
    expect(pages).toHaveLength(1);
    expect(readingText(pages[0]!.text)).toBe(`11 November 2024 ${demoLetterContent.title}`);
  });

  it("fits 3 signatures after the demo letter on its second page", async () => {
    const { pages } = await inspectPdf(await renderLetterPdf(signatureLetter(demoDrawnSigners(3))));
    // The demo body fills page 1; three signature blocks (two rows, ~35 mm each) and the
    // verification footer fit on page 2.
    expect(pages).toHaveLength(2);
    expect(pageNumbers(pages)).toEqual(["1 / 2", "2 / 2"]);
  });

  it.each([
    // Page 1 holds no signer; page 2 starts with the last paragraph, closing and headings, then
    // ~48 lines of 14 pt fill a 247 mm text block; the verification footer needs ~30 mm more.
    [40, 2, 3],
    [1000, 22, 24],
  ])("numbers every page of a list of %i signers, n / N", async (count, minPages, maxPages) => {
    const signers = demoListSigners(count);
    const { pages } = await inspectPdf(await renderLetterPdf(listLetter(count)));
    expect(pages.length).toBeGreaterThanOrEqual(minPages);
    expect(pages.length).toBeLessThanOrEqual(maxPages);
    expect(pageNumbers(pages)).toEqual(pages.map((_, i) => `${i + 1} / ${pages.length}`));

    const text = allText(pages);
    expectInOrder(text, [
      HEADING,
      "Organisations",
      ...signers.organisations.map((s) => s.line),
      "Individuals",
      ...signers.individuals.map((s) => s.line),
      "SHA-256 3f9a1c7be2d84f0a",
    ]);
  });

  it("never leaves the closing or a heading alone at the foot of a page", async () => {
    // One more short paragraph per render walks the closing and the headings over the page break.
    for (let paragraphs = 12; paragraphs < 22; paragraphs++) {
      const body = parseLetterMarkdown("We ask for their release.\n\n".repeat(paragraphs));
      const { pages } = await inspectPdf(await renderLetterPdf(listLetter(30, { content: { ...demoLetterContent, body } })));
      for (const label of ["Sincerely,", HEADING, "Organisations"]) {
        const page = pages.find((p) => p.text.includes(label))!;
        const after = page.text.slice(page.text.indexOf(label) + label.length);
        expect(after, `"${label}" with ${paragraphs} paragraphs`).toMatch(/(Press Freedom|Justice|Civic|Human|Media|Democracy) \w+ \d/);
      }
      const signed = await inspectPdf(await renderLetterPdf(signatureLetter(demoSignatureSigners, { content: { ...demoLetterContent, body } })));
      const closingPage = signed.pages.find((p) => p.text.includes("Sincerely,"))!;
      expect(closingPage.text, `signatures after ${paragraphs} paragraphs`).toContain("Maria Novák");
    }
  });
});

describe("renderLetterPdf: signatures, logos and QR code", () => {
  const logo = encodeRgbaPng(40, 20, new Uint8Array(40 * 20 * 4).fill(180));

  it("embeds one image per drawn signature, plus the QR code and the logos", async () => {
    const signers = demoDrawnSigners(7);
    delete signers[2]!.signaturePng;
    const { pages } = await inspectPdf(
      await renderLetterPdf(signatureLetter(signers, { logos: [{ data: logo, mimeType: "image/png" }, { data: logo, mimeType: "image/png" }] })),
    );
    const images = pages.flatMap((page) => page.images);
    expect(images).toHaveLength(6 + 1 + 2);
    expect(images.filter((image) => image.width === 600 && image.height === 200)).toHaveLength(6);
    expect(pages[0]!.images.filter((image) => image.width === 40)).toHaveLength(2);
    const qr = pages.at(-1)!.images.filter((image) => image.width === image.height);
    expect(qr).toHaveLength(1);
  });

  it("keeps each signer's line and signature on the same page", async () => {
    const signers = demoDrawnSigners(30).map((signer, i) => ({
      ...signer,
      line: `Signer ${String(i + 1).padStart(2, "0")} ${signer.line}`,
    }));
    const { pages } = await inspectPdf(await renderLetterPdf(signatureLetter(signers)));
    expect(pages.length).toBeGreaterThan(3);
    let seen = 0;
    for (const page of pages) {
      const text = readingText(page.text);
      const onPage = signers.filter((signer) => text.includes(signer.line));
      const signatures = page.images.filter((image) => image.width === 600 && image.height === 200);
      expect(signatures.length).toBe(onPage.length);
      seen += onPage.length;
    }
    expect(seen, "every signer line is whole on exactly one page").toBe(30);
  });

  it("encodes the test PNGs it draws", () => {
    const png = drawFixtureSignature({ seed: 5, ink: "blue" });
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(png.length).toBeGreaterThan(4_000);
    expect(png.length).toBeLessThan(20_000);
  });
});

// Right-to-left letters, typed as a coordinator would: every block in the script, each short
// enough to print on one line (so that each is one text run of the PDF).
interface RtlSample {
  recipient: string[];
  place: string;
  date: string;
  title: string;
  salutation: string;
  paragraph: string;
  items: string[];
  closing: string;
  signers: string[];
}

const RTL_SAMPLES: Record<"ar" | "fa", RtlSample> = {
  ar: {
    recipient: ["فخامة رئيس الجمهورية", "القصر الرئاسي", "شارع الاستقلال، العاصمة"],
    place: "بيروت، تونس،",
    date: "١١ نوفمبر ٢٠٢٤",
    title: "رسالة مفتوحة: أطلقوا سراح الصحفيين المعتقلين",
    salutation: "فخامة الرئيس،",
    paragraph: "نحن، المنظمات الموقعة أدناه، نكتب إليكم بشأن الصحفيين المعتقلين منذ شهر مارس.",
    items: ["الإفراج الفوري عنهم دون قيد أو شرط؛", "التحقيق في ظروف احتجازهم."],
    closing: "مع فائق الاحترام،",
    signers: ["مريم حسن، مديرة، مركز الخليج لحقوق الإنسان (لبنان)", "سامي عمر، منسق، شبكة الصحفيين العرب"],
  },
  // Persian letters (پ چ ژ ک گ ی), Persian digits, and zero-width non-joiners (U+200C) inside words.
  fa: {
    recipient: ["جناب آقای رئیس‌جمهور", "نهاد ریاست جمهوری", "خیابان پاستور، تهران"],
    place: "پاریس، برلین،",
    date: "۲۰ آبان ۱۴۰۳",
    title: "نامه سرگشاده: روزنامه‌نگاران زندانی را آزاد کنید",
    salutation: "جناب آقای رئیس‌جمهور،",
    paragraph: "ما، سازمان‌های امضاکننده، خواستار آزادی فوری روزنامه‌نگاران زندانی هستیم.",
    items: ["آزادی بی‌قید و شرط زندانیان؛", "بررسی مستقل ادعاهای شکنجه."],
    closing: "با احترام،",
    signers: ["مریم رضایی، مدیر، کانون مدافعان حقوق بشر (فرانسه)", "علی کریمی، هماهنگ‌کننده، انجمن صنفی روزنامه‌نگاران"],
  },
};

function rtlLetter(language: "ar" | "fa"): LetterPdfInput {
  const sample = RTL_SAMPLES[language];
  return demoLetterPdfInput({
    content: {
      language,
      recipient: sample.recipient.join("\n"),
      place: sample.place,
      dateText: sample.date,
      title: sample.title,
      salutation: sample.salutation,
      body: parseLetterMarkdown([sample.paragraph, sample.items.map((item, i) => `${i + 1}. ${item}`).join("\n")].join("\n\n")),
      closing: sample.closing,
    },
    signatories: { layout: "signatures", heading: HEADING, signers: sample.signers.map((line) => ({ line })) },
    verification: { url: "https://undersigned.example/verify/abcdefghijkmnpqr", sha256: "3f9a1c7be2d84f0a".padEnd(64, "0"), label: letterLabels(language).verify },
  });
}

const ARABIC_SCRIPT = /\p{Script=Arabic}/u;
/** Letters and marks only: what a line's glyphs must spell, whatever the digits and punctuation do. */
const lettersOf = (text: string) => text.replace(/[^\p{L}\p{M}]/gu, "");
/**
 * The words of a text, for comparing with pdftotext: poppler wraps digits and punctuation of a
 * right-to-left line in directional embeddings (U+202A-U+202C) and moves the spaces around them, and
 * drops zero-width non-joiners, which have no glyph. A reversed word, a missing or substituted
 * letter, or a space inside a word still changes the words.
 */
const wordsOf = (text: string) =>
  text
    .replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => (c === "\u200c" ? "" : " "))
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, " ")
    .trim();

describe("renderLetterPdf: right-to-left scripts, and scripts it cannot print", () => {
  it.each(["ar", "fa"] as const)("prints a letter in %s right to left with Amiri, copying in logical order", async (language) => {
    const sample = RTL_SAMPLES[language];
    const pdf = await renderLetterPdf(rtlLetter(language));
    const { pages } = await inspectPdf(pdf);
    expect(pages).toHaveLength(1);
    const page = pages[0]!;
    const blocks = [...sample.recipient, sample.place, sample.date, sample.title, sample.salutation, sample.paragraph, ...sample.items, sample.closing, ...sample.signers];

    // Every glyph of the script comes from the embedded Amiri and exists in it: no box, no
    // .notdef, no fallback to a face without Arabic letters.
    const scriptGlyphs = page.runs.flatMap((run) => run.glyphs.filter((g) => ARABIC_SCRIPT.test(g.unicode)).map((g) => ({ ...g, font: run.font })));
    expect(scriptGlyphs.length).toBeGreaterThan(300);
    for (const glyph of scriptGlyphs) {
      expect(glyph.font, glyph.unicode).toMatch(/^[A-Z]{6}\+Amiri-(Regular|Bold)$/);
      expect(glyph.inFont, glyph.unicode).toBe(true);
      expect(glyph.code, glyph.unicode).not.toBe(0);
    }
    // Joined, not isolated: in one face, letters take several shapes (initial, medial, final).
    const shapes = new Map<string, Set<number>>();
    for (const glyph of scriptGlyphs.filter((g) => g.font.endsWith("Amiri-Regular") && [...g.unicode].length === 1)) {
      shapes.set(glyph.unicode, (shapes.get(glyph.unicode) ?? new Set()).add(glyph.code));
    }
    expect([...shapes.values()].filter((codes) => codes.size > 1).length).toBeGreaterThanOrEqual(8);

    // Drawn right to left: each line's glyphs, read from the right, spell the line as typed.
    const linesReadFromTheRight = page.runs.map((run) => lettersOf(run.glyphs.map((g) => g.unicode).reverse().join("")));
    for (const block of blocks) expect(linesReadFromTheRight, block).toContain(lettersOf(block));

    // What a reader copies, via pdf.js: each block exactly as typed, in logical order, in the order
    // of the letter. A zero-width non-joiner is drawn as a zero-width space, which pdf.js copies as a
    // space. (Two signature blocks side by side share a baseline, which pdf.js reads as one line:
    // they are checked with pdftotext below.)
    const asCopied = (text: string) => readingText(text.replace(/\u200c/g, " "));
    expectInOrder(allText(pages), blocks.filter((block) => !sample.signers.includes(block)).map(asCopied));
    expect(allText(pages)).toContain("https://undersigned.example/verify/abcdefghijkmnpqr");

    // And via pdftotext: the same words in the same order, signature blocks included.
    const popplerWords = wordsOf(pdftotext(pdf));
    expectInOrder(popplerWords, [...blocks, letterLabels(language).verify].map(wordsOf));
  });

  it("refuses Hebrew-script letters with a typed error", async () => {
    const hebrew = demoLetterPdfInput({ content: { ...demoLetterContent, language: "he" } });
    await expect(renderLetterPdf(hebrew)).rejects.toMatchObject({ name: "UnsupportedLetterError", code: "UNSUPPORTED_SCRIPT" });
  });

  it("refuses characters no bundled font can draw instead of printing boxes", async () => {
    const input = signatureLetter([{ line: "王小明 (China)" }, { line: "Ana 🙂" }]);
    const error = await renderLetterPdf(input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedLetterError);
    expect(error).toMatchObject({ code: "MISSING_GLYPHS", characters: ["王", "小", "明", "🙂"] });
    expect(await findUnsupportedCharacters("Rəşad Əliyev, Łódź, Ёлка, مريم")).toEqual([]);
  });
});
