import { randomBytes } from "node:crypto";

// Verification codes are printed under a QR code and may be typed by hand: lower-case letters and
// digits without the look-alikes 0/o and 1/l. 16 characters of 32 symbols are 80 random bits:
// nobody finds another letter's code by guessing.
const ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
export const VERIFICATION_CODE_LENGTH = 16;
const CODE = new RegExp(`^[${ALPHABET}]{${VERIFICATION_CODE_LENGTH}}$`);

export function newVerificationCode(): string {
  // 32 symbols: the low five bits of each byte pick one without bias.
  return [...randomBytes(VERIFICATION_CODE_LENGTH)].map((b) => ALPHABET[b & 31]).join("");
}

/** The code as typed (any case, spaces or dashes between groups), or null when it cannot be one. */
export function normaliseVerificationCode(input: string): string | null {
  const code = input.trim().toLowerCase().replace(/[\s-]+/g, "");
  return CODE.test(code) ? code : null;
}
