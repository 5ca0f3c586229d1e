import "server-only";
import { sendDueDigests } from "@/lib/signatures/review/send-digests";

const globalForLoop = globalThis as unknown as { undersignedDigestLoop?: NodeJS.Timeout };

/** Checks for due daily digests every hour (and once shortly after start). Safe in every app process. */
export function startDigestLoop(everyMs = 60 * 60 * 1000): void {
  if (globalForLoop.undersignedDigestLoop) return;
  const run = () => {
    sendDueDigests().catch((err: Error) => console.warn(`[digest] ${err.message}`));
  };
  setTimeout(run, 60_000).unref();
  globalForLoop.undersignedDigestLoop = setInterval(run, everyMs);
  globalForLoop.undersignedDigestLoop.unref();
}
