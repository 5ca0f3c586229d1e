// Which chromium the tests drive: Playwright's own build if one is installed, else Debian's,
// else install one and say so (apt-get as root, otherwise Playwright's installer).
import { execSync } from "node:child_process";
import fs from "node:fs";
import { chromium } from "@playwright/test";

const DEBIAN_CHROMIUM = "/usr/bin/chromium";

export function findChromium(): string | undefined {
  const bundled = chromium.executablePath();
  if (bundled && fs.existsSync(bundled)) return undefined;
  if (fs.existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  if (process.getuid?.() === 0) {
    console.log("[e2e] No chromium found: installing Debian's chromium with apt-get.");
    execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium", { stdio: "inherit" });
    return DEBIAN_CHROMIUM;
  }
  console.log("[e2e] No chromium found: running `npx playwright install chromium`.");
  execSync("npx playwright install chromium", { stdio: "inherit" });
  return undefined;
}
