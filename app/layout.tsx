import type { Metadata, Viewport } from "next";
import { env } from "@/lib/env";
import "./globals.css";

export const metadata: Metadata = {
  // Share cards and canonical links must carry the public address, not the one a request came in on.
  metadataBase: new URL(env.APP_URL),
  title: { default: "Undersigned", template: "%s · Undersigned" },
  description: "Open letters and joint statements, signed by organisations and individuals, verified by email.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        {children}
      </body>
    </html>
  );
}
