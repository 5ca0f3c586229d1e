import "server-only";
import { logError } from "@/lib/log-error";
import { sendDueDigests } from "@/lib/signatures/review/send-digests";

const globalForLoop = globalThis as unknown as { undersignedDigestLoop?: NodeJS.Timeout };

/** Checks for due daily digests every hour (and once shortly after start). Safe in every app process. */
export function startDigestLoop(everyMs = 60 * 60 * 1000): void {
  if (globalForLoop.undersignedDigestLoop) return;
  const run = () => {
    sendDueDigests().catch((err: unknown) => logError("[digest] sending due digests failed", err));
  };
  setTimeout(run, 60_000).unref();
  globalForLoop.undersignedDigestLoop = setInterval(run, everyMs);
  globalForLoop.undersignedDigestLoop.unref();
}
