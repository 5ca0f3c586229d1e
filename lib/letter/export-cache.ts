import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";
import { normaliseVerificationCode } from "./verification-code";

// The PDF of an export never changes (its code names one snapshot), so it is kept on disk and served
// again without rendering. Losing the folder costs only a render: the file is rebuilt on demand.

function fileOf(code: string): string {
  // The code's own alphabet keeps the name inside the folder; refuse anything else.
  if (normaliseVerificationCode(code) !== code) throw new Error("Not a verification code");
  return path.resolve(env.DATA_DIR, "exports", `${code}.pdf`);
}

export async function readCachedExport(code: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(fileOf(code));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw err;
  }
}

/** Written to a temporary name and renamed, so a reader never sees half a file. */
export async function writeCachedExport(code: string, pdf: Buffer): Promise<void> {
  const file = fileOf(code);
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    await fs.writeFile(tmp, pdf);
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
}

/** Drops an export's file, if there is one (a superseded export is never served again). */
export async function removeCachedExport(code: string): Promise<void> {
  await fs.rm(fileOf(code), { force: true });
}
