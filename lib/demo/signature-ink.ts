import "server-only";
import sharp from "sharp";

// A handwriting-like stroke drawn from a seed, for demo signatories who "signed in ink".
export async function demoSignaturePng(seed: number, ink: "BLACK" | "BLUE"): Promise<Buffer> {
  let x = 30;
  const random = mulberry32(seed);
  const points: string[] = [`M ${x} ${110 + random() * 30}`];
  while (x < 560) {
    const dx = 25 + random() * 35;
    x += dx;
    const y = 60 + random() * 90;
    points.push(`Q ${x - dx / 2} ${y < 105 ? y + 80 : y - 80} ${x} ${y}`);
  }
  const color = ink === "BLUE" ? "#1b3f9c" : "#111111";
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="200">
    <path d="${points.join(" ")}" fill="none" stroke="${color}" stroke-width="4" stroke-linecap="round" stroke-linejoin="round"/>
    <path d="M 60 170 C 200 150, 380 165, 520 150" fill="none" stroke="${color}" stroke-width="3" stroke-linecap="round"/>
  </svg>`;
  return sharp(Buffer.from(svg)).png({ compressionLevel: 9, palette: true }).toBuffer();
}

function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
