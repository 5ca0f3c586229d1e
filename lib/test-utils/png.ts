import sharp from "sharp";

/** A real PNG of a drawn-looking stroke, as the sign-on form's canvas would send it. */
export async function strokePng(width = 600, height = 200, color = "#111111"): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><path d="M 20 ${height / 2} Q ${width / 3} 10 ${width / 2} ${height / 2} T ${width - 20} ${height / 2}" fill="none" stroke="${color}" stroke-width="4"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

export const dataUrl = (png: Buffer) => `data:image/png;base64,${png.toString("base64")}`;
