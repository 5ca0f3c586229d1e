import fs from "node:fs";
import path from "node:path";

/** Each run starts with no leftovers from the last one's per-worker databases. */
export default function setup() {
  fs.rmSync(path.resolve(".data", "test"), { recursive: true, force: true });
}
