import "server-only";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { acquirePgliteLock, releasePgliteLock } from "@/lib/db/pglite-lock";
import { applyMigrations, type MigrationResult } from "@/lib/db/migrate";
import { pgliteRunner, pgRunner } from "@/lib/db/sql-runner";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

interface Handle {
  prisma: PrismaClient;
  kind: "pglite" | "postgres";
  pglite?: PGlite;
  pgliteDir?: string;
}

// One client per process, kept on globalThis so dev reloads reuse it; created on first use so that
// `next build` never opens the database.
const globalForDb = globalThis as unknown as { undersignedDb?: Handle };

export function pgliteDir(dataDir = env.DATA_DIR): string {
  return path.resolve(dataDir, "pglite");
}

function open(): Handle {
  if (env.DATABASE_URL) {
    const adapter = new PrismaPg({ connectionString: env.DATABASE_URL, max: env.DATABASE_POOL_SIZE });
    return { prisma: new PrismaClient({ adapter }), kind: "postgres" };
  }
  const dir = pgliteDir();
  acquirePgliteLock(dir);
  fs.mkdirSync(dir, { recursive: true });
  const pglite = new PGlite(dir);
  return { prisma: new PrismaClient({ adapter: new PrismaPGlite(pglite) }), kind: "pglite", pglite, pgliteDir: dir };
}

function handle(): Handle {
  return (globalForDb.undersignedDb ??= open());
}

export function db(): PrismaClient {
  return handle().prisma;
}

export function databaseKind(): Handle["kind"] {
  return env.DATABASE_URL ? "postgres" : "pglite";
}

export async function migrateDatabase(): Promise<MigrationResult> {
  if (env.DATABASE_URL) {
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    try {
      return await applyMigrations(pgRunner(client));
    } finally {
      await client.end();
    }
  }
  const h = handle();
  return applyMigrations(pgliteRunner(h.pglite!));
}

export async function closeDb(): Promise<void> {
  const h = globalForDb.undersignedDb;
  if (!h) return;
  globalForDb.undersignedDb = undefined;
  await h.prisma.$disconnect();
  if (h.pglite) {
    await h.pglite.close();
    releasePgliteLock(h.pgliteDir!);
  }
}
