// npm run db:seed — adds the demo coordinator and demo appeal to an empty database.
import { closeDb, migrateDatabase } from "@/lib/db";
import { seedDemo } from "@/lib/demo/seed-demo";

try {
  await migrateDatabase();
  const { seeded } = await seedDemo();
  console.log(seeded ? "[seed] Demo data created." : "[seed] The database already has appeals: nothing seeded.");
} catch (err) {
  console.error(`[seed] ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await closeDb();
}
