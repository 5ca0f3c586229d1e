import "server-only";

// Lets code that just queued a message wake this process's worker instead of waiting for its
// next poll. Other processes still pick the message up on their own poll.
const globalForSignal = globalThis as unknown as { undersignedOutboxWake?: () => void };

export function wakeOutboxWorker(): void {
  globalForSignal.undersignedOutboxWake?.();
}

export function onOutboxWake(fn: (() => void) | undefined): void {
  globalForSignal.undersignedOutboxWake = fn;
}
