import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { afterEach, describe, expect, it } from "vitest";
import { acquirePgliteLock, DatabaseLockedError, lockFileFor, releasePgliteLock } from "@/lib/db/pglite-lock";

// Every process here is a real `node` like the app or `npm run db:migrate`, on the embedded database
// in its own temporary DATA_DIR (whatever database the rest of the test run uses).

const root = path.resolve(import.meta.dirname, "../..");
const TSX = ["--conditions=react-server", "--import", "tsx"];
const FIXTURE = "lib/test-utils/hold-db.ts";
const MIGRATE = "prisma/migrate.ts";
const TIMEOUT = 90_000;

const tempDirs: string[] = [];
const children: ChildProcessWithoutNullStreams[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDataDir(): string {
  // Like the rest of the suite, everything written stays in the git-ignored .data folder.
  const parent = path.join(root, ".data", "test");
  fs.mkdirSync(parent, { recursive: true });
  const dir = fs.mkdtempSync(path.join(parent, "lock-"));
  tempDirs.push(dir);
  return dir;
}

function childEnv(dataDir: string): NodeJS.ProcessEnv {
  // No DATABASE_URL: the embedded database under DATA_DIR.
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "test",
    DATA_DIR: dataDir,
    OUTBOX_WORKER: "false",
    DEMO_DATA: "false",
  };
}

function start(args: string[], dataDir: string) {
  const child = spawn(process.execPath, [...TSX, ...args], { cwd: root, env: childEnv(dataDir) });
  children.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

/** Runs a command to its end with stdin closed. */
async function run(args: string[], dataDir: string) {
  const p = start(args, dataDir);
  p.child.stdin.end();
  const status = await p.exited;
  return { status, ...p.output() };
}

interface Report {
  pid: number;
  users: number;
}

/** Starts the fixture and keeps it running (holding the database) until stop(). */
async function startHolder(dataDir: string, email?: string) {
  const p = start([FIXTURE, ...(email ? [email] : [])], dataDir);
  const lines = readline.createInterface({ input: p.child.stdout })[Symbol.asyncIterator]();
  const next = async (): Promise<Report> => {
    const line = await lines.next();
    if (line.done) throw new Error(`the holder ended early:\n${p.output().stderr}`);
    return JSON.parse(line.value) as Report;
  };
  const first = await next();
  return {
    ...first,
    count: async () => {
      p.child.stdin.write("count\n");
      return (await next()).users;
    },
    stop: async () => {
      p.child.stdin.end();
      return p.exited;
    },
    kill: async () => {
      p.child.kill("SIGKILL");
      await p.exited;
    },
  };
}

function lastReport(stdout: string): Report {
  const last = stdout.trim().split("\n").at(-1);
  return JSON.parse(last ?? "null") as Report;
}

// The embedded database only: the PostgreSQL run (TEST_DATABASE_URL) would repeat these process tests unchanged.
describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))("one process per embedded database", () => {
  it(
    "refuses a second process while the app holds the database, naming the holder, and leaves the database working",
    async () => {
      const dataDir = tempDataDir();
      const dir = path.join(dataDir, "pglite");
      const holder = await startHolder(dataDir, "first@example.org");
      expect(holder.users).toBe(1);
      expect(fs.readFileSync(lockFileFor(dir), "utf8")).toBe(String(holder.pid));

      // An operator runs the migration CLI while the app is up.
      const migrate = await run([MIGRATE], dataDir);
      expect(migrate.status).not.toBe(0);
      expect(migrate.stderr).toContain(`The embedded database in ${dir} is in use by process ${holder.pid}.`);
      expect(migrate.stdout).not.toContain("applied");

      // A second app process trying to write is refused the same way, before touching the files.
      const second = await run([FIXTURE, "second@example.org"], dataDir);
      expect(second.status).not.toBe(0);
      expect(second.stderr).toContain(`in use by process ${holder.pid}`);
      expect(second.stderr).toContain(dir);

      // The refused processes did not take the holder's lock away on their way out.
      expect(fs.readFileSync(lockFileFor(dir), "utf8")).toBe(String(holder.pid));
      expect(await holder.count()).toBe(1);

      expect(await holder.stop()).toBe(0);
      expect(fs.existsSync(lockFileFor(dir))).toBe(false);

      // Once the holder is gone the database opens again, with the holder's row and not the refused one.
      const after = await run([FIXTURE], dataDir);
      expect(after.stderr).toBe("");
      expect(after.status).toBe(0);
      expect(lastReport(after.stdout).users).toBe(1);
      const migrateAfter = await run([MIGRATE], dataDir);
      expect(migrateAfter.status).toBe(0);
      expect(migrateAfter.stdout).toContain("[migrate] pglite: 0 applied");
    },
    TIMEOUT,
  );

  it(
    "takes over a stale lock whose process is dead",
    async () => {
      const dataDir = tempDataDir();
      const dir = path.join(dataDir, "pglite");
      const created = await run([FIXTURE, "kept@example.org"], dataDir);
      expect(created.status).toBe(0);

      // The pid of a process that has certainly exited.
      const gone = start(["-e", ""], dataDir);
      await gone.exited;
      fs.writeFileSync(lockFileFor(dir), String(gone.child.pid));

      const migrate = await run([MIGRATE], dataDir);
      expect(migrate.stderr).toBe("");
      expect(migrate.status).toBe(0);
      expect(migrate.stdout).toMatch(/\[migrate\] pglite: 0 applied, [1-9]\d* already applied\./);

      const after = await run([FIXTURE], dataDir);
      expect(after.status).toBe(0);
      expect(lastReport(after.stdout).users).toBe(1);
      expect(fs.existsSync(lockFileFor(dir))).toBe(false);
    },
    TIMEOUT,
  );

  it(
    "recovers after the holder is killed outright (kill -9 leaves its lock file behind)",
    async () => {
      const dataDir = tempDataDir();
      const dir = path.join(dataDir, "pglite");
      const holder = await startHolder(dataDir, "crash@example.org");
      await holder.kill();
      expect(fs.readFileSync(lockFileFor(dir), "utf8")).toBe(String(holder.pid));

      const after = await run([FIXTURE, "next@example.org"], dataDir);
      expect(after.stderr).toBe("");
      expect(after.status).toBe(0);
      expect(lastReport(after.stdout).users).toBe(2);
    },
    TIMEOUT,
  );

  it(
    "lets exactly one of several processes starting at the same moment take over a stale lock",
    async () => {
      // Each racer takes the lock at the same instant and holds it until its stdin closes.
      const racer = (dir: string, at: number) => `
        const { acquirePgliteLock, DatabaseLockedError } = await import("./lib/db/pglite-lock.ts");
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.max(0, ${at} - Date.now() - 30));
        while (Date.now() < ${at});
        try {
          acquirePgliteLock(${JSON.stringify(dir)});
          console.log("won " + process.pid);
        } catch (err) {
          console.log(err instanceof DatabaseLockedError ? "refused " + err.pid : "error " + err.message);
        }
        process.stdin.resume();`;
      // One round fails the old takeover (3 of 5 racers won it); each racer costs a process start-up.
      const dataDir = tempDataDir();
      const dir = path.join(dataDir, "pglite");
      const gone = start(["-e", ""], dataDir);
      await gone.exited;
      fs.writeFileSync(lockFileFor(dir), String(gone.child.pid));

      const at = Date.now() + 6000;
      const racers = Array.from({ length: 4 }, () => start(["-e", racer(dir, at)], dataDir));
      const answers = await Promise.all(
        racers.map(async (r) => {
          const line = await readline.createInterface({ input: r.child.stdout })[Symbol.asyncIterator]().next();
          if (line.done) throw new Error(`a racer ended early:\n${r.output().stderr}`);
          return { pid: r.child.pid, answer: String(line.value) };
        }),
      );
      const winners = answers.filter((a) => a.answer.startsWith("won "));
      expect(winners, JSON.stringify(answers)).toHaveLength(1);
      const winner = winners[0]!.pid;
      for (const a of answers) if (a.pid !== winner) expect(a.answer).toBe(`refused ${winner}`);
      expect(fs.readFileSync(lockFileFor(dir), "utf8")).toBe(String(winner));
      // Nothing left beside the lock but the lock itself.
      expect(fs.readdirSync(dataDir).filter((f) => f.startsWith("pglite.lock"))).toEqual(["pglite.lock"]);

      for (const r of racers) r.child.stdin.end();
      await Promise.all(racers.map((r) => r.exited));
      expect(fs.existsSync(lockFileFor(dir))).toBe(false);
    },
    TIMEOUT,
  );

  it("is re-entrant within one process and refuses another live pid in-process too", () => {
    const dir = path.join(tempDataDir(), "pglite");
    acquirePgliteLock(dir);
    acquirePgliteLock(dir);
    expect(fs.readFileSync(lockFileFor(dir), "utf8")).toBe(String(process.pid));
    releasePgliteLock(dir);
    expect(fs.existsSync(lockFileFor(dir))).toBe(false);

    // A lock held by a live process (our parent, the vitest main process) is not taken over.
    fs.writeFileSync(lockFileFor(dir), String(process.ppid));
    expect(() => acquirePgliteLock(dir)).toThrow(DatabaseLockedError);
    releasePgliteLock(dir);
    expect(fs.readFileSync(lockFileFor(dir), "utf8")).toBe(String(process.ppid));
  });
});
