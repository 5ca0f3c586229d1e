import fs from "node:fs/promises";
import path from "node:path";
import { ImageResponse } from "next/og";
import { signedCountText } from "@/lib/appeals/count-text";
import { cachedPublicAppeal } from "@/lib/appeals/public-cache";

export const alt = "An open letter on Undersigned";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";
export const revalidate = 60;
export const generateStaticParams = async () => [];

const font = (file: string) => fs.readFile(path.join(process.cwd(), "node_modules/@expo-google-fonts/noto-serif", file));

/** The share card: the letter's subject on paper, with how many have signed. */
export default async function OpenGraphImage({ params }: { params: Promise<{ slug: string }> }) {
  const appeal = await cachedPublicAppeal((await params).slug);
  const [regular, bold] = await Promise.all([font("400Regular/NotoSerif_400Regular.ttf"), font("700Bold/NotoSerif_700Bold.ttf")]);
  const title = appeal?.title ?? "Undersigned";
  const count = appeal ? signedCountText(appeal.organisations.length, appeal.individuals.length) : "";
  return new ImageResponse(
    (
      <div style={{ width: "100%", height: "100%", display: "flex", background: "#f4f2ee", padding: 56, fontFamily: "Noto Serif" }}>
        <div style={{ flex: 1, display: "flex", flexDirection: "column", justifyContent: "space-between", background: "#ffffff", padding: "56px 64px", boxShadow: "0 4px 24px rgba(0,0,0,0.12)" }}>
          <div style={{ fontSize: title.length > 90 ? 44 : 56, fontWeight: 700, color: "#1a1a1a", lineHeight: 1.2 }}>{title}</div>
          <div style={{ display: "flex", justifyContent: "space-between", alignItems: "flex-end", fontSize: 30, color: "#4a4f57" }}>
            <span>{count}</span>
            <span style={{ fontWeight: 700, color: "#1f3a5f" }}>Undersigned</span>
          </div>
        </div>
      </div>
    ),
    { ...size, fonts: [{ name: "Noto Serif", data: regular, weight: 400 }, { name: "Noto Serif", data: bold, weight: 700 }] },
  );
}
