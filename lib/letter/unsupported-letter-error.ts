export type UnsupportedLetterCode = "UNSUPPORTED_SCRIPT" | "MISSING_GLYPHS";

/** A letter the PDF cannot print correctly; refused rather than printed with broken text. */
export class UnsupportedLetterError extends Error {
  readonly code: UnsupportedLetterCode;
  /** The characters no bundled font can draw (MISSING_GLYPHS), each once. */
  readonly characters: string[];

  constructor(code: UnsupportedLetterCode, message: string, characters: string[] = []) {
    super(message);
    this.name = "UnsupportedLetterError";
    this.code = code;
    this.characters = characters;
  }
}
