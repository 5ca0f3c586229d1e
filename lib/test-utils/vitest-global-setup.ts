import fs from "node:fs";
import path from "node:path";

/** Clears per-worker test databases left by earlier runs (not by a run still going). */
export default function setup() {
  const root = path.resolve(".data", "test");
  const hourAgo = Date.now() - 3_600_000;
  for (const entry of fs.existsSync(root) ? fs.readdirSync(root) : []) {
    const dir = path.join(root, entry);
    if (fs.statSync(dir).mtimeMs < hourAgo) fs.rmSync(dir, { recursive: true, force: true });
  }
}
