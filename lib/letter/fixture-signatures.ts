import { encodeRgbaPng } from "./png-encoder";

const INK_RGB = { black: [20, 20, 24], blue: [22, 52, 150] } as const;

/**
 * A deterministic hand-drawn-looking signature (a looping pen stroke, anti-aliased, on a
 * transparent background) as a signature pad would upload it: ~600×200 px, ~10 KB.
 */
export function drawFixtureSignature({
  seed,
  ink = "black",
  width = 600,
  height = 200,
}: {
  seed: number;
  ink?: "black" | "blue";
  width?: number;
  height?: number;
}): Buffer {
  const random = mulberry32(seed);
  const alpha = new Float32Array(width * height);
  const loops = 4 + Math.floor(random() * 4);
  const phase = random() * Math.PI * 2;
  const slant = 0.25 + random() * 0.3;
  const radius = 2 + random() * 1.2;
  const amplitude = height * (0.18 + random() * 0.12);
  const steps = 5000;
  let previous: [number, number] | null = null;
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    const angle = t * loops * Math.PI * 2 + phase;
    const envelope = 0.55 + 0.45 * Math.sin(t * Math.PI * (1.3 + random() * 0.02));
    const dy = amplitude * envelope * Math.sin(angle) + height * 0.08 * Math.sin(t * 9.1 + phase);
    const x = width * (0.06 + 0.86 * t) + amplitude * 0.5 * Math.cos(angle) + slant * dy;
    const y = height * 0.55 - dy;
    if (previous) stampSegment(alpha, width, height, previous, [x, y], radius);
    previous = [x, y];
  }
  // A closing flourish underneath, as many signatures have.
  previous = null;
  for (let i = 0; i <= 800; i++) {
    const t = i / 800;
    const x = width * (0.1 + 0.75 * t);
    const y = height * (0.8 + 0.05 * Math.sin(t * Math.PI));
    if (previous) stampSegment(alpha, width, height, previous, [x, y], radius * 0.8);
    previous = [x, y];
  }
  const [r, g, b] = INK_RGB[ink];
  const rgba = new Uint8Array(width * height * 4);
  for (let p = 0; p < alpha.length; p++) {
    const a = Math.round(Math.min(1, alpha[p]!) * 255);
    if (a === 0) continue;
    rgba.set([r, g, b, a], p * 4);
  }
  return encodeRgbaPng(width, height, rgba);
}

function stampSegment(
  alpha: Float32Array,
  width: number,
  height: number,
  [x0, y0]: [number, number],
  [x1, y1]: [number, number],
  radius: number,
) {
  const minX = Math.max(0, Math.floor(Math.min(x0, x1) - radius - 1));
  const maxX = Math.min(width - 1, Math.ceil(Math.max(x0, x1) + radius + 1));
  const minY = Math.max(0, Math.floor(Math.min(y0, y1) - radius - 1));
  const maxY = Math.min(height - 1, Math.ceil(Math.max(y0, y1) + radius + 1));
  const dx = x1 - x0;
  const dy = y1 - y0;
  const lengthSquared = dx * dx + dy * dy || 1;
  for (let y = minY; y <= maxY; y++) {
    for (let x = minX; x <= maxX; x++) {
      const t = Math.max(0, Math.min(1, ((x - x0) * dx + (y - y0) * dy) / lengthSquared));
      const distance = Math.hypot(x - (x0 + t * dx), y - (y0 + t * dy));
      const coverage = radius + 0.5 - distance;
      if (coverage <= 0) continue;
      const index = y * width + x;
      alpha[index] = Math.max(alpha[index]!, Math.min(1, coverage));
    }
  }
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
