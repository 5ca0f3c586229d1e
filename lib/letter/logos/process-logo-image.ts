import "server-only";
import sharp from "sharp";
import { LOGO_LIMITS } from "@/lib/schemas/letter";

export class LogoImageError extends Error {
  override name = "LogoImageError";
}

export interface ProcessedLogo {
  data: Buffer;
  mimeType: "image/png" | "image/jpeg";
  width: number;
  height: number;
}

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG_MAGIC = Buffer.from([0xff, 0xd8, 0xff]);

/**
 * Checks an uploaded logo (a PNG or JPEG by its first bytes and by what sharp reads, whatever its
 * name or declared type says) and re-encodes it: at most 400 px tall, upright, in sRGB, without
 * metadata (a camera's EXIF can hold a place and a name). PNG stays PNG for its transparency.
 */
export async function processLogoImage(bytes: Buffer): Promise<ProcessedLogo> {
  if (bytes.length === 0) throw new LogoImageError("Choose a PNG or JPEG file.");
  if (bytes.length > LOGO_LIMITS.bytes) throw new LogoImageError(`The logo is too large: at most ${LOGO_LIMITS.bytes / 1024} KB.`);
  const format = bytes.subarray(0, 8).equals(PNG_MAGIC) ? "png" : bytes.subarray(0, 3).equals(JPEG_MAGIC) ? "jpeg" : null;
  if (!format) throw new LogoImageError("The logo must be a PNG or JPEG image.");
  try {
    const image = sharp(bytes, { limitInputPixels: 40_000_000, failOn: "error" });
    const meta = await image.metadata();
    if (meta.format !== format) throw new LogoImageError("The logo must be a PNG or JPEG image.");
    if (!meta.width || !meta.height || Math.min(meta.width, meta.height) < LOGO_LIMITS.minSide) {
      throw new LogoImageError(`The logo is too small: at least ${LOGO_LIMITS.minSide} pixels on each side.`);
    }
    const pipeline = image
      .rotate()
      .resize({ width: LOGO_LIMITS.width, height: LOGO_LIMITS.height, fit: "inside", withoutEnlargement: true })
      .toColourspace("srgb");
    const { data, info } = await (format === "png"
      ? pipeline.png({ compressionLevel: 9 })
      : pipeline.flatten({ background: "#ffffff" }).jpeg({ quality: 88 })
    ).toBuffer({ resolveWithObject: true });
    return { data, mimeType: format === "png" ? "image/png" : "image/jpeg", width: info.width, height: info.height };
  } catch (err) {
    if (err instanceof LogoImageError) throw err;
    throw new LogoImageError("The logo could not be read: save it again as PNG or JPEG.");
  }
}
