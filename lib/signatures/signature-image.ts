import "server-only";
import sharp from "sharp";
import { SIGNATURE_LIMITS } from "@/lib/schemas/signature";

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PREFIX = "data:image/png;base64,";

export class SignatureImageError extends Error {
  override name = "SignatureImageError";
}

/** Width and height from the IHDR chunk, read before anything decodes the image. */
export function pngDimensions(bytes: Buffer): { width: number; height: number } | null {
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(PNG_MAGIC) || bytes.toString("ascii", 12, 16) !== "IHDR") return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/**
 * Checks a drawn signature sent as a data URL and re-encodes it small (at most 600×200, a few
 * KB, transparent margins trimmed) so that letters with many signatures stay fast to print.
 */
export async function processSignatureImage(dataUrl: string): Promise<Buffer> {
  if (!dataUrl.startsWith(PREFIX)) throw new SignatureImageError("The signature must be a PNG image.");
  const base64 = dataUrl.slice(PREFIX.length);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw new SignatureImageError("The signature must be a PNG image.");
  if ((base64.length * 3) / 4 > SIGNATURE_LIMITS.imageBytes) {
    throw new SignatureImageError(`The signature image is too large (at most ${SIGNATURE_LIMITS.imageBytes / 1024} KB).`);
  }
  const bytes = Buffer.from(base64, "base64");
  const size = pngDimensions(bytes);
  if (!size) throw new SignatureImageError("The signature must be a PNG image.");
  if (size.width > SIGNATURE_LIMITS.imageWidth || size.height > SIGNATURE_LIMITS.imageHeight || size.width < 10 || size.height < 10) {
    throw new SignatureImageError(
      `The signature image must be between 10×10 and ${SIGNATURE_LIMITS.imageWidth}×${SIGNATURE_LIMITS.imageHeight} pixels.`,
    );
  }
  try {
    const input = sharp(bytes, { limitInputPixels: SIGNATURE_LIMITS.imageWidth * SIGNATURE_LIMITS.imageHeight, failOn: "error" });
    const { data, info } = await input.clone().ensureAlpha().extractChannel("alpha").raw().toBuffer({ resolveWithObject: true });
    if (info.channels === 1 && !data.some((a) => a > 0)) throw new SignatureImageError("The signature is empty: draw it in the box.");
    return await input
      .trim({ threshold: 1 })
      .resize({ width: 600, height: 200, fit: "inside", withoutEnlargement: true })
      .png({ palette: true, compressionLevel: 9, effort: 4 })
      .toBuffer();
  } catch (err) {
    if (err instanceof SignatureImageError) throw err;
    throw new SignatureImageError("The signature image could not be read: draw it again.");
  }
}
