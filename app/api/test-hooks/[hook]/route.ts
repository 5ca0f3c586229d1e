import { env } from "@/lib/env";
import { runTestHook } from "@/lib/test-hooks/run-test-hook";

export const dynamic = "force-dynamic";

const notFound = () => new Response("Not found", { status: 404 });

export async function POST(request: Request, { params }: { params: Promise<{ hook: string }> }) {
  if (!env.TEST_HOOKS) return notFound();
  const { hook } = await params;
  const body: unknown = await request.json().catch(() => ({}));
  const outcome = await runTestHook(hook, body);
  if (!outcome) return notFound();
  if ("error" in outcome) return Response.json({ errors: outcome.error }, { status: 400 });
  return Response.json(outcome.result);
}

// Every other method: with TEST_HOOKS off the route must not be told apart from one that does not
// exist (Next's own answers, 405 and an automatic OPTIONS, would reveal it).
async function otherMethod(): Promise<Response> {
  if (!env.TEST_HOOKS) return notFound();
  return new Response("Method not allowed", { status: 405, headers: { Allow: "POST" } });
}

export const GET = otherMethod;
export const HEAD = otherMethod;
export const PUT = otherMethod;
export const PATCH = otherMethod;
export const DELETE = otherMethod;
export const OPTIONS = otherMethod;
