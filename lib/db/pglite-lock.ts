import "server-only";
import fs from "node:fs";
import path from "node:path";

// PGlite has no lock between processes, and a second process opening the same directory corrupts
// it for good. Whoever opens the directory first holds this file until it exits.

export class DatabaseLockedError extends Error {
  override name = "DatabaseLockedError";
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database in ${dir} is in use by process ${pid}. ` +
        `Only one process may open it at a time: stop process ${pid} (for example the running app) and try again, ` +
        "or set DATABASE_URL to use a PostgreSQL server.",
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function lockFileFor(dir: string): string {
  return `${path.resolve(dir)}.lock`;
}

/** Takes the lock for `dir` or throws DatabaseLockedError. Re-entrant within one process. */
export function acquirePgliteLock(dir: string): void {
  const file = lockFileFor(dir);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: "wx" });
      process.once("exit", () => releasePgliteLock(dir));
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    const holder = Number.parseInt(fs.readFileSync(file, "utf8"), 10);
    if (holder === process.pid) return;
    if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) throw new DatabaseLockedError(dir, holder);
    // The holder died without cleaning up: the lock is stale.
    fs.rmSync(file, { force: true });
  }
  throw new Error(`Could not take the lock ${file}`);
}

export function releasePgliteLock(dir: string): void {
  const file = lockFileFor(dir);
  try {
    if (Number.parseInt(fs.readFileSync(file, "utf8"), 10) === process.pid) fs.rmSync(file, { force: true });
  } catch {
    // already gone
  }
}
