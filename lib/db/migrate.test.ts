import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { applyMigrations, MigrationError, readMigrations, type Migration } from "@/lib/db/migrate";
import { pgliteRunner, pgRunner, type SqlRunner } from "@/lib/db/sql-runner";

// The applier against an empty database of each kind the app supports: a fresh in-memory PGlite,
// and, when TEST_DATABASE_URL is set, a throwaway database on that PostgreSQL server.

const root = path.resolve(import.meta.dirname, "../..");
const migrationsDir = path.join(root, "prisma", "migrations");
// Prisma's advisory lock key, which lib/db/migrate.ts shares.
const LOCK_KEY = 72707369;

interface Target {
  runner: SqlRunner;
  /** Whether the migration advisory lock is free, seen from another session (null: no other session). */
  lockIsFree(): Promise<boolean | null>;
  close(): Promise<void>;
}

async function freshPglite(): Promise<Target> {
  const pglite = new PGlite();
  return { runner: pgliteRunner(pglite), lockIsFree: async () => null, close: () => pglite.close() };
}

async function freshPostgres(): Promise<Target> {
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `undersigned_mig_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  const other = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  await other.connect();
  return {
    runner: pgRunner(client),
    lockIsFree: async () => {
      const { rows } = await other.query<{ free: boolean }>("SELECT pg_try_advisory_lock($1) AS free", [LOCK_KEY]);
      if (rows[0]!.free) await other.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]);
      return rows[0]!.free;
    },
    close: async () => {
      await client.end();
      await other.end();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

const targets: [string, () => Promise<Target>][] = [["PGlite (in memory)", freshPglite]];
if (process.env.TEST_DATABASE_URL) targets.push(["PostgreSQL (throwaway database)", freshPostgres]);

// Read straight from the files, independently of readMigrations().
const committed = fs
  .readdirSync(migrationsDir)
  .filter((name) => fs.existsSync(path.join(migrationsDir, name, "migration.sql")))
  .sort()
  .map((name) => {
    const bytes = fs.readFileSync(path.join(migrationsDir, name, "migration.sql"));
    return { name, checksum: createHash("sha256").update(bytes).digest("hex") };
  });
const models = [...fs.readFileSync(path.join(root, "prisma", "schema.prisma"), "utf8").matchAll(/^model (\w+) \{/gm)].map(
  (m) => m[1]!,
);

function synthetic(name: string, sql: string): Migration {
  return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
}

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
  logs: string | null;
}

describe.each(targets)("applyMigrations on %s", (_label, fresh) => {
  let target: Target;
  let runner: SqlRunner;
  beforeEach(async () => {
    target = await fresh();
    runner = target.runner;
  });
  afterEach(async () => {
    await target.close();
  });

  const tables = async () =>
    (
      await runner.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`,
      )
    )
      .map((r) => r.table_name)
      .sort();
  const rows = async () =>
    (
      await runner.query<MigrationRow>(
        `SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count, logs FROM "_prisma_migrations"`,
      )
    ).sort((a, b) => (a.migration_name < b.migration_name ? -1 : 1));

  it("builds an empty database from the committed migrations, with the rows prisma migrate deploy would write", async () => {
    expect(committed.length).toBeGreaterThan(0);
    expect(readMigrations().map((m) => m.name)).toEqual(committed.map((m) => m.name));

    const result = await applyMigrations(runner);
    expect(result).toEqual({ applied: committed.map((m) => m.name), alreadyApplied: [] });

    // Every model of the schema has its table.
    expect(models.length).toBeGreaterThan(10);
    expect(await tables()).toEqual([...models, "_prisma_migrations"].sort());

    const applied = await rows();
    expect(applied.map((r) => ({ name: r.migration_name, checksum: r.checksum }))).toEqual(committed);
    for (const row of applied) {
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("does nothing on a second run", async () => {
    await applyMigrations(runner);
    const before = await rows();
    const again = await applyMigrations(runner);
    expect(again).toEqual({ applied: [], alreadyApplied: committed.map((m) => m.name) });
    expect(await rows()).toEqual(before);
    if ((await target.lockIsFree()) === false) throw new Error("the migration lock was left held");
  });

  it("rolls a failing migration back completely and names it", async () => {
    const good = synthetic("20990101000000_good", `CREATE TABLE "Good" ("id" INTEGER PRIMARY KEY);`);
    const bad = synthetic(
      "20990102000000_broken",
      `CREATE TABLE "Probe" ("id" INTEGER PRIMARY KEY);\nINSERT INTO "Probe" VALUES (1);\nSELEC oops;`,
    );
    const after = synthetic("20990103000000_after", `CREATE TABLE "After" ("id" INTEGER PRIMARY KEY);`);

    const failure = await applyMigrations(runner, [good, bad, after]).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(MigrationError);
    expect((failure as Error).message).toContain("20990102000000_broken");
    expect((failure as Error).message).toMatch(/syntax error/);

    // The migration before it stays applied; the broken one and everything after it left no trace.
    expect(await tables()).toEqual(["Good", "_prisma_migrations"]);
    expect((await rows()).map((r) => r.migration_name)).toEqual(["20990101000000_good"]);
    expect(await target.lockIsFree()).not.toBe(false);

    // Once fixed, the same name applies and the run continues.
    const fixed = synthetic("20990102000000_broken", `CREATE TABLE "Probe" ("id" INTEGER PRIMARY KEY);`);
    expect(await applyMigrations(runner, [good, fixed, after])).toEqual({
      applied: ["20990102000000_broken", "20990103000000_after"],
      alreadyApplied: ["20990101000000_good"],
    });
    expect(await tables()).toEqual(["After", "Good", "Probe", "_prisma_migrations"]);
  });

  it("keeps a migration's schema changes and its _prisma_migrations row in one transaction", async () => {
    // A script that fails is atomic on its own (one simple query); what only the transaction guards
    // is the gap between the script and its row. A name longer than the column's 255 characters
    // makes the row fail after the script has run.
    const name = `20990101000000_${"x".repeat(250)}`;
    const failure = await applyMigrations(runner, [synthetic(name, `CREATE TABLE "Orphan" ("id" INTEGER);`)]).catch(
      (err: unknown) => err,
    );
    expect(failure).toBeInstanceOf(MigrationError);
    expect((failure as Error).message).toContain(name);
    expect(await tables()).toEqual(["_prisma_migrations"]);
    expect(await rows()).toEqual([]);
  });

  it("refuses to go on past a migration that was started but never finished", async () => {
    const stuck = synthetic("20990101000000_stuck", `CREATE TABLE "Stuck" ("id" INTEGER PRIMARY KEY);`);
    const later = synthetic("20990102000000_later", `CREATE TABLE "Later" ("id" INTEGER PRIMARY KEY);`);
    await applyMigrations(runner, []); // creates _prisma_migrations
    await runner.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ('00000000-0000-0000-0000-000000000001', $1, $2, now(), NULL, 0)`,
      [stuck.checksum, stuck.name],
    );

    const failure = await applyMigrations(runner, [stuck, later]).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(MigrationError);
    expect((failure as Error).message).toContain("20990101000000_stuck");
    expect((failure as Error).message).toContain("never finished");
    expect(await tables()).toEqual(["_prisma_migrations"]);
    expect(await target.lockIsFree()).not.toBe(false);

    // Marking the row rolled back, as the message says, lets the migration run again.
    await runner.query(`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = $1`, [stuck.name]);
    expect(await applyMigrations(runner, [stuck, later])).toEqual({
      applied: ["20990101000000_stuck", "20990102000000_later"],
      alreadyApplied: [],
    });
    expect(await tables()).toEqual(["Later", "Stuck", "_prisma_migrations"]);
  });
});
