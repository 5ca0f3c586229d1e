import "server-only";
import { env, warnAboutGeneratedSecret } from "@/lib/env";
import { startDeadlineLoop } from "@/lib/appeals/deadline";
import { databaseKind, migrateDatabase } from "@/lib/db";
import { DEMO_COORDINATOR_EMAIL } from "@/lib/demo/demo-appeal";
import { seedDemo } from "@/lib/demo/seed-demo";
import { startOutboxWorker } from "@/lib/email/worker";
import { startDigestLoop } from "@/lib/signatures/review/start-digest-loop";
import { devOutboxDir, isLoopbackUrl, warnIfMailIsNotDelivered } from "@/lib/email/transport";
import { logError } from "@/lib/log-error";
import { warmUpLetterRenderer } from "@/lib/letter/render-letter";

/** Runs once per server process, before it serves: migrate, seed the demo, start the workers. */
export async function onServerStart(): Promise<void> {
  warnAboutGeneratedSecret();
  const { applied } = await migrateDatabase();
  console.log(`[start] database: ${databaseKind()}, ${applied.length} migration(s) applied`);
  warnIfMailIsNotDelivered();
  if (env.DEMO_DATA) {
    const { seeded } = await seedDemo();
    if (seeded) console.log(`[start] ${demoSignInHint()}`);
  }
  if (env.TEST_HOOKS) console.warn("[start] TEST_HOOKS is on: test-only routes are enabled. Never in production.");
  if (env.OUTBOX_WORKER) startOutboxWorker();
  startDeadlineLoop();
  startDigestLoop();
  // In the background: the first letter export then takes half the time; a failure only costs that.
  void warmUpLetterRenderer().catch((err: unknown) => logError("[start] letter renderer warm-up failed", err, "warn"));
}

/** What the console says after seeding the demo: how to sign in as the demo coordinator. */
export function demoSignInHint({ APP_URL: appUrl, SMTP_URL: smtpUrl }: { APP_URL: string; SMTP_URL?: string } = env): string {
  const where = smtpUrl
    ? "the link goes to that address."
    : isLoopbackUrl(appUrl)
      ? `the sign-in link is printed here and saved under ${devOutboxDir()}.`
      : `with no SMTP_URL the sign-in link is only saved under ${devOutboxDir()}.`;
  return `Demo data created. Sign in as the demo coordinator: open ${appUrl}/sign-in and enter ${DEMO_COORDINATOR_EMAIL}; ${where}`;
}
