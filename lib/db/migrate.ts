import "server-only";
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { SqlRunner } from "./sql-runner";

// Applies prisma/migrations/*/migration.sql in order, keeping the same `_prisma_migrations` rows
// as `prisma migrate deploy`, so a machine with Prisma's native engine can take over.

export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");
// The advisory lock key Prisma's migrate uses, so our applier and Prisma's exclude each other.
const LOCK_KEY = 72707369;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: string[];
}

export class MigrationError extends Error {
  override name = "MigrationError";
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  // turbopackIgnore: the folder is read at run time; without it the build traces the whole project.
  if (!fs.existsSync(/*turbopackIgnore: true*/ dir)) return [];
  return fs
    .readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(/*turbopackIgnore: true*/ path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(/*turbopackIgnore: true*/ path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

interface Row {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
}

export async function applyMigrations(
  runner: SqlRunner,
  migrations: Migration[] = readMigrations(),
): Promise<MigrationResult> {
  await runner.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
  try {
    await runner.exec(CREATE_TABLE);
    const rows = await runner.query<Row>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const done = new Map(rows.map((r) => [r.migration_name, r]));
    const result: MigrationResult = { applied: [], alreadyApplied: [] };
    for (const m of migrations) {
      const row = done.get(m.name);
      if (row?.finished_at) {
        if (row.checksum !== m.checksum) {
          console.warn(`[migrate] ${m.name} was edited after it was applied (checksum differs); not re-applied.`);
        }
        result.alreadyApplied.push(m.name);
        continue;
      }
      if (row) {
        throw new MigrationError(
          `Migration ${m.name} was started but never finished (a failed \`prisma migrate deploy\`?). ` +
            "Fix the database by hand and mark the row in _prisma_migrations as rolled back.",
        );
      }
      // One transaction per migration: a failing statement leaves neither its schema changes nor its row.
      try {
        await runner.transaction(async (tx) => {
          await tx.exec(m.sql);
          await tx.query(
            `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
             VALUES ($1, $2, $3, now(), now(), 1)`,
            [randomUUID(), m.checksum, m.name],
          );
        });
      } catch (err) {
        throw new MigrationError(`Migration ${m.name} failed and was rolled back: ${(err as Error).message}`);
      }
      result.applied.push(m.name);
    }
    return result;
  } finally {
    await runner.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]);
  }
}
