// Test fixture for lib/db/pglite-lock.test.ts: a process that uses the configured database the way
// the app does (migrate, then query through db()), driven over stdin.
//   node --conditions=react-server --import tsx lib/test-utils/hold-db.ts [email-to-add]
// Prints one JSON line per answer: {"pid", "users"} after opening, and again for each "count" line
// read from stdin. Closes the database and exits when stdin ends.
import readline from "node:readline";
import { closeDb, db, migrateDatabase } from "@/lib/db";

async function report(): Promise<void> {
  const users = await db().user.count();
  console.log(JSON.stringify({ pid: process.pid, users }));
}

try {
  await migrateDatabase();
  const email = process.argv[2];
  if (email) await db().user.create({ data: { email } });
  await report();
  for await (const line of readline.createInterface({ input: process.stdin })) {
    if (line.trim() === "count") await report();
  }
} catch (err) {
  console.error((err as Error).message);
  process.exitCode = 1;
} finally {
  await closeDb();
}
