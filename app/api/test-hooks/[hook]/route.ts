import { env } from "@/lib/env";
import { runTestHook } from "@/lib/test-hooks/run-test-hook";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ hook: string }> }) {
  if (!env.TEST_HOOKS) return new Response("Not found", { status: 404 });
  const { hook } = await params;
  const body: unknown = await request.json().catch(() => ({}));
  const outcome = await runTestHook(hook, body);
  if (!outcome) return new Response("Not found", { status: 404 });
  if ("error" in outcome) return Response.json({ errors: outcome.error }, { status: 400 });
  return Response.json(outcome.result);
}
