// Next.js calls register() once per server process before the first request.
export async function register() {
  // The start-up work needs Node (PGlite, files, SMTP); Next.js also evaluates this file for the
  // edge runtime, where NEXT_RUNTIME says so and nothing must run.
  // The one read of process.env outside lib/env.ts: that module needs Node (fs) and cannot load on
  // the edge, and NEXT_RUNTIME is Next's own variable, the documented way to tell the runtimes apart.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { onServerStart } = await import("@/lib/server-start");
  await onServerStart();
}
