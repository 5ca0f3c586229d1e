import "server-only";
import { type DocumentProps, renderToBuffer } from "@react-pdf/renderer";
import { createElement, type ReactElement } from "react";
import { plainText } from "@/lib/markdown/letter-markdown";
import { findUnsupportedCharacters, loadLetterFonts, resetGlyphCaches } from "./fonts";
import { loadHyphenation } from "./hyphenation";
import { LetterDocument } from "./letter-document";
import { verificationQrPng } from "./qr-code";
import { type LetterPdfInput, printedSigners } from "./types";
import { UnsupportedLetterError } from "./unsupported-letter-error";

// Glyph caches are reset before each render and shared by all renders, so two renders must never
// interleave in one process: each waits for the one before it.
let queue: Promise<unknown> = Promise.resolve();

function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

/** Renders the signed letter to PDF bytes. Throws UnsupportedLetterError for what it cannot print. */
export async function renderLetterPdf(input: LetterPdfInput): Promise<Buffer> {
  await loadLetterFonts();
  await assertPrintable(input);
  const [hyphenate, qrPng] = await Promise.all([
    loadHyphenation(input.content.language),
    input.verification ? verificationQrPng(input.verification.url) : Promise.resolve(null),
  ]);
  const document = createElement(LetterDocument, { input, qrPng, hyphenate }) as unknown as ReactElement<DocumentProps>;
  return oneAtATime(() => {
    resetGlyphCaches();
    return renderToBuffer(document);
  });
}

/**
 * Renders a small throwaway letter so the first real export does not pay for loading fonts and
 * compiling the layout code (about twice the time of later renders). Call once at server start.
 */
export async function warmUpLetterRenderer(): Promise<void> {
  const signers = Array.from({ length: 150 }, (_, i) => ({ line: `Signatory ${i + 1}, Organisation, Country` }));
  await renderLetterPdf({
    content: {
      language: "en",
      title: "Warm-up",
      recipient: "Recipient",
      place: "Place,",
      dateText: "1 January 2025",
      salutation: "Dear reader,",
      body: [{ type: "paragraph", children: [{ type: "text", value: "Warm-up text. ".repeat(80) }] }],
      closing: "Sincerely,",
    },
    pageSize: "A4",
    draft: false,
    logos: [],
    signatories: { layout: "list", heading: "Signatories", organisations: [], individuals: signers },
    verification: { url: "https://example.org/verify", sha256: "0".repeat(64) },
    metadata: { title: "Warm-up", subject: "", author: "", language: "en", creationDate: new Date(0) },
  });
}

// Hebrew script languages: neither bundled face has Hebrew letters.
const HEBREW_SCRIPT = new Set(["he", "iw", "yi"]);

async function assertPrintable({ content, signatories, verification }: LetterPdfInput): Promise<void> {
  const primary = content.language.trim().toLowerCase().split(/[-_]/)[0] ?? "";
  if (HEBREW_SCRIPT.has(primary)) {
    throw new UnsupportedLetterError(
      "UNSUPPORTED_SCRIPT",
      `Letters in "${content.language}" cannot be exported to PDF yet: no Hebrew-script font is bundled.`,
    );
  }
  const text = [
    content.title,
    content.recipient,
    content.place,
    content.dateText,
    content.salutation,
    plainText(content.body),
    content.closing,
    signatories.heading,
    signatories.layout === "list" ? (signatories.groupHeadings?.organisations ?? "") : "",
    signatories.layout === "list" ? (signatories.groupHeadings?.individuals ?? "") : "",
    ...printedSigners(signatories).map((s) => s.line),
    verification?.label ?? "",
    verification?.url ?? "",
  ].join("\n");
  const missing = await findUnsupportedCharacters(text);
  if (missing.length > 0) {
    throw new UnsupportedLetterError(
      "MISSING_GLYPHS",
      `The letter contains characters no bundled font can print: ${missing.map((c) => `${c} (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")})`).join(", ")}.`,
      missing,
    );
  }
}
