import "server-only";
import path from "node:path";
import { Font } from "@react-pdf/renderer";

export const SERIF_FAMILY = "Noto Serif";
export const ARABIC_FAMILY = "Amiri";

const FACES = [
  { dir: "400Regular", fontWeight: 400, fontStyle: "normal" },
  { dir: "400Regular_Italic", fontWeight: 400, fontStyle: "italic" },
  { dir: "700Bold", fontWeight: 700, fontStyle: "normal" },
  { dir: "700Bold_Italic", fontWeight: 700, fontStyle: "italic" },
] as const;

// process.cwd(), not createRequire().resolve: the latter makes `next build` fail on the .ttf.
function register(family: string, pkg: string, filePrefix: string) {
  if (Font.getRegisteredFontFamilies().includes(family)) return;
  const dir = path.join(process.cwd(), "node_modules/@expo-google-fonts", pkg);
  Font.register({
    family,
    fonts: FACES.map(({ dir: face, fontWeight, fontStyle }) => ({
      src: path.join(dir, face, `${filePrefix}_${face}.ttf`),
      fontWeight,
      fontStyle,
    })),
  });
}

register(SERIF_FAMILY, "noto-serif", "NotoSerif");
register(ARABIC_FAMILY, "amiri", "Amiri");

// react-pdf hyphenates every text with English rules unless told otherwise; texts that should be
// hyphenated pass their own language's callback (hyphenation.ts).
Font.registerHyphenationCallback((word) => [word]);

type CachedFont = { _glyphs?: Record<number, unknown> } | null;

/**
 * fontkit caches glyph objects with the characters they were first met as; after a document with
 * "č" or "İ", later documents in the same process lose "c" or "I" from their text layer. Emptying
 * the cache (a private field, hence the pinned react-pdf version and the test) before each render
 * fixes it without the memory growth of registering fresh fonts. Renders must not interleave.
 */
export function resetGlyphCaches(): void {
  for (const family of Object.values(Font.getRegisteredFonts())) {
    for (const source of family.sources) {
      const data = source.data as CachedFont;
      if (data?._glyphs) data._glyphs = {};
    }
  }
}

interface LoadedFont {
  unitsPerEm: number;
  hasGlyphForCodePoint(codePoint: number): boolean;
  layout(...args: unknown[]): { glyphs: { isMark: boolean }[]; positions: { xAdvance: number; xOffset: number }[] };
}

const RTL_CHARACTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;
/** The widest gap an offset may open between two letters of a word without reading as a space. */
const MAX_GAP_EM = 0.08;
const patched = new WeakSet<LoadedFont>();

/**
 * react-pdf 4.9 draws a glyph's horizontal offset scaled down by the font size (so, never), which
 * drops Amiri's kerning of ر د ا before ک گ and leaves gaps inside Persian words. Moving each
 * offset into the advances around the glyph puts it at the same place without one. Right-to-left
 * runs are mirrored after shaping, so there the glyph before it on the page is the next one; their
 * marks keep their offsets (computed left-to-right, they would land beside the letter, while
 * Amiri's marks sit right without them).
 *
 * A glyph moved forward (Amiri moves ر in الجمهورية by 0.122 em) leaves a gap in the text layer
 * before it, and pdf.js and pdftotext read a gap of about 0.1 em as a space: "الجمهور ية", which a
 * reader's search or copy would not match. So the gap is capped at MAX_GAP_EM, the rest of the line
 * coming closer instead; the glyph moves about 0.04 em (half a point) less than the font asks.
 */
function moveOffsetsIntoAdvances(font: LoadedFont) {
  if (patched.has(font)) return;
  patched.add(font);
  const layout = font.layout.bind(font);
  font.layout = (...args) => {
    const run = layout(...args);
    const rtl = typeof args[0] === "string" && RTL_CHARACTER.test(args[0]);
    const positions = run.positions;
    const maxGap = MAX_GAP_EM * font.unitsPerEm;
    for (let i = 0; i < positions.length; i++) {
      const position = positions[i]!;
      const before = positions[rtl ? i + 1 : i - 1];
      const mark = run.glyphs[i]?.isMark ?? false;
      if (!position.xOffset || !before || (rtl && mark)) continue;
      before.xAdvance += mark ? position.xOffset : Math.min(position.xOffset, maxGap);
      position.xAdvance -= position.xOffset;
      position.xOffset = 0;
    }
    return run;
  };
}

async function loadFaces(families: string[]): Promise<LoadedFont[]> {
  const fonts: LoadedFont[] = [];
  for (const fontFamily of families) {
    for (const { fontWeight, fontStyle } of FACES) {
      const descriptor = { fontFamily, fontWeight, fontStyle } as const;
      await Font.load(descriptor);
      const font = Font.getFont(descriptor).data as unknown as LoadedFont;
      moveOffsetsIntoAdvances(font);
      fonts.push(font);
    }
  }
  return fonts;
}

/** Loads (once) and prepares every face a letter may use; call before each render. */
export async function loadLetterFonts(): Promise<void> {
  await loadFaces([SERIF_FAMILY, ARABIC_FAMILY]);
}

/**
 * The characters of `text` that no face of the given families can draw, each once, in order.
 * Such characters would print as empty boxes; callers refuse them instead (a sign-on form can call
 * this on a name before accepting it).
 */
export async function findUnsupportedCharacters(
  text: string,
  families: string[] = [SERIF_FAMILY, ARABIC_FAMILY],
): Promise<string[]> {
  const fonts = await loadFaces(families);
  const missing = new Set<string>();
  for (const char of new Set(text)) {
    if (/[\p{White_Space}\p{Cc}\p{Cf}]/u.test(char)) continue;
    const codePoint = char.codePointAt(0)!;
    // Each face must have it: bold or italic falling back to another font would look broken.
    const familiesCovering = families.filter((_, i) =>
      fonts.slice(i * FACES.length, (i + 1) * FACES.length).every((f) => f.hasGlyphForCodePoint(codePoint)),
    );
    if (familiesCovering.length === 0) missing.add(char);
  }
  return [...missing];
}
