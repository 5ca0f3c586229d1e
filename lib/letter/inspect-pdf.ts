// Test helper: what a reader of a rendered letter gets (text, links, images per page), via pdf.js.
import { execFileSync } from "node:child_process";
import { extractLinks, extractText, getDocumentProxy, getResolvedPDFJS } from "unpdf";

// pdf.js's operator lists need ArrayBuffer#transferToFixedLength, which Node 20 lacks; a copy
// gives the same bytes (only tests load pdf.js).
const arrayBufferProto = ArrayBuffer.prototype as ArrayBuffer & {
  transferToFixedLength?: (length?: number) => ArrayBuffer;
};
arrayBufferProto.transferToFixedLength ??= function (this: ArrayBuffer, length = this.byteLength) {
  const copy = new ArrayBuffer(length);
  new Uint8Array(copy).set(new Uint8Array(this, 0, Math.min(length, this.byteLength)));
  return copy;
};

export interface InspectedPage {
  /** pdf.js text of the page, lines separated by "\n". */
  text: string;
  /** Text pieces with their position (points from the bottom left). */
  items: { str: string; x: number; y: number; width: number }[];
  /** Image XObjects painted on the page, with their pixel size. */
  images: { width: number; height: number }[];
  /**
   * Each text-showing operation, in drawing order (left to right within a line, whatever the
   * script): the embedded font's name and the glyphs drawn, each with the text its ToUnicode entry
   * gives, its character code (the glyph id for react-pdf's Identity-H fonts, 0 being .notdef) and
   * whether the font has it (false for a box).
   */
  runs: GlyphRun[];
}

export interface GlyphRun {
  font: string;
  glyphs: { unicode: string; code: number; inFont: boolean }[];
}

interface PdfJsGlyph {
  unicode: string;
  originalCharCode: number;
  isInFont: boolean;
}

export interface InspectedPdf {
  pages: InspectedPage[];
  links: string[];
  info: Record<string, unknown>;
}

export async function inspectPdf(pdfBytes: Buffer): Promise<InspectedPdf> {
  const pdf = await getDocumentProxy(new Uint8Array(pdfBytes));
  const { OPS } = await getResolvedPDFJS();
  const { text } = await extractText(pdf, { mergePages: false });
  const pages: InspectedPage[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    const items = content.items.flatMap((item) =>
      "str" in item
        ? [{ str: item.str, x: item.transform[4] as number, y: item.transform[5] as number, width: item.width }]
        : [],
    );
    const operators = await page.getOperatorList();
    const images = operators.fnArray.flatMap((fn, i) => {
      if (fn !== OPS.paintImageXObject) return [];
      const [, width, height] = operators.argsArray[i] as [string, number, number];
      return [{ width, height }];
    });
    const runs: GlyphRun[] = [];
    let font = "";
    operators.fnArray.forEach((fn, i) => {
      if (fn === OPS.setFont) {
        const loaded = page.commonObjs.get((operators.argsArray[i] as [string])[0]) as { name?: string } | undefined;
        font = loaded?.name ?? "";
      } else if (fn === OPS.showText) {
        const [glyphs] = operators.argsArray[i] as [(PdfJsGlyph | number | null)[]];
        runs.push({
          font,
          glyphs: glyphs.flatMap((g) =>
            g !== null && typeof g === "object" ? [{ unicode: g.unicode, code: g.originalCharCode, inFont: g.isInFont }] : [],
          ),
        });
      }
    });
    pages.push({ text: text[n - 1] ?? "", items, images, runs });
  }
  const { links } = await extractLinks(pdf);
  const { info } = await pdf.getMetadata();
  await pdf.destroy();
  return { pages, links, info: info as Record<string, unknown> };
}

/**
 * The text as a reader copies it from running prose: lines joined, a word hyphenated at a line
 * end joined again, runs of white space collapsed.
 */
export function readingText(text: string): string {
  return text
    .replace(/(\p{L})-\n(?=\p{Ll})/gu, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

/** The text of a PDF as poppler's `pdftotext` reads it (UTF-8, pages separated by form feeds). */
export function pdftotext(pdfBytes: Buffer): string {
  return execFileSync("pdftotext", ["-enc", "UTF-8", "-", "-"], { input: pdfBytes, encoding: "utf8" });
}
