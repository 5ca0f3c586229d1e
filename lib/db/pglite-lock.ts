import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

// PGlite has no lock between processes, and a second process opening the same directory corrupts
// it for good. Whoever opens the directory first holds this file (its pid inside) until it exits.
//
// Every step is atomic, so two processes starting at once never both get it:
// - The file is created complete, by hard-linking a temporary file that already holds our pid
//   (an exclusive create then a write would let another process read it empty, as if stale).
// - A stale file (its process is dead) is removed only by the one process that creates the
//   takeover marker named after that file's inode. Without it, two processes could both see the
//   dead pid, and the slower one would delete the lock the faster one had just created.
// Then everyone tries the exclusive create again; the one that succeeds holds the lock.

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

/** A file with no valid pid this young may still be being written (only without hard links). */
const BEING_WRITTEN_MS = 2000;
const ATTEMPTS = 100;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export function lockFileFor(dir: string): string {
  return `${path.resolve(dir)}.lock`;
}

// The lock files this process holds; a file with our pid that is not here was left by an earlier
// process that had the same pid (after a restart, in a container).
const held = new Set<string>();

interface Seen {
  pid: number | null;
  ino: number;
  mtimeMs: number;
}

/** The lock file's holder and identity, read from one open file; null when there is none. */
function look(file: string): Seen | null {
  let fd: number;
  try {
    fd = fs.openSync(file, "r");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw err;
  }
  try {
    const { ino, mtimeMs } = fs.fstatSync(fd);
    const pid = Number.parseInt(fs.readFileSync(fd, "utf8"), 10);
    return { pid: Number.isInteger(pid) && pid > 0 ? pid : null, ino, mtimeMs };
  } finally {
    fs.closeSync(fd);
  }
}

function isStale(seen: Seen): boolean {
  if (seen.pid === null) return Date.now() - seen.mtimeMs > BEING_WRITTEN_MS;
  return seen.pid !== process.pid && !isAlive(seen.pid);
}

/** Creates the lock file holding our pid, or returns false when one exists. */
function create(file: string): boolean {
  const temp = `${file}.${process.pid}-${randomBytes(6).toString("hex")}.tmp`;
  fs.writeFileSync(temp, String(process.pid), { flag: "wx" });
  try {
    fs.linkSync(temp, file);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return false;
    if (!["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS"].includes(code ?? "")) throw err;
    // A file system without hard links: an exclusive create, with the short window isStale allows for.
    try {
      fs.writeFileSync(file, String(process.pid), { flag: "wx" });
      return true;
    } catch (inner) {
      if ((inner as NodeJS.ErrnoException).code === "EEXIST") return false;
      throw inner;
    }
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/** Removes the stale lock file `seen` if this process wins its takeover marker; else waits a moment. */
function takeOver(file: string, seen: Seen): void {
  const marker = `${file}.takeover-${seen.ino}`;
  try {
    fs.writeFileSync(marker, String(process.pid), { flag: "wx" });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    pause(10 + Math.random() * 20);
    return;
  }
  try {
    // While we hold the marker, nobody else may remove this file; it is still the one we saw, and
    // still stale, unless its inode was reused by a new lock, whose holder is then alive.
    const now = look(file);
    if (now && now.ino === seen.ino && isStale(now)) fs.rmSync(file, { force: true });
  } finally {
    fs.rmSync(marker, { force: true });
  }
}

/** Takes the lock for `dir` or throws DatabaseLockedError. Re-entrant within one process. */
export function acquirePgliteLock(dir: string): void {
  const file = lockFileFor(dir);
  if (held.has(file) && look(file)?.pid === process.pid) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let acquired = false;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (create(file)) {
      acquired = true;
      break;
    }
    const seen = look(file);
    if (!seen) continue; // released in the meantime: try again
    if (seen.pid === process.pid) {
      acquired = true; // ours, left by an earlier process that had the same pid
      break;
    }
    if (seen.pid !== null && isAlive(seen.pid)) throw new DatabaseLockedError(dir, seen.pid);
    if (isStale(seen)) takeOver(file, seen);
    else pause(10); // being written
  }
  if (!acquired) {
    throw new Error(
      `Could not take the lock ${file}: it stays held by a process that is gone. ` +
        `If no process uses the database in ${dir}, delete ${file} and any ${path.basename(file)}.takeover-* beside it.`,
    );
  }
  if (!held.has(file)) process.once("exit", () => releasePgliteLock(dir));
  held.add(file);
}

export function releasePgliteLock(dir: string): void {
  const file = lockFileFor(dir);
  held.delete(file);
  try {
    if (look(file)?.pid === process.pid) fs.rmSync(file, { force: true });
  } catch {
    // already gone
  }
}
