// Next.js calls register() once per server process before the first request.
export async function register() {
  // The start-up work needs Node (PGlite, files, SMTP); Next.js also evaluates this file for the
  // edge runtime, where NEXT_RUNTIME says so and nothing must run.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { onServerStart } = await import("@/lib/server-start");
  await onServerStart();
}
