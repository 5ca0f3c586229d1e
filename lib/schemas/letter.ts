import { z } from "zod";

// Letterhead logos: small files the coordinators upload, printed in a row at the top of the letter.
export const LOGO_LIMITS = {
  /** Bytes of the uploaded file. */
  bytes: 500 * 1024,
  /** Stored images are re-encoded at most this tall (and this wide). */
  height: 400,
  width: 1600,
  /** Smallest side of an upload, in pixels. */
  minSide: 16,
  perAppeal: 4,
} as const;

const id = z.string().min(1).max(64);

export const logoTargetSchema = z.object({ appealId: id, logoId: id });

export const moveLogoSchema = logoTargetSchema.extend({ direction: z.enum(["up", "down"]) });
