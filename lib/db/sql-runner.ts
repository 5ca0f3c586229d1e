import "server-only";
import type { PGlite, Transaction } from "@electric-sql/pglite";
import type pg from "pg";

// The smallest surface the migration tools need, over PGlite or a node-postgres client.
export interface SqlRunner {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements. */
  exec(sql: string): Promise<void>;
  transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T>;
}

function pgliteTx(tx: Transaction): SqlRunner {
  return {
    query: async <T>(sql: string, params?: unknown[]) => (await tx.query<T>(sql, params)).rows,
    exec: async (sql) => void (await tx.exec(sql)),
    transaction: (fn) => fn(pgliteTx(tx)),
  };
}

export function pgliteRunner(db: PGlite): SqlRunner {
  return {
    query: async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows,
    exec: async (sql) => void (await db.exec(sql)),
    transaction: (fn) => db.transaction((tx) => fn(pgliteTx(tx))),
  };
}

export function pgRunner(client: pg.ClientBase): SqlRunner {
  const runner: SqlRunner = {
    query: async <T>(sql: string, params?: unknown[]) =>
      (await client.query(sql, params as unknown[] | undefined)).rows as T[],
    exec: async (sql) => void (await client.query(sql)),
    transaction: async (fn) => {
      await client.query("BEGIN");
      try {
        const result = await fn(runner);
        await client.query("COMMIT");
        return result;
      } catch (err) {
        await client.query("ROLLBACK");
        throw err;
      }
    },
  };
  return runner;
}
