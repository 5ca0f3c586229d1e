// npm run db:migrate — applies pending migrations to the configured database
// (DATABASE_URL, or the embedded PGlite under DATA_DIR).
import { closeDb, databaseKind, migrateDatabase } from "@/lib/db";

try {
  const { applied, alreadyApplied } = await migrateDatabase();
  console.log(
    `[migrate] ${databaseKind()}: ${applied.length} applied${applied.length ? ` (${applied.join(", ")})` : ""}, ` +
      `${alreadyApplied.length} already applied.`,
  );
} catch (err) {
  console.error(`[migrate] ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await closeDb();
}
