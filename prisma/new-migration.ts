// npm run db:new-migration -- <name>
// Writes prisma/migrations/<UTC timestamp>_<name>/migration.sql with the SQL that takes a database
// built from the existing migrations to prisma/schema.prisma. Prisma's `migrate dev` needs a native
// engine that can't be fetched here, so this runs Prisma's own schema engine (WebAssembly build)
// against a throwaway in-memory PGlite.
import fs from "node:fs";
import path from "node:path";
import { diffSchemaAgainstMigrations } from "@/lib/db/schema-diff";
import { MIGRATIONS_DIR } from "@/lib/db/migrate";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:new-migration -- <name>   (lower case letters, digits and _)");
  process.exit(2);
}

const sql = await diffSchemaAgainstMigrations();
if (sql === null) {
  console.log("The schema matches the migrations: nothing to write.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, "migration.sql"), sql);
console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql:\n\n${sql}`);
