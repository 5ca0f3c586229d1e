import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/db/migrate";
import { pgliteRunner, pgRunner } from "@/lib/db/sql-runner";
import { seedDemo } from "@/lib/demo/seed-demo";
import { PrismaClient } from "@/lib/generated/prisma/client";

// Two app processes starting together on one empty database (README: "Running several app
// processes"): two clients of their own on a fresh, migrated database, seeding at the same moment.

interface Fresh {
  clients: [PrismaClient, PrismaClient];
  close(): Promise<void>;
}

async function freshPglite(): Promise<Fresh> {
  const pglite = new PGlite();
  await applyMigrations(pgliteRunner(pglite));
  const clients: [PrismaClient, PrismaClient] = [
    new PrismaClient({ adapter: new PrismaPGlite(pglite) }),
    new PrismaClient({ adapter: new PrismaPGlite(pglite) }),
  ];
  return {
    clients,
    close: async () => {
      await Promise.all(clients.map((c) => c.$disconnect()));
      await pglite.close();
    },
  };
}

async function freshPostgres(): Promise<Fresh> {
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `undersigned_seed_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const migrator = new pg.Client({ connectionString: url.toString() });
  await migrator.connect();
  await applyMigrations(pgRunner(migrator));
  await migrator.end();
  const clients: [PrismaClient, PrismaClient] = [
    new PrismaClient({ adapter: new PrismaPg({ connectionString: url.toString(), max: 2 }) }),
    new PrismaClient({ adapter: new PrismaPg({ connectionString: url.toString(), max: 2 }) }),
  ];
  return {
    clients,
    close: async () => {
      await Promise.all(clients.map((c) => c.$disconnect()));
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

const targets: [string, () => Promise<Fresh>][] = [["PGlite (in memory)", freshPglite]];
if (process.env.TEST_DATABASE_URL) targets.push(["PostgreSQL (throwaway database)", freshPostgres]);

describe.each(targets)("seedDemo on %s", (_, fresh) => {
  it("seeds once when two processes start together on an empty database", async () => {
    const db = await fresh();
    try {
      const [a, b] = db.clients;
      const results = await Promise.all([seedDemo({ client: a }), seedDemo({ client: b })]);
      expect(results.map((r) => r.seeded).sort()).toEqual([false, true]);
      expect(await a.appeal.count()).toBe(1);
      expect(await a.user.count()).toBe(1);
      expect(await b.textVersion.count()).toBe(1);
      expect(await b.signature.count()).toBeGreaterThan(0);
      // A later start finds the demo and leaves it alone.
      expect(await seedDemo({ client: b })).toEqual({ seeded: false });
      expect(await a.appeal.count()).toBe(1);
    } finally {
      await db.close();
    }
  });
});
