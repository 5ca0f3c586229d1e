import "server-only";
import { env, warnAboutGeneratedSecret } from "@/lib/env";
import { startDeadlineLoop } from "@/lib/appeals/deadline";
import { databaseKind, migrateDatabase } from "@/lib/db";
import { DEMO_COORDINATOR_EMAIL } from "@/lib/demo/demo-appeal";
import { seedDemo } from "@/lib/demo/seed-demo";
import { startOutboxWorker } from "@/lib/email/worker";
import { startDigestLoop } from "@/lib/signatures/review/start-digest-loop";
import { devOutboxDir } from "@/lib/email/transport";
import { warmUpLetterRenderer } from "@/lib/letter/render-letter";

/** Runs once per server process, before it serves: migrate, seed the demo, start the workers. */
export async function onServerStart(): Promise<void> {
  warnAboutGeneratedSecret();
  const { applied } = await migrateDatabase();
  console.log(`[start] database: ${databaseKind()}, ${applied.length} migration(s) applied`);
  if (env.DEMO_DATA) {
    const { seeded } = await seedDemo();
    if (seeded) {
      console.log(
        `[start] Demo data created. Sign in as the demo coordinator: open ${env.APP_URL}/sign-in and enter ${DEMO_COORDINATOR_EMAIL}; ` +
          (env.SMTP_URL ? "the link goes to that address." : "the sign-in link is printed here and saved under ${devOutboxDir()}."),
      );
    }
  }
  if (env.TEST_HOOKS) console.warn("[start] TEST_HOOKS is on: test-only routes are enabled. Never in production.");
  if (env.OUTBOX_WORKER) startOutboxWorker();
  startDeadlineLoop();
  startDigestLoop();
  // In the background: the first letter export then takes half the time; a failure only costs that.
  void warmUpLetterRenderer().catch((err: Error) => console.warn(`[start] letter renderer warm-up failed: ${err.message}`));
}
